// The LLM library-learner (issue 13): with `learn --planner llm`, a model reads the batch's
// evidence and the current library and may propose skill updates as typed JSON. Every proposal is
// checked against the skill schema (skills/skill_json.h) like any outside data: an invalid one is
// rejected with the reason and the JSON pointer; a valid one is only a candidate, accepted by the
// learner's re-run rule like the consensus's candidates (agent/learn.h). Nothing the model writes
// is executed.
#pragma once

#include <string>
#include <vector>

#include "scenecraft/llm/chat_client.h"
#include "scenecraft/skills/consensus.h"
#include "scenecraft/skills/skill.h"

namespace scenecraft {

// A proposal the schema refused (or a whole reply): what was proposed, as text, and why not.
struct RejectedProposal {
  std::string proposal;  // the item's JSON, or the reply when it was not the schema's
  std::string reason;    // "/skills/2/params/args/height_m: 'near' takes no ..."
};

struct LlmSkillProposals {
  std::vector<Skill> valid;  // schema-checked, origin "llm", version 0
  std::vector<RejectedProposal> rejected;
};

// The request the learner sends: the skill schema in words, the current library and a summary
// of the evidence (one line per relation, category pair and parameter, with its values).
ChatRequest SkillLearnerRequest(const std::vector<Evidence>& evidence,
                                const std::vector<Skill>& current);

// Parses the model's reply ({"skills": [{"kind", "params", "why"}, ...]}). A reply that is not
// that JSON rejects everything, with the reason; each item is checked on its own.
LlmSkillProposals ParseSkillProposals(const std::string& reply);

// Asks the model (one call) and parses its reply. An endpoint failure is a rejection of the
// whole call with the reason (learning goes on with the consensus's candidates).
LlmSkillProposals ProposeSkillUpdates(ChatClient& client, const std::vector<Evidence>& evidence,
                                      const std::vector<Skill>& current);

}  // namespace scenecraft
