// The time of day a description implies ("a garden at sunset", "a bedroom at night"), for the
// light of the emitted scene (Environment::time_of_day). The words are a closed class, kept as
// data in time_of_day_table.cc.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "scenecraft/core/stages.h"

namespace scenecraft {

// One word that names a time of day, and the time (one of Environment::kTimesOfDay).
struct TimeWord {
  std::string_view word;  // lower case
  std::string_view time_of_day;
};

// The table of time words (time_of_day_table.cc).
const TimeWord* TimeWordsBegin();
const TimeWord* TimeWordsEnd();

// The time of day a word names ("sunset" -> "dusk"), if it names one.
std::optional<std::string> TimeOfDayOfWord(std::string_view word);

// Sets plan->graph.environment.time_of_day from the prompt when the plan left it empty, and
// counts the time words it used as accounted for in plan->coverage. With a coverage, only words
// the planner left unaccounted are read (so "night" in "a night table" stays the planner's);
// without one, every word of `prompt`. The first time word wins. Returns the word used, if any.
std::optional<std::string> ApplyTimeOfDay(std::string_view prompt, PlanResult* plan);

}  // namespace scenecraft
