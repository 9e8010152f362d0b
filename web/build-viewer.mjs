// Bundles the report's 3D viewer (web/viewer/viewer.js with three.js from node_modules) into one
// minified script for report.html to inline: node web/build-viewer.mjs OUT.js
// Run by the build (src/scenecraft/agent/CMakeLists.txt); the output is a build product.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const out = process.argv[2];
if (!out) {
  console.error('usage: build-viewer.mjs OUT.js');
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const result = await esbuild.build({
  entryPoints: [path.join(here, 'viewer', 'viewer.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  write: false,
  legalComments: 'eof',
  logLevel: 'warning',
});
let code = result.outputFiles[0].text;
// Inlined in a <script> element: "</script" must not appear in it ("<\/" means the same in JS).
code = code.replace(/<\/(script)/gi, '<\\/$1');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out + '.tmp', code);
fs.renameSync(out + '.tmp', out);
console.log(`build-viewer: ${out} (${code.length} bytes)`);
