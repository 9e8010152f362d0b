# Turns data/skills/seed.json into a C++ source holding its text (run at build time), so the
# binary carries the seed library and reads no file at run time.
file(READ "${INPUT}" text)
string(FIND "${text}" ")SCSEED\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )SCSEED\"")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from data/skills/seed.json by embed_seed.cmake. Do not edit.\n"
  "namespace scenecraft::internal {\n"
  "extern const char* const kSeedSkillsJson;\n"
  "const char* const kSeedSkillsJson = R\"SCSEED(${text})SCSEED\";\n}  // namespace scenecraft::internal\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
