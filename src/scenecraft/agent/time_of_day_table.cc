// Words that name a time of day (a closed class) and the time each means for the light.
#include "scenecraft/agent/time_of_day.h"

namespace scenecraft {
namespace {

constexpr TimeWord kTimeWords[] = {
    {"dawn", "dawn"},           {"daybreak", "dawn"},
    {"sunrise", "dawn"},        {"morning", "morning"},
    {"mornings", "morning"},    {"noon", "noon"},
    {"midday", "noon"},         {"noontime", "noon"},
    {"afternoon", "afternoon"}, {"afternoons", "afternoon"},
    {"daytime", "afternoon"},   {"evening", "dusk"},
    {"evenings", "dusk"},       {"dusk", "dusk"},
    {"sunset", "dusk"},         {"sundown", "dusk"},
    {"twilight", "dusk"},       {"nightfall", "dusk"},
    {"night", "night"},         {"nights", "night"},
    {"nighttime", "night"},     {"midnight", "night"},
    {"moonlight", "night"},     {"moonlit", "night"},
};

}  // namespace

const TimeWord* TimeWordsBegin() {
  return std::begin(kTimeWords);
}
const TimeWord* TimeWordsEnd() {
  return std::end(kTimeWords);
}

}  // namespace scenecraft
