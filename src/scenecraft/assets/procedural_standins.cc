// Stand-in shapes: generic recipes for kinds of things rather than for one category (a figure, a
// cage, a board, a vessel, a pole, an appliance, a cart, a tank, a garment, a sign, a bag, an
// instrument). An object whose category no catalog model matches takes the shape of its nearest
// WordNet hypernym that one of these (or a catalog category) stands for; see standin.h. Like the
// catalog's recipes, each fills exactly [-w/2, w/2] x [-d/2, d/2] x [0, h] and faces -Y.
#include <algorithm>
#include <cmath>
#include <utility>

#include "scenecraft/assets/procedural_builder.h"

namespace scenecraft::procedural {
namespace {

using S = Support;

void Add(std::vector<Entry>* entries, std::string name, Vec3 size, bool has_front, Support support,
         std::string main, Recipe recipe) {
  entries->push_back({CategoryInfo{std::move(name), {}, size, has_front, support, {}},
                      std::move(main),
                      std::move(recipe),
                      {}});
}

std::vector<Entry> MakeStandIns() {
  std::vector<Entry> entries;

  // A figure on a plinth: body, head and a pointed cap (statues, figurines, gnomes, dolls).
  Add(&entries, "figurine", {0.25, 0.25, 0.45}, true, S::kFloor, "body",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("plinth", 0.35, 0.34, 0.32, 0.8);
        b.Mat("body", 0.55, 0.5, 0.45, 0.6);
        b.Mat("head", 0.75, 0.55, 0.45, 0.6);
        b.Cyl(0, 0, 0, 0.08 * s.z, s.x, s.y, "plinth", 24);
        b.Cone(0, 0, 0.08 * s.z, 0.62 * s.z, 0.8 * s.x, 0.8 * s.y, 0.55, "body", 20);
        b.Sphere(-0.25 * s.x, 0.25 * s.x, -0.25 * s.y, 0.25 * s.y, 0.58 * s.z, 0.84 * s.z, "head",
                 16);
        b.Cone(0, 0, 0.8 * s.z, s.z, 0.32 * s.x, 0.32 * s.y, 0.0, "body", 16);
      });

  // A cage: a tray, a roof and vertical bars round the sides (pet cages, coops, pens).
  Add(&entries, "cage", {0.5, 0.35, 0.4}, true, S::kFloor, "tray",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("tray", 0.55, 0.12, 0.1, 0.5);
        b.Mat("bars", 0.7, 0.7, 0.72, 0.3, 1.0);
        const double X = s.x / 2, Y = s.y / 2, bar = std::min(0.012, 0.04 * std::min(s.x, s.y));
        b.Box(-X, X, -Y, Y, 0, 0.12 * s.z, "tray");
        b.Box(-X, X, -Y, Y, 0.95 * s.z, s.z, "bars");
        const int nx = std::max(3, static_cast<int>(s.x / 0.05));
        const int ny = std::max(2, static_cast<int>(s.y / 0.05));
        for (int i = 0; i <= nx; ++i) {
          const double x = -X + bar / 2 + (s.x - bar) * i / nx;
          for (double y : {-Y + bar / 2, Y - bar / 2}) {
            b.Cyl(x, y, 0.12 * s.z, 0.95 * s.z, bar, bar, "bars", 6);
          }
        }
        for (int j = 1; j < ny; ++j) {
          const double y = -Y + bar / 2 + (s.y - bar) * j / ny;
          for (double x : {-X + bar / 2, X - bar / 2}) {
            b.Cyl(x, y, 0.12 * s.z, 0.95 * s.z, bar, bar, "bars", 6);
          }
        }
      });

