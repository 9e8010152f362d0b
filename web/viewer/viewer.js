// The 3D view of report.html: the scene's glTF (scene.glb, embedded in the page as base64), with
// orbit controls, the object under the pointer labelled, and the relations drawn as lines
// coloured by their verdict on what Blender built (toggleable). Bundled with three.js by
// web/build-viewer.mjs into one script that the report inlines, so the page works from file://
// with no network.
//
// The page provides: <script type="application/json" id="sc-scene-data"> with
// {"objects": [{"id", "category", "description"}], "relations": [{"label", "subjects", "pass"}]},
// <script type="application/octet-stream" id="sc-scene-glb"> with the base64 of scene.glb, and
// <div id="sc-viewer">. Text from the scene goes into the page as text (textContent), never as
// markup.
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';

const kPass = 0x1a9641;
const kFail = 0xd7191c;

function decodeBase64(text) {
  const binary = atob(text.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; ++i) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

function showMessage(container, text) {
  const p = document.createElement('p');
  p.className = 'sc-viewer-message';
  p.textContent = text;
  container.appendChild(p);
}

// The scene object a mesh belongs to: its nearest ancestor named by an object id.
function owningObject(node, byId) {
  for (let n = node; n; n = n.parent) {
    if (byId.has(n.name)) return n;
  }
  return null;
}

function start() {
  const container = document.getElementById('sc-viewer');
  const dataElement = document.getElementById('sc-scene-data');
  const glbElement = document.getElementById('sc-scene-glb');
  if (!container || !dataElement || !glbElement) return;
  const data = JSON.parse(dataElement.textContent);
  const info = new Map(data.objects.map((o) => [o.id, o]));

  const width = container.clientWidth || 800;
  const height = Math.round(width * 0.6);
  let renderer;
  try {
    renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
  } catch (e) {
    showMessage(container, 'The 3D view needs WebGL, which this browser does not offer.');
    return;
  }
  renderer.setPixelRatio(window.devicePixelRatio || 1);
  renderer.setSize(width, height);
  container.appendChild(renderer.domElement);

  const scene = new THREE.Scene();
  scene.background = new THREE.Color(0xf2f2f2);
  scene.add(new THREE.HemisphereLight(0xffffff, 0x888888, 2.0));
  const sun = new THREE.DirectionalLight(0xffffff, 1.5);
  sun.position.set(3, 8, 5);
  scene.add(sun);
  const camera = new THREE.PerspectiveCamera(45, width / height, 0.05, 500);
  const controls = new OrbitControls(camera, renderer.domElement);
  controls.enableDamping = false;

  // The label that follows the pointer.
  const label = document.createElement('div');
  label.id = 'sc-label';
  label.style.cssText = 'position:absolute;display:none;pointer-events:none;background:#222;' +
      'color:#fff;padding:2px 6px;border-radius:3px;font:13px sans-serif;white-space:nowrap';
  container.style.position = 'relative';
  container.appendChild(label);

  // The relation lines and their switch.
  const lines = new THREE.Group();
  lines.name = 'relation lines';
  const toggle = document.getElementById('sc-toggle-relations');

  const render = () => renderer.render(scene, camera);
  controls.addEventListener('change', render);

  const loader = new GLTFLoader();
  loader.parse(decodeBase64(glbElement.textContent), '', (gltf) => {
    const root = gltf.scene;
    scene.add(root);
    const nodes = new Map();
    root.traverse((n) => {
      if (info.has(n.name) && !nodes.has(n.name)) nodes.set(n.name, n);
      // The ceiling is part of the model but would hide the room from above (the render leaves
      // it out too).
      if (/^ceiling/.test(n.name) && !info.has(n.name)) n.visible = false;
    });

    // Frame the whole scene from the viewer's side, a little above.
    const bounds = new THREE.Box3().setFromObject(root);
    const centre = bounds.getCenter(new THREE.Vector3());
    const size = bounds.getSize(new THREE.Vector3()).length() || 1;
    camera.position.set(centre.x, centre.y + size * 0.55, centre.z + size * 0.75);
    controls.target.copy(centre);
    controls.update();

    // Relation lines: from each subject to the last (the reference of a group relation).
    const centres = new Map();
    for (const [id, node] of nodes) {
      centres.set(id, new THREE.Box3().setFromObject(node).getCenter(new THREE.Vector3()));
    }
    for (const relation of data.relations) {
      const points = [];
      const ends = relation.subjects.filter((s) => centres.has(s));
      for (let k = 0; k + 1 < ends.length; ++k) {
        points.push(centres.get(ends[k]), centres.get(ends[ends.length - 1]));
      }
      if (points.length === 0) continue;
      const geometry = new THREE.BufferGeometry().setFromPoints(points);
      const material = new THREE.LineBasicMaterial({ color: relation.pass ? kPass : kFail,
                                                     depthTest: false, transparent: true });
      const segment = new THREE.LineSegments(geometry, material);
      segment.renderOrder = 10;
      segment.userData.relation = relation.label;
      lines.add(segment);
    }
    scene.add(lines);
    if (toggle) {
      toggle.addEventListener('change', () => { lines.visible = toggle.checked; render(); });
      lines.visible = toggle.checked;
    }

    // Hover: label the object under the pointer.
    const raycaster = new THREE.Raycaster();
    const pointer = new THREE.Vector2();
    renderer.domElement.addEventListener('pointermove', (event) => {
      const rect = renderer.domElement.getBoundingClientRect();
      pointer.set(((event.clientX - rect.left) / rect.width) * 2 - 1,
                  -((event.clientY - rect.top) / rect.height) * 2 + 1);
      raycaster.setFromCamera(pointer, camera);
      const hit = raycaster.intersectObjects([...nodes.values()], true)[0];
      const object = hit ? owningObject(hit.object, info) : null;
      if (!object) {
        label.style.display = 'none';
        return;
      }
      const o = info.get(object.name);
      label.textContent = o.id + ' (' + o.category + (o.description ? ', ' + o.description : '') + ')';
      label.style.left = (event.clientX - rect.left + 12) + 'px';
      label.style.top = (event.clientY - rect.top + 12) + 'px';
      label.style.display = 'block';
    });
    renderer.domElement.addEventListener('pointerleave', () => { label.style.display = 'none'; });

    render();
    // For tests and curious readers: where each object is on the canvas, in CSS pixels.
    window.scViewer = {
      ready: true,
      objects: [...nodes.keys()],
      relationLines: lines.children.length,
      screenPoint(id) {
        const p = centres.get(id).clone().project(camera);
        const rect = renderer.domElement.getBoundingClientRect();
        return { x: rect.left + (p.x + 1) / 2 * rect.width, y: rect.top + (1 - p.y) / 2 * rect.height };
      },
    };
  }, (error) => {
    showMessage(container, 'The 3D view could not read the scene: ' + (error && error.message));
  });
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start);
} else {
  start();
}
