// Errors, as decided in ARCHITECTURE.md section 9:
//  - a broken invariant (a bug) aborts through SC_CHECK with the values printed;
//  - bad input or a failing outside party throws scenecraft::Error, whose message names the place;
//  - expected outcomes are returned values, never exceptions.
#pragma once

#include <sstream>
#include <stdexcept>
#include <string>

namespace scenecraft {

// The one exception type of the project. `what()` is a complete, user-facing message that says
// what was wrong and where (a prompt span, a JSON pointer, file:line).
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

namespace internal {
[[noreturn]] void CheckFailed(const char* file, int line, const char* expression,
                              const std::string& values);

template <typename A, typename B>
std::string DescribeValues(const A& a, const B& b) {
  std::ostringstream out;
  out << "(" << a << " vs " << b << ")";
  return out.str();
}
}  // namespace internal

}  // namespace scenecraft

// Aborts with the failing expression when an invariant does not hold. For bugs only.
#define SC_CHECK(condition)                                                                    \
  do {                                                                                         \
    if (!(condition)) ::scenecraft::internal::CheckFailed(__FILE__, __LINE__, #condition, ""); \
  } while (false)

#define SC_CHECK_OP_(a, b, op)                                               \
  do {                                                                       \
    const auto& sc_check_a_ = (a);                                           \
    const auto& sc_check_b_ = (b);                                           \
    if (!(sc_check_a_ op sc_check_b_))                                       \
      ::scenecraft::internal::CheckFailed(                                   \
          __FILE__, __LINE__, #a " " #op " " #b,                             \
          ::scenecraft::internal::DescribeValues(sc_check_a_, sc_check_b_)); \
  } while (false)

#define SC_CHECK_EQ(a, b) SC_CHECK_OP_(a, b, ==)
#define SC_CHECK_NE(a, b) SC_CHECK_OP_(a, b, !=)
#define SC_CHECK_LT(a, b) SC_CHECK_OP_(a, b, <)
#define SC_CHECK_LE(a, b) SC_CHECK_OP_(a, b, <=)
#define SC_CHECK_GT(a, b) SC_CHECK_OP_(a, b, >)
#define SC_CHECK_GE(a, b) SC_CHECK_OP_(a, b, >=)
