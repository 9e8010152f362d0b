// The walkway term of the layout search (issue 14): in a room with a door, the free floor a
// walker reaches from the door and the fronts of the objects people use, measured as the critic
// measures them (layout/navigability.h) but on a grid of the solver's bodies. A move updates it
// in place: only the touched objects are drawn again, the reached floor is repaired where the
// move changed it (a full flood from the doors only when the move may have cut a way off), and
// a rejected move is undone from a log.
#pragma once

#include <cstdint>
#include <vector>

#include "scenecraft/core/polygon.h"

namespace scenecraft::solver {

class State;

struct WalkwayOptions {
  // The critic's walker is 0.4 m wide on 5 cm cells; the search keeps 3 cm more on each side
  // so that a way the coarser grid finds is one the critic finds on the readback.
  double walker_m = 0.46;
  double cell_m = 0.1;
  double reach_m = 0.5;  // an object without access is used from within this of its foot
  // Of the free floor, the share the walker must reach (the critic passes at 0.9).
  double share = 0.95;
  // Large halls get coarser cells, so a flood stays cheap.
  int max_cells = 40000;
};

class Walkway {
 public:
  explicit Walkway(State* state, const WalkwayOptions& options = {});

  // Only rooms with a door have a walkway to keep.
  bool active() const { return active_; }
  // Everything from scratch on the current bodies.
  void Rebuild();
  // After the touched objects' bodies changed: the walkway of the new state, kept until the
  // search accepts or rejects the move.
  void Move(const std::vector<int>& touched);
  void Accept();
  void Reject();

  // The cost (unreached floor beyond the share, unreachable fronts) and the failures it counts.
  double cost() const { return cost_; }
  int bad() const { return bad_; }
  // Marks the objects taking part in a failure: the unreachable ones and the obstacles around
  // them or beside unreached floor.
  void MarkConflicted(std::vector<char>* mark);
  // The share of the free floor reached, and the objects whose front is not.
  double ReachedShare() const;
  std::vector<int> Unreachable() const;

 private:
  struct CellRange {
    int x0 = 0, y0 = 0, x1 = -1, y1 = -1;  // inclusive; empty when x1 < x0
  };
  CellRange Cells(const Rect2& rect, double margin) const;
  Vec2 Centre(int k) const;
  bool Free(int k) const { return mask_[k] && count_[k] == 0; }
  bool Obstacle(int i) const;
  // Adds (+1) or removes (-1) an obstacle's footprint grown by half the walker.
  void Draw(const Rect2& foot, int delta, bool log);
  void Seeds(std::vector<int>* out) const;
  void FullFlood();
  void Expand(std::vector<int>* queue);
  bool StillConnected(const std::vector<int>& lost);
  void SetReached(int k, char value);
  bool FrontReached(int i) const;
  void Score();

  State& s_;
  WalkwayOptions options_;
  bool active_ = false;
  double r_ = 0.0;
  double cell_ = 0.1;
  Vec2 origin_;
  int nx_ = 0, ny_ = 0;
  Polygon2 floor_;
  std::vector<char> mask_;     // a walker's centre may stand here when nothing else does
  std::vector<int> count_;     // obstacles covering the cell
  std::vector<char> reached_;  // reached from a door
  int mask_count_ = 0, blocked_count_ = 0, reached_count_ = 0;
  std::vector<std::vector<int>> door_cells_;  // per door: candidate first cells, nearest first
  std::vector<int> seeds_;
  std::vector<char> is_obstacle_;  // per item: never an obstacle when 0 (openings)
  std::vector<char> drawn_;        // per item: its footprint is drawn
  std::vector<Rect2> foot_;        // per item: the footprint drawn
  std::vector<int> fronts_;        // items used from their front or side
  std::vector<char> front_ok_;     // per item
  int unreachable_ = 0;
  double cost_ = 0.0;
  int bad_ = 0;

  // The move under way: what to undo.
  struct Undo {
    int item;
    bool drawn;
    Rect2 foot;
  };
  std::vector<Undo> undo_items_;
  std::vector<int> flipped_;        // cells whose reached flag changed
  std::vector<int> front_flipped_;  // items whose front flag changed
  std::vector<int> changed_;        // mask cells whose free state the move changed
  std::vector<uint32_t> stamp_;
  uint32_t stamp_now_ = 0;
  std::vector<int> old_seeds_;
  int old_unreachable_ = 0, old_blocked_ = 0, old_reached_ = 0;
  double old_cost_ = 0.0;
  int old_bad_ = 0;
  std::vector<int> queue_, scratch_;
};

}  // namespace scenecraft::solver
