# scenecraft_module(NAME SOURCES ... DEPS ... PRIVATE_DEPS ...)
# Declares the library target scenecraft_<NAME> for one folder of src/scenecraft.
# DEPS may only name modules declared before this one, so a cycle cannot be built:
# the check below refuses a dependency on a module that does not exist yet.
set_property(GLOBAL PROPERTY SCENECRAFT_MODULES "")

function(scenecraft_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  get_property(known GLOBAL PROPERTY SCENECRAFT_MODULES)
  foreach(dep IN LISTS ARG_DEPS)
    if(NOT dep IN_LIST known)
      message(FATAL_ERROR "module '${name}' depends on '${dep}', which is not declared before it: "
                          "dependencies must point down the module list of ARCHITECTURE.md")
    endif()
  endforeach()
  add_library(scenecraft_${name} STATIC ${ARG_SOURCES})
  target_include_directories(scenecraft_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  list(TRANSFORM ARG_DEPS PREPEND scenecraft_ OUTPUT_VARIABLE dep_targets)
  target_link_libraries(scenecraft_${name} PUBLIC ${dep_targets} PRIVATE scenecraft_warnings ${ARG_PRIVATE_DEPS})
  set_property(GLOBAL APPEND PROPERTY SCENECRAFT_MODULES ${name})
endfunction()

# scenecraft_tests(NAME SOURCES ... [LIBS ...] [LABELS ...])
# One test program per module; every test is registered as "<module>/<Suite>.<Test>",
# so `ctest -R layout/` runs one module. Integration tests (real Blender, real servers)
# name their suite with "Integration" so `ctest -LE integration` style filtering works by name.
function(scenecraft_tests name)
  if(NOT SCENECRAFT_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name}_test ${ARG_SOURCES})
  target_link_libraries(${name}_test PRIVATE scenecraft_${name} ${ARG_LIBS} scenecraft_warnings
                                             GTest::gtest GTest::gmock GTest::gtest_main)
  target_compile_definitions(${name}_test PRIVATE
    SCENECRAFT_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    SCENECRAFT_BINARY_DIR="${PROJECT_BINARY_DIR}")
  gtest_discover_tests(${name}_test TEST_PREFIX "${name}/" DISCOVERY_TIMEOUT 60
                       PROPERTIES TIMEOUT 900)
endfunction()
