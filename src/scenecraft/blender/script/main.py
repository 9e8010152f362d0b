# -- Main ----------------------------------------------------------------------------------------


def main():
    options = parse_options()
    warnings = []
    start = time.perf_counter()
    reset_scene()
    scene = bpy.context.scene
    collection = scene.collection
    build_environment(collection, SCENE["environment"], SCENE.get("surfaces", {}))
    library = ModelLibrary(SCENE.get("models", {}), warnings)
    roots = [build_object(collection, library, spec) for spec in SCENE["objects"]]
    camera = build_camera(collection, SCENE["camera"], options.width, options.height)
    build_lights(collection, SCENE["environment"], SCENE["objects"], warnings)
    configure_render(options)
    bpy.context.view_layer.update()
    timings = {"build_s": time.perf_counter() - start}
    print("scenecraft: built %d objects in %.3f s" % (len(roots), timings["build_s"]))

    index_folder = None
    index_counts = None
    if options.render:
        started = time.perf_counter()
        cycles = scene.render.engine == "CYCLES"
        use_index = options.readback and options.visibility == "index"
        if use_index and cycles:
            index_folder = setup_index_pass(roots, options.render)
        if cycles and options.smooth_light:
            add_light_smoothing(scene)
        scene.render.filepath = os.path.abspath(options.render)
        hidden = hide_ceiling_above(scene, camera)
        bpy.ops.render.render(write_still=True)
        show_again(hidden)
        if index_folder is not None:
            index_counts = read_index_pass(index_folder, roots)
        elif use_index:
            try:
                index_counts = render_index_pass(roots, options.render)
            except Exception as error:  # Fall back to the ray map; say so.
                warnings.append("object-index pass failed (%s); counting pixels by rays" % error)
        timings["render_s"] = time.perf_counter() - started
        print("scenecraft: rendered %s in %.3f s" % (options.render, timings["render_s"]))
    if options.readback:
        depsgraph = bpy.context.evaluated_depsgraph_get()
        boxes = {}
        for root in roots:
            lo, hi, _ = world_box(mesh_descendants(root), depsgraph)
            boxes[root.name] = (lo, hi)
        extra = {}
        if options.beauty:
            extra["beauty"] = beauty_readback({root["sc_id"]: boxes[root.name] for root in roots},
                                              options)
        visibility = {}
        if options.render:
            started = time.perf_counter()
            visibility = measure_visibility(scene, depsgraph, camera, roots, boxes, options.width,
                                            options.height, max(1, options.visibility_step),
                                            index_counts)
            timings["visibility_method"] = "index_pass" if index_counts is not None else "ray_map"
            print("scenecraft: measured visibility (%s) in %.3f s"
                  % (timings["visibility_method"], time.perf_counter() - started))
        write_readback(options.readback, roots, SCENE["camera"], options, timings, visibility,
                       warnings, extra)
    if options.beauty:
        render_extra_view(camera, options.beauty, options, warnings, "beauty")
    if options.check:
        render_extra_view(camera, options.check, options, warnings, "check")
    if options.readback:
        # How the pictures came out (brightness, burnt-out and murky shares, grain), written
        # once they exist; the readback above stays if this fails.
        try:
            images = {kind: image_stats(path) for kind, path in
                      (("render", options.render), ("beauty", options.beauty),
                       ("check", options.check)) if path and os.path.isfile(path)}
            extra["images"] = images
            write_readback(options.readback, roots, SCENE["camera"], options, timings,
                           visibility, warnings, extra)
        except Exception as error:
            print("scenecraft: warning: the image measures failed (%s)" % error)
    if options.views > 0:
        render_dataset_views(roots, camera, options, warnings)
    if options.save_blend:
        bpy.ops.wm.save_as_mainfile(filepath=os.path.abspath(options.save_blend))
    if options.export_gltf:
        path = os.path.abspath(options.export_gltf)
        raise_ior_for_gltf()
        bpy.ops.export_scene.gltf(filepath=path,
                                  export_format="GLB" if path.endswith(".glb") else "GLTF_SEPARATE")
    for warning in warnings:
        print("scenecraft: warning: %s" % warning)


if __name__ == "__main__":
    try:
        main()
    except SystemExit:
        raise
    except Exception:
        traceback.print_exc()
        sys.exit(1)
