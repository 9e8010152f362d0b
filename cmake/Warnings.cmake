# One interface target carries the warning flags for all of our own code.
add_library(scenecraft_warnings INTERFACE)
target_compile_options(scenecraft_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough)
if(SCENECRAFT_WERROR)
  target_compile_options(scenecraft_warnings INTERFACE -Werror)
endif()
