# Joins the parts of the emitted script (script/*.py, in the order of INPUTS, separated by "|")
# into one C++ source holding the text of the standalone script (run at build time).
string(REPLACE "|" ";" inputs "${INPUTS}")
set(text "")
foreach(input IN LISTS inputs)
  file(READ "${input}" part)
  string(FIND "${part}" ")SCPY\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${input} contains the raw-string delimiter )SCPY\"")
  endif()
  string(APPEND text "${part}")
endforeach()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from src/scenecraft/blender/script/*.py by embed_template.cmake. Do not edit.\n"
  "namespace scenecraft {\nextern const char* const kSceneTemplate;\n"
  "const char* const kSceneTemplate = R\"SCPY(${text})SCPY\";\n}  // namespace scenecraft\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
