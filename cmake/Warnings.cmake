# One interface target carries the warning flags for all of our own code.
add_library(scenecraft_warnings INTERFACE)
target_compile_options(scenecraft_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough)
if(SCENECRAFT_WERROR)
  target_compile_options(scenecraft_warnings INTERFACE -Werror)
endif()
# GCC 12 at -O3 reports -Wrestrict inside libstdc++'s own std::string operator+ (GCC bug 105329),
# which no code of ours can avoid; it is switched off there so Release builds stay warning-free.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(scenecraft_warnings INTERFACE -Wno-restrict)
endif()
