// Sizes in context (issue 12): an object's size is chosen with the things the text relates it to.
// What stands on a support is smaller than the support's top, what is inside a container fits in
// it, and a stack fits on what carries it. Runs after the assets gave every object its size (the
// model's real one, or a size prior) and before the layout; sizes the user or the planner gave
// are kept. Where no plausible size satisfies the text, it says so and changes nothing.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "scenecraft/core/scene.h"

namespace scenecraft {

struct ContextSizeOptions {
  // The share of a support's top (or a container's inside) that one object may span.
  double fill_share = 0.9;
  // The smallest scale an object's resolved size may be given: below it the object would no
  // longer be the kind of thing it is (things of one kind vary about twice in size; a 2 m sofa
  // is no 70 cm sofa), and the text cannot be met.
  double min_scale = 0.5;
  void Check() const;
};

// Scales objects uniformly so that they fit what the text puts them on or in ("a vase on a
// small stool", "a teapot inside the cabinet"), the smallest scale first where several relations
// ask for it. `fixed` holds the ids whose size was given (never changed); a support under a thing
// of given size grows its footprint to carry it. Returns one line per
// change and per relation no size can satisfy; the lines are also added to the graph's notes.
std::vector<std::string> FitSizesToContext(SceneGraph* graph, const std::set<std::string>& fixed,
                                           const ContextSizeOptions& options = {});

}  // namespace scenecraft
