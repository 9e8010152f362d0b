// A command-line usage error: a flag value the CLI cannot use (--resolution 0x0, --room nanx4x3,
// --llm-budget -1). main exits with kExitUsage for it, as for the flags CLI11 itself rejects. It
// lives in util because the option structs of lower modules (agent's BackendOptions) throw it.
#pragma once

#include "scenecraft/util/error.h"

namespace scenecraft {

class UsageError : public Error {
 public:
  using Error::Error;
};

}  // namespace scenecraft
