#include "scenecraft/lang/chunker_data.h"

namespace scenecraft::chunker_detail {

const std::vector<FunctionPhrase>& FunctionPhrases() {
  static const std::vector<FunctionPhrase> phrases = {
      {{"as", "well", "as"}, ItemKind::kAnd},
      {{"along", "with"}, ItemKind::kWith},
      {{"together", "with"}, ItemKind::kWith},
      {{"paired", "with"}, ItemKind::kWith},
      {{"complete", "with"}, ItemKind::kWith},
      {{"made", "out", "of"}, ItemKind::kMadeOf},
      {{"made", "of"}, ItemKind::kMadeOf},
      {{"made", "from"}, ItemKind::kMadeOf},
      {{"built", "from"}, ItemKind::kMadeOf},
      {{"crafted", "from"}, ItemKind::kMadeOf},
      {{"and"}, ItemKind::kAnd},
      {{"or"}, ItemKind::kAnd},
      {{"plus"}, ItemKind::kAnd},
      {{"&"}, ItemKind::kAnd},
      {{"with"}, ItemKind::kWith},
      {{"has"}, ItemKind::kWith},
      {{"have"}, ItemKind::kWith},
      {{"having"}, ItemKind::kWith},
      {{"featuring"}, ItemKind::kWith},
      {{"features"}, ItemKind::kWith},
      {{"including"}, ItemKind::kWith},
      {{"includes"}, ItemKind::kWith},
      {{"containing"}, ItemKind::kWith},
      {{"contains"}, ItemKind::kWith},
      {{"holding"}, ItemKind::kWith},
      {{"holds"}, ItemKind::kWith},
      {{"of"}, ItemKind::kOf},
      {{"for"}, ItemKind::kFor},
      {{"without"}, ItemKind::kNegation},
      {{"which"}, ItemKind::kRelative},
      {{"who"}, ItemKind::kRelative},
  };
  return phrases;
}

bool IsPronounWord(std::string_view w) {
  return w == "it" || w == "them" || w == "they" || w == "itself" || w == "both" || w == "either" ||
         w == "latter" || w == "former" || w == "other" || w == "others" || w == "one" ||
         w == "ones" || w == "these" || w == "those" || w == "this" || w == "that" || w == "all" ||
         w == "each";
}

}  // namespace scenecraft::chunker_detail
