# Turns a text file into a C++ source holding its text as `const char* const SYMBOL` in namespace
# scenecraft (run at build time), so the binary carries it and reads no file at run time.
file(READ "${INPUT}" text)
string(FIND "${text}" ")SCTEXT\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )SCTEXT\"")
endif()
get_filename_component(name "${INPUT}" NAME)
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${name} by embed_text.cmake. Do not edit.\n"
  "namespace scenecraft {\n"
  "extern const char* const ${SYMBOL};\n"
  "const char* const ${SYMBOL} = R\"SCTEXT(${text})SCTEXT\";\n}  // namespace scenecraft\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
