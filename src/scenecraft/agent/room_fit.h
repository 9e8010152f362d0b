// The room and the real sizes of what stands in it (issue 12). The planner sizes a room the text
// does not size from the sizes it expects its things to have; the assets then give them their real
// sizes, which may be larger (a fire truck, a pool table, a grand piano). Runs after the assets
// and before the sizes in context (agent/context_sizes.h): a room the text did not size grows to
// hold what stands on its floor; a room the text (or the user) sized keeps its size and the things
// shrink to fit it, never below a plausible size.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "scenecraft/core/scene.h"

namespace scenecraft {

struct RoomFitOptions {
  // The strip around a thing that stays free to walk by it (or to reach it), metres.
  double walkway_m = 0.6;
  // The clearance left between the largest thing and the walls, metres (the planner's rule).
  double wall_clearance_m = 1.0;
  // The room left above the tallest thing, metres.
  double headroom_m = 0.3;
  // The smallest scale a thing's real size may be given to fit a room the text sized (the same
  // bound as the sizes in context: below half its size it is no longer the kind of thing it is).
  double min_scale = 0.5;
  void Check() const;
};

// The floor area what stands on the floor needs: the sum of its footprints, each grown by the
// walkway on every side. Things on, in, on a wall or hanging from something, and flat coverings
// (rugs) need none. `scale` scales every size first.
double FloorNeed(const SceneGraph& graph, const std::set<std::string>& scaled_ids, double scale,
                 const RoomFitOptions& options = {});

// Fits the room and what stands in it (rooms only; the open air has room). When `room_given` is
// false the room grows, keeping its proportions, doors and windows in place along their walls,
// until the floor holds FloorNeed and every floor thing fits with the wall clearance, and its
// ceiling rises to clear the tallest with `headroom_m` (to at most twice its height). When it is
// true (the text, --room or a room file sized it), the floor things whose size was not given
// (`fixed`) shrink by one factor until they fit, never below `min_scale`; where that is not enough
// they keep the smallest plausible size and the line says so. Returns one line per change (also
// added to the graph's notes); lines that say a size could not be met start with "no plausible".
std::vector<std::string> FitRoomToContents(SceneGraph* graph, const std::set<std::string>& fixed,
                                           bool room_given, const RoomFitOptions& options = {});

// Whether the room's size was given: by the text ("a 3 by 4 metre room"; the planner's note says
// so), which FitRoomToContents must then keep.
bool TextSizedRoom(const SceneGraph& graph);

}  // namespace scenecraft
