#include "scenecraft/util/error.h"

#include <cstdio>
#include <cstdlib>

namespace scenecraft::internal {

void CheckFailed(const char* file, int line, const char* expression, const std::string& values) {
  std::fprintf(stderr, "scenecraft: internal error at %s:%d: check failed: %s %s\n", file, line,
               expression, values.c_str());
  std::abort();
}

}  // namespace scenecraft::internal
