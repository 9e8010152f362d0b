// The offline critic: judges what Blender actually built (the readback) against the scene graph,
// with the RELATIONS.md pass tests of the layout module, plus the whole-scene checks (collision
// on real mesh boxes, support, inside the room, object counts, visibility in the render).
#pragma once

#include <map>
#include <string>

#include "scenecraft/core/stages.h"
#include "scenecraft/layout/relations.h"

namespace scenecraft {

// What the RELATIONS.md tests see of the readback: one body per object Blender built, keyed by
// id, with the support the graph gave it (the critic and the corpus evaluation share this).
std::map<std::string, Body> BodiesFromReadback(const SceneGraph& graph, const Readback& readback);

// The context the tests need: the graph's room and the camera Blender used (else the graph's).
EvalContext ContextFor(const SceneGraph& graph, const Readback& readback);

struct GeometricCriticOptions {
  double min_visible_fraction = 0.2;  // RELATIONS.md visibility: at least 20 % visible
  bool check_visibility = true;       // off when there was no render
  void Check() const;
};

class GeometricCritic : public Critic {
 public:
  explicit GeometricCritic(GeometricCriticOptions options = {});
  Critique Review(const CritiqueInput& input) override;

 private:
  GeometricCriticOptions options_;
};

}  // namespace scenecraft