  // A board standing on its end: a slab with rounded edges and a stripe (boards, panels).
  Add(&entries, "board", {0.5, 0.07, 1.6}, true, S::kFloor, "board",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("board", 0.85, 0.82, 0.75, 0.4);
        b.Mat("stripe", 0.15, 0.3, 0.55, 0.4);
        const double X = s.x / 2, Y = s.y / 2;
        b.Box(-X, X, -Y, Y, 0, s.z, "board", 0.45 * std::min(s.x, s.y));
        b.Box(-0.06 * s.x, 0.06 * s.x, -Y * 1.0, -0.9 * Y, 0.05 * s.z, 0.95 * s.z, "stripe");
      });

  // A round vessel: a bellied body and a neck (pots, jars, urns, drums, baskets).
  Add(&entries, "vessel", {0.3, 0.3, 0.35}, false, S::kFloor, "body",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("body", 0.55, 0.3, 0.18, 0.5);
        b.Cone(0, 0, 0, 0.75 * s.z, s.x, s.y, 1.0 / 0.75, "body", 24);
        b.Cone(0, 0, 0.75 * s.z, 0.92 * s.z, s.x, s.y, 0.8, "body", 24);
        b.Torus(0, 0, 0.9 * s.z, s.z, 0.85 * s.x, 0.85 * s.y, "body", 24);
      });

  // A pole: a long rod with a tip (sticks, cues, staffs, tools with handles).
  Add(&entries, "pole", {0.05, 0.05, 1.4}, false, S::kFloor, "rod",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("rod", 0.45, 0.28, 0.14, 0.5);
        b.Mat("tip", 0.12, 0.12, 0.13, 0.5);
        b.Cone(0, 0, 0, 0.85 * s.z, s.x, s.y, 0.7, "rod", 12);
        b.Cyl(0, 0, 0.85 * s.z, s.z, 0.7 * s.x, 0.7 * s.y, "tip", 12);
      });

  // An appliance: a cabinet with a dark front panel and two knobs (machines, devices).
  Add(&entries, "appliance", {0.6, 0.6, 0.85}, true, S::kFloor, "body",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("body", 0.82, 0.82, 0.8, 0.35, 0.2);
        b.Mat("panel", 0.03, 0.03, 0.04, 0.2);
        const double X = s.x / 2, Y = s.y / 2, t = std::min(0.01, 0.03 * s.y);
        b.Box(-X, X, -Y + t, Y, 0, s.z, "body", 0.01 * std::min(s.x, s.z));
        b.Box(-0.8 * X, 0.8 * X, -Y, -Y + t, 0.2 * s.z, 0.75 * s.z, "panel");
        b.Cyl(-0.5 * X, -Y + t / 2, 0.82 * s.z, 0.9 * s.z, 0.06 * s.x, t, "panel", 12);
        b.Cyl(0.5 * X, -Y + t / 2, 0.82 * s.z, 0.9 * s.z, 0.06 * s.x, t, "panel", 12);
      });

  // A cart: a body on four wheels (carts, wagons, trolleys, trains seen small).
  Add(&entries, "cart", {0.6, 1.0, 0.9}, true, S::kFloor, "body",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("body", 0.2, 0.3, 0.5, 0.5);
        b.Mat("wheel", 0.03, 0.03, 0.03, 0.7);
        const double X = s.x / 2, Y = s.y / 2, wheel = 0.3 * s.z, wt = 0.12 * s.x;
        b.Box(-0.9 * X, 0.9 * X, -Y, Y, 0.25 * s.z, s.z, "body", 0.02 * std::min(s.x, s.z));
        for (double x : {-X, X - wt}) {
          for (double y : {-0.8 * Y, 0.8 * Y - wheel}) {
            b.CylX(x, x + wt, y, y + wheel, 0, wheel, "wheel", 16);
          }
        }
      });

  // A glass tank: a glass box with water and a dark rim (aquariums, terrariums, vivariums).
  Add(&entries, "tank", {0.8, 0.35, 0.5}, true, S::kSurface, "glass",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("glass", 0.8, 0.9, 0.95, 0.05, 0.0, 0.0, 0.9);
        b.Mat("water", 0.1, 0.35, 0.45, 0.1, 0.0, 0.0, 0.5);
        b.Mat("rim", 0.03, 0.03, 0.03, 0.5);
        const double X = s.x / 2, Y = s.y / 2;
        b.Box(-X, X, -Y, Y, 0, 0.06 * s.z, "rim");
        b.Box(-X, X, -Y, Y, 0.06 * s.z, 0.94 * s.z, "glass");
        b.Box(-0.96 * X, 0.96 * X, -0.92 * Y, 0.92 * Y, 0.08 * s.z, 0.8 * s.z, "water");
        b.Box(-X, X, -Y, Y, 0.94 * s.z, s.z, "rim");
      });

  // A garment on a hanger: a body, shoulders with sleeves and a hook (clothes, suits).
  Add(&entries, "garment", {0.55, 0.08, 0.9}, true, S::kWall, "cloth",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("cloth", 0.15, 0.17, 0.22, 0.9);
        b.Mat("hook", 0.6, 0.6, 0.62, 0.3, 1.0);
        const double X = s.x / 2, Y = s.y / 2;
        b.Box(-0.6 * X, 0.6 * X, -Y, Y, 0, 0.8 * s.z, "cloth", 0.3 * s.y);
        b.Box(-X, X, -0.8 * Y, 0.8 * Y, 0.5 * s.z, 0.82 * s.z, "cloth", 0.3 * s.y);
        b.Box(-0.05 * s.x, 0.05 * s.x, -0.3 * Y, 0.3 * Y, 0.82 * s.z, s.z, "hook");
      });

  // A sign: a post and a panel (signposts, signboards, notice boards on legs).
  Add(&entries, "sign", {0.6, 0.08, 1.8}, true, S::kFloor, "panel",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("post", 0.3, 0.3, 0.32, 0.4, 1.0);
        b.Mat("panel", 0.1, 0.35, 0.2, 0.5);
        const double X = s.x / 2, Y = s.y / 2;
        b.Cyl(0, 0, 0, 0.6 * s.z, 0.1 * s.x, 0.8 * s.y, "post", 12);
        b.Box(-X, X, -Y, Y, 0.6 * s.z, s.z, "panel", 0.02 * std::min(s.x, s.z));
      });

  // A soft bag: a rounded sack, slightly flattened (bags, sacks, beanbags, fish-like bodies).
  Add(&entries, "bag", {0.4, 0.25, 0.45}, false, S::kFloor, "cloth",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("cloth", 0.45, 0.35, 0.25, 0.9);
        b.Box(-0.35 * s.x, 0.35 * s.x, -0.35 * s.y, 0.35 * s.y, 0, 0.3 * s.z, "cloth",
              0.1 * std::min(s.x, s.y));
        b.Sphere(-s.x / 2, s.x / 2, -s.y / 2, s.y / 2, 0, s.z, "cloth", 20);
      });

  // A stringed instrument standing up: a waisted body and a neck (violins, guitars, cellos).
  Add(&entries, "instrument", {0.4, 0.12, 1.0}, true, S::kFloor, "wood",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("wood", 0.45, 0.2, 0.06, 0.35);
        b.Mat("neck", 0.05, 0.03, 0.02, 0.4);
        const double Y = s.y / 2;
        b.Sphere(-s.x / 2, s.x / 2, -Y, Y, 0, 0.45 * s.z, "wood", 20);
        b.Sphere(-0.38 * s.x, 0.38 * s.x, -0.9 * Y, 0.9 * Y, 0.33 * s.z, 0.65 * s.z, "wood", 20);
        b.Box(-0.05 * s.x, 0.05 * s.x, -0.4 * Y, 0.4 * Y, 0.6 * s.z, s.z, "neck");
      });

  // A chest: a box with a slightly wider lid and two metal bands (chests, trunks, coffers).
  Add(&entries, "chest", {0.9, 0.45, 0.5}, true, S::kFloor, "wood",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("wood", 0.3, 0.16, 0.07, 0.55);
        b.Mat("band", 0.25, 0.22, 0.18, 0.35, 1.0);
        const double X = s.x / 2, Y = s.y / 2;
        b.Box(-0.97 * X, 0.97 * X, -0.95 * Y, 0.95 * Y, 0, 0.72 * s.z, "wood");
        b.Box(-X, X, -Y, Y, 0.72 * s.z, s.z, "wood", 0.04 * std::min(s.x, s.z));
        for (double x : {-0.6 * X, 0.6 * X}) {
          b.Box(x - 0.03 * s.x, x + 0.03 * s.x, -0.97 * Y, 0.97 * Y, 0, 0.99 * s.z, "band");
        }
      });

  // A ball: a sphere (balls, globes seen as objects).
  Add(&entries, "ball", {0.22, 0.22, 0.22}, false, S::kFloor, "skin",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("skin", 0.7, 0.25, 0.1, 0.5);
        b.Sphere(-s.x / 2, s.x / 2, -s.y / 2, s.y / 2, 0, s.z, "skin", 24);
      });

  // A stretch of a building's wall with a door or a window in its front: what a door or window
  // the text names outdoors is built as ("a grill near the back door" on a patio), since a door
  // needs a wall and an outdoor scene has none.
  for (const bool door : {true, false}) {
    Add(&entries, door ? "wall with door" : "wall with window", {3.0, 0.3, 2.8}, true, S::kFloor,
        "wall", [door](const Vec3& s, ModelBuilder& b) {
          b.Mat("wall", 0.78, 0.72, 0.64, 0.9);
          b.Mat("frame", 0.92, 0.92, 0.9, 0.5);
          b.Mat("leaf", door ? 0.3 : 0.55, door ? 0.18 : 0.7, door ? 0.1 : 0.8, door ? 0.5 : 0.1);
          const double X = s.x / 2, Y = s.y / 2;
          b.Box(-X, X, -0.8 * Y, Y, 0, s.z, "wall");
          const double w = std::min(door ? 0.95 : 1.2, 0.4 * s.x);
          const double z0 = door ? 0.0 : 0.32 * s.z;
          const double z1 = door ? std::min(2.1, 0.8 * s.z) : 0.78 * s.z;
          b.Box(-w / 2 - 0.06, w / 2 + 0.06, -0.9 * Y, -0.8 * Y, z0, z1 + 0.06, "frame");
          b.Box(-w / 2, w / 2, -Y, -0.9 * Y, door ? 0.0 : z0 + 0.05, z1, "leaf");
        });
  }

  return entries;
}

}  // namespace

const std::vector<Entry>& StandInEntries() {
  static const std::vector<Entry> entries = MakeStandIns();
  return entries;
}

}  // namespace scenecraft::procedural
