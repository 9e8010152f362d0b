// The floor an object needs kept clear to be used: a wardrobe's doors open, a fridge is stood in
// front of, a desk has its chair, a bed is got into from a long side. Decided from data: a table
// of WordNet nouns (core/access_table.cc), matched against an object's category and then its
// WordNet hypernyms nearest first ("armoire" -> "wardrobe", "dishwasher" -> "white goods").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scenecraft {

struct AccessRule {
  std::string_view noun;   // a WordNet noun: "wardrobe", "white goods", "plumbing fixture"
  double clearance_m = 0;  // the depth kept clear
  bool long_side = false;  // beside a long side (either one) rather than in front
};

const std::vector<AccessRule>& AccessTable();
// The rule of the first of `category`, then `hypernyms` (nearest first), that the table names;
// nullopt when none does.
std::optional<AccessRule> AccessFor(std::string_view category,
                                    const std::vector<std::string>& hypernyms);

}  // namespace scenecraft
