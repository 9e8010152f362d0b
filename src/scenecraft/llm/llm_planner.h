// The LLM planner (ARCHITECTURE.md section 6), following the paper's steps: (1) list the assets,
// single objects with detailed descriptions and real sizes in metres; (2) decompose them into
// ordered sub-scenes, environment and anchors first, details last; (3) build each sub-scene's
// relation graph with the RELATIONS.md vocabulary only. Every reply is validated with the strict
// scene JSON reader; its exact problems (with JSON pointers) go back to the model for a bounded
// number of repairs. A scene that still fails, a refusal, or a failing endpoint falls back to the
// injected planner (the offline one), and the result says why. Replies are data: nothing in them
// is executed, and they reach the emitted script only as validated scene JSON.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scenecraft/core/stages.h"
#include "scenecraft/llm/chat_client.h"
#include "scenecraft/util/json.h"

namespace scenecraft {

struct LlmPlannerOptions {
  int repair_rounds = 2;          // further replies asked for after a reply with problems
  int max_subscenes = 6;          // more sub-scenes than this is a problem for the model to fix
  int max_objects = 200;          // more objects than this is a problem for the model to fix
  size_t max_text_bytes = 20000;  // longer descriptions are refused, as the offline planner does
  void Check() const;
};

// What one Plan() did, for reports and the fault matrix.
struct LlmPlanStats {
  int requests = 0;  // chat completions asked for (each may have made several attempts)
  int repairs = 0;   // replies that had problems and were sent back
  bool fell_back = false;
  std::string fallback_reason;  // why, when it fell back
};

class LlmPlanner : public Planner {
 public:
  // `client` and `fallback` must outlive the planner; `fallback` may be null (then failures
  // throw Error).
  LlmPlanner(ChatClient* client, Planner* fallback, LlmPlannerOptions options = {});
  PlanResult Plan(std::string_view text) override;
  const LlmPlanStats& last_stats() const { return stats_; }

 private:
  PlanResult PlanWithModel(std::string_view text);

  ChatClient* client_;
  Planner* fallback_;
  LlmPlannerOptions options_;
  LlmPlanStats stats_;
};

// The relation vocabulary as the prompt lists it: one line per type with its arity and arguments.
std::string RelationVocabularyForPrompt();
// The JSON text inside a model's reply: the reply itself, or the first ```json fenced block, or
// the outermost {...}. Returns the reply unchanged when none is found (the parser then says why).
std::string ExtractJsonText(std::string_view reply);
// The JSON value inside a model's reply (ExtractJsonText, then the strict parser); when it is not
// valid JSON, a problem at the root says why and the value is null.
nlohmann::json ParseReplyJson(std::string_view reply, JsonProblems* problems);
// True when a reply without JSON reads as a refusal ("I'm sorry, I can't ...").
bool LooksLikeRefusal(std::string_view reply);

}  // namespace scenecraft
