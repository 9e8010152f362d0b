#include "scenecraft/agent/time_of_day.h"

#include <cctype>
#include <vector>

#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

// The lower-case words of a text (runs of letters).
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace

std::optional<std::string> TimeOfDayOfWord(std::string_view word) {
  const std::string lower = ToLower(word);
  for (const TimeWord* w = TimeWordsBegin(); w != TimeWordsEnd(); ++w) {
    if (w->word == lower) return std::string(w->time_of_day);
  }
  return std::nullopt;
}

std::optional<std::string> ApplyTimeOfDay(std::string_view prompt, PlanResult* plan) {
  Environment& env = plan->graph.environment;
  if (!plan->coverage) {
    if (!env.time_of_day.empty()) return std::nullopt;
    for (const std::string& word : Words(prompt)) {
      if (auto time = TimeOfDayOfWord(word)) {
        env.time_of_day = *time;
        return word;
      }
    }
    return std::nullopt;
  }
  // Find the unaccounted time words: the first sets the time (unless the plan has one), and all
  // of them are accounted for by the environment's light.
  PlanCoverage& coverage = *plan->coverage;
  std::optional<std::string> used;
  for (size_t i = 0; i < coverage.unaccounted_text.size();) {
    const std::vector<std::string> words = Words(coverage.unaccounted_text[i]);
    std::optional<std::string> time;
    if (words.size() == 1) time = TimeOfDayOfWord(words[0]);
    if (!time) {
      ++i;
      continue;
    }
    if (env.time_of_day.empty()) env.time_of_day = *time;
    if (!used) used = words[0];
    coverage.unaccounted_text.erase(coverage.unaccounted_text.begin() +
                                    static_cast<std::ptrdiff_t>(i));
    if (i < coverage.unaccounted.size()) {
      coverage.unaccounted.erase(coverage.unaccounted.begin() + static_cast<std::ptrdiff_t>(i));
    }
    ++coverage.accounted_words;
  }
  return used;
}

}  // namespace scenecraft
