// The vision critic (ARCHITECTURE.md section 6): the render (and a top-down view when there is
// one), the description, the objects and the numbered relations go to a vision model through the
// llm module's ChatClient; its answer is parsed strictly into the same Critique type the
// geometric critic produces. MergeCritiques() combines the two: measured facts win for what
// geometry can measure, the model adds what geometry cannot see.
#pragma once

#include <string>
#include <vector>

#include "scenecraft/core/stages.h"
#include "scenecraft/llm/chat_client.h"

namespace scenecraft {

struct VlmCriticOptions {
  int repair_rounds = 1;  // further replies asked for after a reply with problems
  void Check() const;
};

class VlmCritic : public Critic {
 public:
  // `client` and `fallback` must outlive the critic. When the model fails (endpoint, budget,
  // refusal, a reply that stays invalid) the critique comes from `fallback` (the geometric
  // critic) and warnings() says why; without a fallback the failure throws Error.
  VlmCritic(ChatClient* client, Critic* fallback, VlmCriticOptions options = {});
  Critique Review(const CritiqueInput& input) override;
  // Why reviews fell back, one line per review that did.
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  ChatClient* client_;
  Critic* fallback_;
  VlmCriticOptions options_;
  std::vector<std::string> warnings_;
};

// Reads a vision model's critique (the JSON of prompts/critic_v1.md) for `graph`, recording
// problems with JSON pointers. Every stated relation gets a kRelation finding: failing when the
// model names it, passing otherwise; the other kinds map to kCount (missing_object), kAsset
// (wrong_asset) and kComposition. All findings have source "vlm".
Critique ParseVlmCritique(const nlohmann::json& reply, const SceneGraph& graph,
                          JsonProblems* problems);

// Measured facts win: relation verdicts, collisions, support, room bounds, counts and visibility
// come from `geometric`; from `vlm` only the failing findings geometry cannot make (a missing
// object, a wrong kind of asset, composition) are added. Scores are the geometric ones.
Critique MergeCritiques(const Critique& geometric, const Critique& vlm);

// --critic both: the geometric critic and the vision critic, merged.
class CombinedCritic : public Critic {
 public:
  CombinedCritic(Critic* geometric, VlmCritic* vlm) : geometric_(geometric), vlm_(vlm) {}
  Critique Review(const CritiqueInput& input) override;

 private:
  Critic* geometric_;
  VlmCritic* vlm_;
};

}  // namespace scenecraft
