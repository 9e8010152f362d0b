# Turns the bundled 3D viewer (web/build-viewer.mjs's output) into a C++ source holding its text
# (run at build time).
file(READ "${INPUT}" text)
string(FIND "${text}" ")SCJS\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "the viewer bundle contains the raw-string delimiter )SCJS\"")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from the bundled 3D viewer by embed_viewer.cmake. Do not edit.\n"
  "namespace scenecraft {\nextern const char* const kViewerScript;\n"
  "const char* const kViewerScript = R\"SCJS(${text})SCJS\";\n}  // namespace scenecraft\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
