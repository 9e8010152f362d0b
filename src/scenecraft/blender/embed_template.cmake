# Turns scene_template.py into a C++ source holding its text (run at build time).
file(READ "${INPUT}" text)
string(FIND "${text}" ")SCPY\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "scene_template.py contains the raw-string delimiter )SCPY\"")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from scene_template.py by embed_template.cmake. Do not edit.\n"
  "namespace scenecraft {\nextern const char* const kSceneTemplate;\n"
  "const char* const kSceneTemplate = R\"SCPY(${text})SCPY\";\n}  // namespace scenecraft\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
