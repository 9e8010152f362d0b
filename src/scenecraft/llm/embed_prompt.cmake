# Turns one prompt file into a C++ source holding its text (run at build time), so the binary
# carries the versioned prompts of src/scenecraft/llm/prompts/ and reads no file at run time.
file(READ "${INPUT}" text)
string(FIND "${text}" ")SCPROMPT\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )SCPROMPT\"")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${NAME}.md by embed_prompt.cmake. Do not edit.\n"
  "#include \"scenecraft/llm/prompts.h\"\n"
  "namespace scenecraft::prompts {\n"
  "const char* const ${VAR} = R\"SCPROMPT(${text})SCPROMPT\";\n}  // namespace scenecraft::prompts\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
