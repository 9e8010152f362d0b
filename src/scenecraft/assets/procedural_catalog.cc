// The procedural catalog's recipes. Each recipe fills exactly [-w/2, w/2] x [-d/2, d/2] x [0, h]
// (procedural_test.cc checks it for every category and for distorted sizes), faces -Y, and names
// the material that colour and material words of a description change.
#include <algorithm>
#include <cmath>
#include <utility>

#include "scenecraft/assets/procedural_builder.h"

namespace scenecraft::procedural {
namespace {

using S = Support;

struct Adder {
  std::vector<Entry>* entries;
  void operator()(std::string name, std::vector<std::string> synonyms, Vec3 size, bool has_front,
                  Support support, std::vector<std::string> scenes, std::string main,
                  Recipe recipe) const {
    entries->push_back({CategoryInfo{std::move(name), std::move(synonyms), size, has_front, support,
                                     std::move(scenes)},
                        std::move(main),
                        std::move(recipe),
                        {}});
  }
};

// Common materials (linear RGB).
void Wood(ModelBuilder& b, const std::string& name = "wood") {
  b.Mat(name, 0.33, 0.19, 0.09, 0.6);
}
void DarkWood(ModelBuilder& b, const std::string& name = "wood") {
  b.Mat(name, 0.12, 0.06, 0.03, 0.55);
}
void Metal(ModelBuilder& b, const std::string& name = "metal") {
  b.Mat(name, 0.55, 0.56, 0.58, 0.3, 1.0);
}
void Black(ModelBuilder& b, const std::string& name = "black") {
  b.Mat(name, 0.02, 0.02, 0.02, 0.4);
}
void White(ModelBuilder& b, const std::string& name = "white") {
  b.Mat(name, 0.8, 0.8, 0.78, 0.4);
}
void Fabric(ModelBuilder& b, double r, double g, double bl, const std::string& name = "fabric") {
  b.Mat(name, r, g, bl, 0.9);
}
void Leaves(ModelBuilder& b, const std::string& name = "leaves") {
  b.Mat(name, 0.05, 0.2, 0.03, 0.8);
}
void Screen(ModelBuilder& b) {
  b.Mat("screen", 0.01, 0.02, 0.04, 0.15, 0.0, 0.3);
}

// A table: top slab and four legs.
void TableShape(const Vec3& s, ModelBuilder& b, double top_t) {
  const double X = s.x / 2, Y = s.y / 2, leg = std::min(0.07, 0.12 * std::min(s.x, s.y));
  b.Box(-X, X, -Y, Y, s.z - top_t, s.z, "wood");
  b.Legs(-X + 0.03 * s.x, X - 0.03 * s.x, -Y + 0.03 * s.y, Y - 0.03 * s.y, s.z - top_t, leg,
         "wood");
}

// A round table: a disc top on a pedestal with a round foot ("a round dining table").
void RoundTableShape(const Vec3& s, ModelBuilder& b, double top_t) {
  Wood(b);
  b.Cyl(0, 0, s.z - top_t, s.z, s.x, s.y, "wood", 32);
  b.Cyl(0, 0, 0.04 * s.z, s.z - top_t, 0.12 * s.x, 0.12 * s.y, "wood", 16);
  b.Cyl(0, 0, 0, 0.04 * s.z, 0.5 * s.x, 0.5 * s.y, "wood", 24);
}

// A seat with legs and a back at +Y; arms when `arms` (armchairs, sofas).
void SeatShape(const Vec3& s, ModelBuilder& b, double seat_h, bool arms, bool upholstered,
               const std::string& main, const std::string& legs) {
  const double X = s.x / 2, Y = s.y / 2;
  const double back_t = std::min(0.12, 0.2 * s.y);
  const double arm_w = arms ? std::min(0.15, 0.15 * s.x) : 0.0;
  if (upholstered) {
    const double base_top = seat_h - 0.12;
    b.Box(-X, X, -Y, Y, 0.06, base_top, main);
    b.Box(-X + arm_w, X - arm_w, -Y, Y - back_t, base_top, seat_h, main, 0.02);  // cushion
    b.Legs(-X + 0.02, X - 0.02, -Y + 0.02, Y - 0.02, 0.06, 0.05, legs);
  } else {
    b.Box(-X, X, -Y, Y, seat_h - 0.05, seat_h, main);
    b.Legs(-X, X, -Y, Y, seat_h - 0.05, std::min(0.045, 0.1 * s.x), legs);
  }
  b.Box(-X, X, Y - back_t, Y, seat_h, s.z, main, upholstered ? 0.03 : 0.0);  // back
  if (arms) {
    const double arm_top = seat_h + 0.6 * (s.z - seat_h) * 0.5 + 0.05;
    b.Box(-X, -X + arm_w, -Y, Y - back_t, seat_h, std::min(arm_top, s.z), main, 0.02);
    b.Box(X - arm_w, X, -Y, Y - back_t, seat_h, std::min(arm_top, s.z), main, 0.02);
  }
}

std::vector<Entry> MakeEntries() {
  std::vector<Entry> entries;
  Adder add{&entries};

  // --- Furniture: seating and tables -------------------------------------------------------
  add("table", {"dining table", "kitchen table", "round table"}, {1.2, 0.8, 0.75}, false, S::kFloor,
      {"dining room", "kitchen"}, "wood", [](const Vec3& s, ModelBuilder& b) {
        Wood(b);
        TableShape(s, b, 0.04);
      });
  entries.back().variants.push_back(
      {"round", [](const Vec3& s, ModelBuilder& b) { RoundTableShape(s, b, 0.04); }});
  add("coffee table", {"low table", "cocktail table"}, {1.1, 0.6, 0.45}, false, S::kFloor,
      {"living room"}, "wood", [](const Vec3& s, ModelBuilder& b) {
        Wood(b);
        TableShape(s, b, 0.05);
        b.Box(-s.x / 2 + 0.06, s.x / 2 - 0.06, -s.y / 2 + 0.06, s.y / 2 - 0.06, 0.1, 0.13, "wood");
      });
  entries.back().variants.push_back(
      {"round", [](const Vec3& s, ModelBuilder& b) { RoundTableShape(s, b, 0.05); }});
  add("side table", {"end table", "occasional table"}, {0.5, 0.5, 0.55}, false, S::kFloor,
      {"living room", "bedroom"}, "wood", [](const Vec3& s, ModelBuilder& b) {
        Wood(b);
        TableShape(s, b, 0.035);
      });
  entries.back().variants.push_back(
      {"round", [](const Vec3& s, ModelBuilder& b) { RoundTableShape(s, b, 0.035); }});
  add("picnic table", {}, {1.8, 1.5, 0.75}, false, S::kFloor, {"park", "garden", "camp"}, "wood",
      [](const Vec3& s, ModelBuilder& b) {
        Wood(b);
        const double X = s.x / 2, Y = s.y / 2, top_d = s.y * 0.45;
        b.Box(-X, X, -top_d / 2, top_d / 2, s.z - 0.05, s.z, "wood");
        for (double y : {-Y, Y - 0.25 * s.y}) b.Box(-X, X, y, y + 0.25 * s.y, 0.4, 0.45, "wood");
        for (double x : {-X + 0.1, X - 0.18}) {
          b.Box(x, x + 0.08, -Y, Y, 0.0, 0.06, "wood");
          b.Box(x, x + 0.08, -0.05, 0.05, 0.06, s.z - 0.05, "wood");
        }
      });
  add("desk", {"writing desk", "office desk", "teacher's desk", "student desk", "school desk"},
      {1.4, 0.7, 0.75}, true, S::kFloor, {"office", "study", "classroom", "bedroom"}, "wood",
      [](const Vec3& s, ModelBuilder& b) {
        Wood(b);
        Metal(b);
        const double X = s.x / 2, Y = s.y / 2;
        b.Box(-X, X, -Y, Y, s.z - 0.04, s.z, "wood");
        b.Box(-X, -X + 0.04, -Y, Y, 0, s.z - 0.04, "wood");  // side panels
        b.Box(X - 0.04, X, -Y, Y, 0, s.z - 0.04, "wood");
        b.Box(-X + 0.04, X - 0.04, Y - 0.03, Y, 0.3, s.z - 0.04, "wood");  // modesty panel at back
        b.Box(X - 0.04 - 0.4 * s.x / 1.4, X - 0.04, -Y, Y - 0.03, s.z - 0.2, s.z - 0.04, "wood");
        b.Box(X - 0.25, X - 0.09, -Y - 0.0, -Y + 0.02, s.z - 0.13, s.z - 0.11, "metal");
      });
  add("chair", {"dining chair", "kitchen chair", "garden chair", "wooden chair", "seat"},
      {0.45, 0.5, 0.9}, true, S::kFloor, {"dining room", "kitchen", "classroom", "garden"}, "wood",
      [](const Vec3& s, ModelBuilder& b) {
        Wood(b);
        SeatShape(s, b, 0.46 * s.z / 0.9, false, false, "wood", "wood");
      });
  add("office chair", {"desk chair", "swivel chair", "computer chair"}, {0.6, 0.6, 1.1}, true,
      S::kFloor, {"office", "study"}, "fabric", [](const Vec3& s, ModelBuilder& b) {
        Fabric(b, 0.03, 0.03, 0.035);
        Metal(b);
        const double X = s.x / 2, Y = s.y / 2, seat = 0.48 * s.z / 1.1;
        // A four-armed base (two crossing bars) with a caster under each arm's end.
        for (const auto& [fx, fy] : {std::pair{X - 0.03, 0.0}, std::pair{-X + 0.03, 0.0},
                                     std::pair{0.0, Y - 0.03}, std::pair{0.0, -Y + 0.03}}) {
          b.Sphere(fx - 0.03, fx + 0.03, fy - 0.03, fy + 0.03, 0, 0.06, "metal", 8);
        }
        b.Box(-X, X, -0.03, 0.03, 0.05, 0.09, "metal");
        b.Box(-0.03, 0.03, -Y, Y, 0.05, 0.09, "metal");
        b.Cyl(0, 0, 0.09, seat - 0.08, 0.06, 0.06, "metal");
        // Seat, back and arms are wide enough to meet: floating arm rests read as clutter.
        b.Box(-0.8 * X, 0.8 * X, -Y + 0.05 * s.y, Y - 0.15 * s.y, seat - 0.08, seat, "fabric",
              0.02);
        b.Box(-0.7 * X, 0.7 * X, Y - 0.15 * s.y, Y, seat, s.z, "fabric", 0.03);
        for (double sx : {-1.0, 1.0}) {
          b.Box(std::min(sx * 0.8 * X, sx * 0.9 * X), std::max(sx * 0.8 * X, sx * 0.9 * X),
                -0.05 * s.y, 0.05 * s.y, seat - 0.04, seat + 0.18, "metal");  // arm post
          b.Box(std::min(sx * 0.78 * X, sx * 0.96 * X), std::max(sx * 0.78 * X, sx * 0.96 * X),
                -0.6 * Y, 0.2 * Y, seat + 0.18, seat + 0.21, "fabric", 0.01);  // arm pad
        }
      });
  add("armchair", {"easy chair", "lounge chair", "recliner", "club chair"}, {0.85, 0.85, 0.9}, true,
      S::kFloor, {"living room"}, "fabric", [](const Vec3& s, ModelBuilder& b) {
        Fabric(b, 0.25, 0.15, 0.08);
        DarkWood(b, "legs");
        SeatShape(s, b, 0.45 * s.z / 0.9, true, true, "fabric", "legs");
      });
  add("sofa", {"couch", "settee", "loveseat", "three-seat sofa", "divan"}, {2.1, 0.9, 0.85}, true,
      S::kFloor, {"living room"}, "fabric", [](const Vec3& s, ModelBuilder& b) {
        Fabric(b, 0.15, 0.18, 0.22);
        DarkWood(b, "legs");
        Fabric(b, 0.3, 0.3, 0.33, "pillows");
        SeatShape(s, b, 0.44 * s.z / 0.85, true, true, "fabric", "legs");
        const double X = s.x / 2, Y = s.y / 2, seat = 0.44 * s.z / 0.85;
        for (double x : {-X + 0.25, X - 0.6}) {
          b.Box(x, x + 0.35, Y - 0.25, Y - 0.12, seat, seat + 0.32, "pillows", 0.04);
        }
      });
  add("bench", {"park bench", "garden bench", "wooden bench"}, {1.6, 0.6, 0.8}, true, S::kFloor,
      {"park", "garden", "street", "village"}, "wood", [](const Vec3& s, ModelBuilder& b) {
        Wood(b);
        Black(b, "iron");
        const double X = s.x / 2, Y = s.y / 2, seat = 0.45 * s.z / 0.8;
        for (int i = 0; i < 4; ++i) {
          const double y0 = -Y + i * (0.75 * s.y) / 4;
          b.Box(-X, X, y0 + 0.01, y0 + 0.75 * s.y / 4 - 0.01, seat - 0.04, seat, "wood");
        }
        for (int i = 0; i < 3; ++i) {
          const double z0 = seat + 0.08 + i * (s.z - seat - 0.08) / 3;
          b.Box(-X, X, Y - 0.05, Y, z0, z0 + (s.z - seat - 0.08) / 3 - 0.02, "wood");
        }
        for (double x : {-X + 0.05, X - 0.11}) {
          b.Box(x, x + 0.06, -Y, Y, 0, 0.06, "iron");
          b.Box(x, x + 0.06, -Y + 0.04, -Y + 0.1, 0.06, seat - 0.04, "iron");
          b.Box(x, x + 0.06, Y - 0.1, Y, 0.06, s.z, "iron");
        }
      });
  add("stool", {"footstool", "step stool"}, {0.4, 0.4, 0.45}, false, S::kFloor,
      {"kitchen", "bar", "workshop"}, "wood", [](const Vec3& s, ModelBuilder& b) {
        Wood(b);
        b.Cyl(0, 0, s.z - 0.04, s.z, s.x, s.y, "wood", 20);
        b.Legs(-s.x / 2 + 0.04, s.x / 2 - 0.04, -s.y / 2 + 0.04, s.y / 2 - 0.04, s.z - 0.04, 0.04,
               "wood");
        b.Box(-s.x / 2, s.x / 2, -0.015, 0.015, 0.15, 0.18, "wood");
        b.Box(-0.015, 0.015, -s.y / 2, s.y / 2, 0.15, 0.18, "wood");
      });
  add("bar stool", {"barstool", "counter stool"}, {0.4, 0.4, 0.75}, false, S::kFloor,
      {"kitchen", "bar"}, "seat", [](const Vec3& s, ModelBuilder& b) {
        Metal(b);
        b.Mat("seat", 0.05, 0.03, 0.02, 0.45);
        b.Cyl(0, 0, 0, 0.03, s.x, s.y, "metal", 20);
        b.Cyl(0, 0, 0.03, s.z - 0.07, 0.05, 0.05, "metal");
        b.Torus(0, 0, 0.25 * s.z, 0.25 * s.z + 0.025, 0.7 * s.x, 0.7 * s.y, "metal");
        b.Cyl(0, 0, s.z - 0.07, s.z, 0.9 * s.x, 0.9 * s.y, "seat", 20);
      });

  // --- Bedroom ------------------------------------------------------------------------------
  add("bed", {"double bed", "single bed", "queen bed", "king bed", "twin bed"}, {1.6, 2.1, 1.0},
      true, S::kFloor, {"bedroom"}, "bedding", [](const Vec3& s, ModelBuilder& b) {
        Wood(b);
        b.Mat("mattress", 0.75, 0.75, 0.72, 0.9);
        b.Mat("bedding", 0.2, 0.3, 0.45, 0.9);
        White(b, "pillow");
        const double X = s.x / 2, Y = s.y / 2, frame = 0.3, mattress = 0.55;
        b.Box(-X, X, -Y, Y - 0.06, 0.08, frame, "wood");
        b.Legs(-X, X, -Y, Y - 0.06, 0.08, 0.06, "wood");
        b.Box(-X + 0.03, X - 0.03, -Y + 0.02, Y - 0.08, frame, mattress - 0.05, "mattress", 0.03);
        b.Box(-X + 0.02, X - 0.02, -Y, Y - 0.55, mattress - 0.1, mattress, "bedding", 0.03);
        b.Box(-X, X, Y - 0.06, Y, 0, s.z, "wood");  // headboard at the back
        const double pw = std::min(0.6, 0.42 * s.x);
        if (s.x > 1.2) {
          b.Box(-X + 0.1, -X + 0.1 + pw, Y - 0.5, Y - 0.12, mattress - 0.05, mattress + 0.1,
                "pillow", 0.04);
          b.Box(X - 0.1 - pw, X - 0.1, Y - 0.5, Y - 0.12, mattress - 0.05, mattress + 0.1, "pillow",
                0.04);
        } else {
          b.Box(-pw / 2, pw / 2, Y - 0.5, Y - 0.12, mattress - 0.05, mattress + 0.1, "pillow",
                0.04);
        }
      });
  add("nightstand", {"bedside table", "night table", "nightstand table"}, {0.5, 0.4, 0.55}, true,
      S::kFloor, {"bedroom"}, "wood", [](const Vec3& s, ModelBuilder& b) {
        Wood(b);
        Metal(b);
        const double X = s.x / 2, Y = s.y / 2;
        b.Box(-X, X, -Y + 0.01, Y, 0.06, s.z, "wood");
        b.Legs(-X, X, -Y + 0.01, Y, 0.06, 0.04, "wood");
        b.Box(-X + 0.03, X - 0.03, -Y, -Y + 0.01, 0.1, s.z - 0.2, "wood");  // drawer front
        b.Box(-0.06, 0.06, -Y, -Y + 0.012, s.z - 0.14, s.z - 0.12, "metal");
      });
  add("wardrobe", {"closet", "armoire", "clothes cabinet", "cupboard"}, {1.2, 0.6, 2.0}, true,
      S::kFloor, {"bedroom"}, "wood", [](const Vec3& s, ModelBuilder& b) {
        Wood(b);
        Metal(b);
        const double X = s.x / 2, Y = s.y / 2;
        b.Box(-X, X, -Y + 0.02, Y, 0.08, s.z, "wood");
        b.Box(-X + 0.03, X - 0.03, -Y + 0.02, Y - 0.03, 0, 0.08, "wood");
        b.Box(-X + 0.01, -0.005, -Y, -Y + 0.02, 0.1, s.z - 0.02, "wood");
        b.Box(0.005, X - 0.01, -Y, -Y + 0.02, 0.1, s.z - 0.02, "wood");
        b.Box(-0.06, -0.04, -Y - 0.0, -Y + 0.005, s.z * 0.45, s.z * 0.6, "metal");
        b.Box(0.04, 0.06, -Y - 0.0, -Y + 0.005, s.z * 0.45, s.z * 0.6, "metal");
      });
  add("dresser", {"chest of drawers", "chest", "bureau", "commode"}, {1.0, 0.5, 0.85}, true,
      S::kFloor, {"bedroom"}, "wood", [](const Vec3& s, ModelBuilder& b) {
        Wood(b);
        Metal(b);
        const double X = s.x / 2, Y = s.y / 2;
        b.Box(-X, X, -Y + 0.015, Y, 0.06, s.z, "wood");
        b.Legs(-X, X, -Y + 0.015, Y, 0.06, 0.05, "wood");
        for (int i = 0; i < 3; ++i) {
          const double z0 = 0.1 + i * (s.z - 0.14) / 3;
          b.Box(-X + 0.03, X - 0.03, -Y, -Y + 0.015, z0, z0 + (s.z - 0.14) / 3 - 0.02, "wood");
          b.Box(-0.08, 0.08, -Y, -Y + 0.005, z0 + 0.06, z0 + 0.08, "metal");
        }
      });
  add("pillow", {"cushion", "throw pillow"}, {0.45, 0.15, 0.45}, false, S::kSurface,
      {"bedroom", "living room"}, "fabric", [](const Vec3& s, ModelBuilder& b) {
        Fabric(b, 0.7, 0.6, 0.4);
        // A plump box with well-rounded edges reads as a cushion; an ellipsoid read as an egg.
        const double X = s.x / 2, Y = s.y / 2;
        b.Box(-X, X, -0.6 * Y, 0.6 * Y, 0, s.z, "fabric", 0.3 * std::min({s.x, s.y, s.z}));
        b.Sphere(-0.85 * X, 0.85 * X, -Y, Y, 0.075 * s.z, 0.925 * s.z, "fabric", 16);
      });
  add("rug", {"carpet", "mat", "area rug"}, {2.0, 1.4, 0.02}, false, S::kFloor,
      {"living room", "bedroom"}, "fabric", [](const Vec3& s, ModelBuilder& b) {
        Fabric(b, 0.35, 0.12, 0.08);
        Fabric(b, 0.7, 0.6, 0.45, "border");
        b.Box(-s.x / 2, s.x / 2, -s.y / 2, s.y / 2, 0, s.z * 0.8, "border");
        b.Box(-s.x / 2 + 0.1, s.x / 2 - 0.1, -s.y / 2 + 0.1, s.y / 2 - 0.1, s.z * 0.5, s.z,
              "fabric");
      });
  entries.back().variants.push_back({"round", [](const Vec3& s, ModelBuilder& b) {
                                       Fabric(b, 0.35, 0.12, 0.08);
                                       Fabric(b, 0.7, 0.6, 0.45, "border");
                                       b.Cyl(0, 0, 0, s.z * 0.8, s.x, s.y, "border", 48);
                                       b.Cyl(0, 0, s.z * 0.5, s.z, 0.88 * s.x, 0.88 * s.y, "fabric",
                                             48);
                                     }});
  add("curtain", {"drape", "curtains", "drapes"}, {1.4, 0.12, 2.4}, true, S::kWall,
      {"living room", "bedroom"}, "fabric", [](const Vec3& s, ModelBuilder& b) {
        Fabric(b, 0.6, 0.55, 0.45);
        Metal(b);
        b.CylX(-s.x / 2, s.x / 2, s.y / 2 - 0.04, s.y / 2, s.z - 0.04, s.z, "metal");
        const int folds = 6;
        for (int i = 0; i < folds; ++i) {
          const double x0 = -s.x / 2 + i * s.x / folds;
          b.Box(x0, x0 + s.x / folds * 0.98, -s.y / 2 + (i % 2) * 0.04,
                s.y / 2 - 0.04 - ((i + 1) % 2) * 0.04, 0, s.z - 0.05, "fabric");
        }
      });

  // --- Storage ------------------------------------------------------------------------------
  add("bookshelf", {"bookcase", "book shelf", "shelving unit", "shelves"}, {0.9, 0.35, 1.8}, true,
      S::kFloor, {"living room", "office", "study", "library"}, "wood",
      [](const Vec3& s, ModelBuilder& b) {
        Wood(b);
        b.Mat("book_red", 0.4, 0.05, 0.04, 0.7);
        b.Mat("book_blue", 0.05, 0.1, 0.35, 0.7);
        b.Mat("book_green", 0.06, 0.25, 0.08, 0.7);
        const double X = s.x / 2, Y = s.y / 2, t = 0.025;
        b.Box(-X, -X + t, -Y, Y, 0, s.z, "wood");
        b.Box(X - t, X, -Y, Y, 0, s.z, "wood");
        b.Box(-X + t, X - t, Y - 0.01, Y, 0, s.z, "wood");
        const int shelves = 5;
        const char* colours[] = {"book_red", "book_blue", "book_green"};
        for (int i = 0; i <= shelves; ++i) {
          const double z = i * (s.z - t) / shelves;
          b.Box(-X + t, X - t, -Y, Y - 0.01, z, z + t, "wood");
          if (i == shelves) break;
          const double gap = (s.z - t) / shelves - t;
          double x = -X + t + 0.01;
          int k = i;
          while (x + 0.04 < X - t - 0.02) {
            const double bw = 0.025 + 0.015 * ((k * 7) % 3);
            const double bh = gap * (0.6 + 0.1 * ((k * 5) % 4));
            b.Box(x, x + bw, -Y + 0.04, Y - 0.04, z + t, z + t + bh, colours[k % 3]);
            x += bw + 0.003;
            ++k;
          }
        }
      });
  add("shelf", {"wall shelf", "floating shelf"}, {0.8, 0.25, 0.3}, true, S::kWall,
      {"living room", "kitchen", "office"}, "wood", [](const Vec3& s, ModelBuilder& b) {
        Wood(b);
        White(b, "vase");
        b.Box(-s.x / 2, s.x / 2, -s.y / 2, s.y / 2, 0, 0.03, "wood");
        b.Box(-s.x / 2, -s.x / 2 + 0.02, -s.y / 2, s.y / 2, 0, s.z, "wood");
        b.Box(s.x / 2 - 0.02, s.x / 2, -s.y / 2, s.y / 2, 0, s.z, "wood");
        b.Cyl(-s.x * 0.2, 0, 0.03, s.z * 0.7, 0.08, 0.08, "vase");
      });
  add("cabinet", {"cupboard cabinet", "sideboard", "storage cabinet", "buffet"}, {1.0, 0.45, 0.9},
      true, S::kFloor, {"living room", "kitchen", "office", "dining room"}, "wood",
      [](const Vec3& s, ModelBuilder& b) {
        Wood(b);
        Metal(b);
        const double X = s.x / 2, Y = s.y / 2;
        b.Box(-X, X, -Y + 0.02, Y, 0.05, s.z, "wood");
        b.Box(-X + 0.02, X - 0.02, -Y + 0.02, Y - 0.02, 0, 0.05, "wood");
        b.Box(-X + 0.01, -0.005, -Y, -Y + 0.02, 0.08, s.z - 0.03, "wood");
        b.Box(0.005, X - 0.01, -Y, -Y + 0.02, 0.08, s.z - 0.03, "wood");
        b.Box(-0.05, -0.03, -Y, -Y + 0.005, s.z * 0.6, s.z * 0.8, "metal");
        b.Box(0.03, 0.05, -Y, -Y + 0.005, s.z * 0.6, s.z * 0.8, "metal");
      });
  add("box", {"crate", "cardboard box", "carton", "package", "chest box"}, {0.5, 0.4, 0.35}, false,
      S::kFloor, {"storage", "garage", "office"}, "cardboard", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("cardboard", 0.45, 0.28, 0.13, 0.85);
        b.Mat("tape", 0.55, 0.45, 0.3, 0.4);
        b.Box(-s.x / 2, s.x / 2, -s.y / 2, s.y / 2, 0, s.z * 0.995, "cardboard");
        b.Box(-0.04 * s.x, 0.04 * s.x, -s.y / 2, s.y / 2, s.z * 0.99, s.z, "tape");
      });
  add("trash can",
      {"trash bin", "bin", "garbage can", "waste bin", "wastebasket", "dustbin", "rubbish bin",
       "litter bin"},
      {0.4, 0.4, 0.7}, false, S::kFloor, {"street", "park", "kitchen", "office"}, "body",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("body", 0.08, 0.2, 0.1, 0.5, 0.3);
        Black(b, "lid");
        b.Cone(0, 0, 0, s.z * 0.92, 0.98 * s.x, 0.98 * s.y, 1.1, "body", 20);
        b.Cyl(0, 0, s.z * 0.92, s.z, s.x, s.y, "lid", 20);
      });

  // --- Lighting -----------------------------------------------------------------------------
  add("lamp", {"table lamp", "desk lamp", "bedside lamp", "reading lamp"}, {0.3, 0.3, 0.5}, false,
      S::kSurface, {"bedroom", "living room", "office", "study"}, "shade",
      [](const Vec3& s, ModelBuilder& b) {
        Metal(b);
        b.Mat("shade", 0.85, 0.78, 0.6, 0.8, 0.0, 2.0);
        b.Cyl(0, 0, 0, 0.03 * s.z / 0.5, 0.6 * s.x, 0.6 * s.y, "metal", 20);
        b.Cyl(0, 0, 0.03 * s.z / 0.5, 0.62 * s.z, 0.025, 0.025, "metal");
        b.Cone(0, 0, 0.55 * s.z, s.z, s.x, s.y, 0.6, "shade", 20);
      });
  add("floor lamp", {"standing lamp", "floor light", "standard lamp"}, {0.45, 0.45, 1.65}, false,
      S::kFloor, {"living room", "bedroom"}, "shade", [](const Vec3& s, ModelBuilder& b) {
        Metal(b);
        b.Mat("shade", 0.85, 0.78, 0.6, 0.8, 0.0, 2.0);
        b.Cyl(0, 0, 0, 0.03, 0.7 * s.x, 0.7 * s.y, "metal", 20);
        b.Cyl(0, 0, 0.03, 0.8 * s.z, 0.03, 0.03, "metal");
        b.Cone(0, 0, 0.72 * s.z, s.z, s.x, s.y, 0.65, "shade", 20);
      });
  add("ceiling lamp", {"chandelier", "pendant lamp", "pendant light", "ceiling light"},
      {0.6, 0.6, 0.7}, false, S::kCeiling, {"dining room", "living room"}, "shade",
      [](const Vec3& s, ModelBuilder& b) {
        Metal(b);
        b.Mat("shade", 0.9, 0.85, 0.7, 0.6, 0.0, 3.0);
        b.Cyl(0, 0, s.z - 0.03, s.z, 0.15, 0.15, "metal");
        b.Cyl(0, 0, 0.3 * s.z, s.z - 0.03, 0.015, 0.015, "metal");
        b.Cone(0, 0, 0, 0.35 * s.z, s.x, s.y, 0.3, "shade", 24);
      });
  add("street lamp", {"lamp post", "lamppost", "streetlight", "street light", "lantern post"},
      {0.5, 0.5, 4.0}, false, S::kFloor, {"street", "park", "village"}, "pole",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("pole", 0.03, 0.04, 0.04, 0.4, 0.8);
        b.Mat("light", 1.0, 0.9, 0.6, 0.3, 0.0, 6.0);
        b.Cyl(0, 0, 0, 0.3, 0.5 * s.x, 0.5 * s.y, "pole");
        b.Cyl(0, 0, 0.3, s.z - 0.5, 0.12, 0.12, "pole");
        b.Cyl(0, 0, s.z - 0.5, s.z - 0.15, 0.8 * s.x, 0.8 * s.y, "light", 16);
        b.Cone(0, 0, s.z - 0.15, s.z, s.x, s.y, 0.2, "pole", 16);
      });

  // --- Electronics --------------------------------------------------------------------------
  add("tv", {"television", "tv set", "flat screen", "flatscreen", "telly"}, {1.2, 0.2, 0.75}, true,
      S::kSurface, {"living room", "bedroom"}, "frame", [](const Vec3& s, ModelBuilder& b) {
        Black(b, "frame");
        Screen(b);
        const double X = s.x / 2, Y = s.y / 2;
        b.Box(-0.2 * X, 0.2 * X, -Y, Y, 0, 0.02, "frame");           // foot
        b.Box(-0.03, 0.03, -0.02, 0.03, 0.02, 0.12 * s.z, "frame");  // neck
        b.Box(-X, X, -0.01, 0.04, 0.1 * s.z, s.z, "frame");          // panel
        b.Box(-X + 0.02, X - 0.02, -0.015, -0.01, 0.1 * s.z + 0.02, s.z - 0.02, "screen");
      });
  add("monitor", {"computer monitor", "screen monitor", "display", "computer screen"},
      {0.6, 0.2, 0.45}, true, S::kSurface, {"office", "study"}, "frame",
      [](const Vec3& s, ModelBuilder& b) {
        Black(b, "frame");
        Screen(b);
        const double X = s.x / 2, Y = s.y / 2;
        b.Box(-0.3 * X, 0.3 * X, -Y, Y, 0, 0.015, "frame");
        b.Box(-0.025, 0.025, 0.0, 0.04, 0.015, 0.3 * s.z, "frame");
        b.Box(-X, X, -0.02, 0.02, 0.2 * s.z, s.z, "frame");
        b.Box(-X + 0.015, X - 0.015, -0.025, -0.02, 0.2 * s.z + 0.015, s.z - 0.015, "screen");
      });
  add("keyboard", {"computer keyboard"}, {0.45, 0.15, 0.03}, true, S::kSurface, {"office"}, "body",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("body", 0.05, 0.05, 0.06, 0.5);
        b.Mat("keys", 0.5, 0.5, 0.52, 0.4);
        b.Box(-s.x / 2, s.x / 2, -s.y / 2, s.y / 2, 0, s.z * 0.6, "body");
        b.Box(-s.x / 2 + 0.015, s.x / 2 - 0.015, -s.y / 2 + 0.015, s.y / 2 - 0.015, s.z * 0.6, s.z,
              "keys");
      });
  add("laptop", {"notebook computer", "notebook"}, {0.34, 0.24, 0.22}, true, S::kSurface,
      {"office", "study", "bedroom"}, "body", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("body", 0.4, 0.41, 0.43, 0.3, 0.8);
        Screen(b);
        b.Box(-s.x / 2, s.x / 2, -s.y / 2, s.y / 2, 0, 0.02, "body");
        b.Box(-s.x / 2, s.x / 2, s.y / 2 - 0.015, s.y / 2, 0.02, s.z, "body");
        b.Box(-s.x / 2 + 0.015, s.x / 2 - 0.015, s.y / 2 - 0.018, s.y / 2 - 0.015, 0.03, s.z - 0.01,
              "screen");
      });
  add("speaker", {"loudspeaker", "speakers"}, {0.25, 0.25, 0.4}, true, S::kFloor, {"living room"},
      "body", [](const Vec3& s, ModelBuilder& b) {
        Black(b, "body");
        b.Mat("cone", 0.15, 0.15, 0.15, 0.6);
        b.Box(-s.x / 2, s.x / 2, -s.y / 2 + 0.01, s.y / 2, 0, s.z, "body");
        b.CylY(-0.35 * s.x, 0.35 * s.x, -s.y / 2, -s.y / 2 + 0.01, 0.2 * s.z, 0.2 * s.z + 0.7 * s.x,
               "cone");
        b.CylY(-0.15 * s.x, 0.15 * s.x, -s.y / 2, -s.y / 2 + 0.01, 0.75 * s.z,
               0.75 * s.z + 0.3 * s.x, "cone");
      });
  add("tv stand",
      {"tv cabinet", "media console", "tv unit", "entertainment center", "media cabinet"},
      {1.6, 0.45, 0.5}, true, S::kFloor, {"living room"}, "wood",
      [](const Vec3& s, ModelBuilder& b) {
        DarkWood(b);
        Black(b, "inside");
        const double X = s.x / 2, Y = s.y / 2;
        b.Box(-X, X, -Y, Y, s.z - 0.04, s.z, "wood");
        b.Box(-X, X, -Y, Y, 0.06, 0.1, "wood");
        b.Box(-X, -X + 0.04, -Y, Y, 0.06, s.z - 0.04, "wood");
        b.Box(X - 0.04, X, -Y, Y, 0.06, s.z - 0.04, "wood");
        b.Box(-X + 0.04, X - 0.04, Y - 0.02, Y, 0.1, s.z - 0.04, "inside");
        b.Box(-0.02, 0.02, -Y, Y, 0.1, s.z - 0.04, "wood");
        b.Legs(-X + 0.02, X - 0.02, -Y + 0.02, Y - 0.02, 0.06, 0.04, "wood");
      });
  add("projector screen", {"screen", "projection screen"}, {2.0, 0.08, 1.6}, true, S::kWall,
      {"office", "classroom", "conference room"}, "canvas", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("canvas", 0.85, 0.85, 0.85, 0.7);
        Black(b, "case");
        b.CylX(-s.x / 2, s.x / 2, -s.y / 2, s.y / 2, s.z - s.y, s.z, "case");
        b.Box(-s.x / 2 + 0.05, s.x / 2 - 0.05, -0.01, 0.01, 0.0, s.z - s.y, "canvas");
      });
  add("whiteboard", {"blackboard", "chalkboard", "white board"}, {1.8, 0.05, 1.2}, true, S::kWall,
      {"classroom", "office"}, "board", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("board", 0.85, 0.86, 0.86, 0.2);
        Metal(b, "frame");
        b.Box(-s.x / 2, s.x / 2, -s.y / 2 + 0.01, s.y / 2, 0.05, s.z, "frame");
        b.Box(-s.x / 2 + 0.03, s.x / 2 - 0.03, -s.y / 2 + 0.005, -s.y / 2 + 0.01, 0.08, s.z - 0.03,
              "board");
        b.Box(-s.x / 2 + 0.1, s.x / 2 - 0.1, -s.y / 2, s.y / 2, 0.0, 0.05, "frame");
      });

  // --- Kitchen and bathroom -----------------------------------------------------------------
  add("refrigerator", {"fridge", "freezer", "icebox"}, {0.7, 0.7, 1.8}, true, S::kFloor,
      {"kitchen"}, "body", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("body", 0.75, 0.76, 0.77, 0.3, 0.5);
        Metal(b, "handle");
        const double X = s.x / 2, Y = s.y / 2;
        b.Box(-X, X, -Y + 0.03, Y, 0, s.z, "body", 0.01);
        b.Box(-X + 0.01, X - 0.01, -Y + 0.01, -Y + 0.03, 0.62 * s.z, s.z - 0.01, "body");
        b.Box(-X + 0.01, X - 0.01, -Y + 0.01, -Y + 0.03, 0.02, 0.61 * s.z, "body");
        b.Box(X - 0.1, X - 0.07, -Y, -Y + 0.01, 0.65 * s.z, 0.8 * s.z, "handle");
        b.Box(X - 0.1, X - 0.07, -Y, -Y + 0.01, 0.4 * s.z, 0.58 * s.z, "handle");
      });
  add("stove", {"oven", "cooker", "range", "cooktop", "kitchen stove"}, {0.6, 0.6, 0.9}, true,
      S::kFloor, {"kitchen"}, "body", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("body", 0.8, 0.8, 0.8, 0.3, 0.3);
        Black(b, "top");
        b.Mat("glass", 0.02, 0.02, 0.02, 0.05);
        const double X = s.x / 2, Y = s.y / 2;
        b.Box(-X, X, -Y + 0.01, Y, 0, s.z - 0.02, "body");
        b.Box(-X, X, -Y + 0.01, Y, s.z - 0.02, s.z - 0.01, "top");
        for (double x : {-X / 2, X / 2}) {
          for (double y : {-Y / 2, Y / 2}) b.Torus(x, y, s.z - 0.01, s.z, 0.18, 0.18, "top");
        }
        b.Box(-X + 0.06, X - 0.06, -Y, -Y + 0.01, 0.15 * s.z, 0.65 * s.z, "glass");
      });
  add("counter",
      {"kitchen counter", "countertop", "kitchen island", "island", "bar counter", "worktop"},
      {2.0, 0.65, 0.9}, true, S::kFloor, {"kitchen", "bar"}, "body",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("body", 0.6, 0.58, 0.55, 0.5);
        b.Mat("top", 0.2, 0.2, 0.21, 0.2);
        Metal(b, "handle");
        const double X = s.x / 2, Y = s.y / 2;
        b.Box(-X, X, -Y, Y, s.z - 0.04, s.z, "top");
        b.Box(-X + 0.02, X - 0.02, -Y + 0.04, Y, 0.1, s.z - 0.04, "body");
        b.Box(-X + 0.05, X - 0.05, -Y + 0.08, Y, 0, 0.1, "body");
        const int doors = std::max(1, static_cast<int>(s.x / 0.5));
        for (int i = 0; i < doors; ++i) {
          const double x0 = -X + 0.03 + i * (s.x - 0.06) / doors;
          b.Box(x0 + 0.005, x0 + (s.x - 0.06) / doors - 0.005, -Y + 0.02, -Y + 0.04, 0.12,
                s.z - 0.06, "body");
          b.Box(x0 + 0.05, x0 + 0.15, -Y, -Y + 0.02, s.z - 0.16, s.z - 0.14, "handle");
        }
      });
  add("sink", {"kitchen sink", "washbasin", "basin", "wash basin", "bathroom sink"},
      {0.8, 0.6, 0.9}, true, S::kFloor, {"kitchen", "bathroom"}, "body",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("body", 0.75, 0.74, 0.72, 0.5);
        Metal(b, "steel");
        const double X = s.x / 2, Y = s.y / 2, top = s.z - 0.3;
        b.Box(-X, X, -Y, Y, 0, top, "body");
        b.Box(-X, X, -Y, Y, top, top + 0.04, "steel");
        b.Box(-0.3 * s.x, 0.3 * s.x, -0.3 * s.y, 0.2 * s.y, top + 0.04, top + 0.05, "body");
        b.Cyl(0, Y - 0.08, top + 0.04, s.z - 0.05, 0.04, 0.04, "steel");
        b.Box(-0.02, 0.02, Y - 0.3, Y - 0.06, s.z - 0.05, s.z, "steel");  // spout
      });
  add("toilet", {"wc", "lavatory", "water closet"}, {0.4, 0.7, 0.8}, true, S::kFloor, {"bathroom"},
      "ceramic", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("ceramic", 0.85, 0.85, 0.85, 0.15);
        const double X = s.x / 2, Y = s.y / 2;
        b.Cone(0, -0.1 * s.y, 0, 0.5 * s.z, 0.9 * s.x, 0.75 * s.y, 1.35, "ceramic", 20);
        b.Box(-X, X, Y - 0.22 * s.y, Y, 0.3 * s.z, s.z, "ceramic", 0.02);
        b.Box(-0.4 * X, 0.4 * X, Y - 0.3 * s.y, Y - 0.2 * s.y, 0.0, 0.5 * s.z, "ceramic");
        b.Torus(0, -0.1 * s.y, 0.5 * s.z, 0.55 * s.z, s.x, 0.75 * s.y, "ceramic");
        b.Box(-0.1, 0.1, -Y, -Y + 0.05, 0.45 * s.z, 0.5 * s.z, "ceramic");
      });
  add("bathtub", {"bath", "tub", "bath tub"}, {1.7, 0.75, 0.6}, true, S::kFloor, {"bathroom"},
      "ceramic", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("ceramic", 0.85, 0.85, 0.85, 0.15);
        b.Mat("water", 0.3, 0.45, 0.55, 0.05);
        Metal(b);
        const double X = s.x / 2, Y = s.y / 2;
        b.Box(-X, X, -Y, Y, 0, s.z * 0.3, "ceramic");
        b.Box(-X, -X + 0.08, -Y, Y, s.z * 0.3, s.z, "ceramic");
        b.Box(X - 0.08, X, -Y, Y, s.z * 0.3, s.z, "ceramic");
        b.Box(-X + 0.08, X - 0.08, -Y, -Y + 0.08, s.z * 0.3, s.z, "ceramic");
        b.Box(-X + 0.08, X - 0.08, Y - 0.08, Y, s.z * 0.3, s.z, "ceramic");
        b.Box(-X + 0.08, X - 0.08, -Y + 0.08, Y - 0.08, s.z * 0.3, s.z * 0.75, "water");
      });
  add("mug", {"cup", "coffee mug", "coffee cup", "teacup", "tea cup"}, {0.12, 0.09, 0.1}, true,
      S::kSurface, {"kitchen", "office"}, "ceramic", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("ceramic", 0.8, 0.78, 0.75, 0.2);
        b.Mat("coffee", 0.05, 0.02, 0.01, 0.1);
        const double body = 0.75 * s.x, cx = -s.x / 2 + body / 2;
        b.Cyl(cx, 0, 0, s.z, body, s.y, "ceramic", 20);
        b.Cyl(cx, 0, s.z * 0.85, s.z * 0.86, 0.85 * body, 0.85 * s.y, "coffee");
        b.Box(cx + body / 2 - 0.01, s.x / 2, -0.006, 0.006, 0.25 * s.z, 0.8 * s.z, "ceramic");
      });
  add("plate", {"dish", "dinner plate"}, {0.26, 0.26, 0.025}, false, S::kSurface,
      {"kitchen", "dining room"}, "ceramic", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("ceramic", 0.85, 0.85, 0.82, 0.2);
        b.Cone(0, 0, 0, s.z, s.x, s.y, 1.0 / 0.6, "ceramic", 24);
      });
  add("bowl", {"fruit bowl", "salad bowl"}, {0.22, 0.22, 0.1}, false, S::kSurface,
      {"kitchen", "dining room"}, "ceramic", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("ceramic", 0.6, 0.25, 0.1, 0.3);
        b.Cone(0, 0, 0, s.z, s.x, s.y, 2.0, "ceramic", 24);
      });
  add("bottle", {"wine bottle", "water bottle"}, {0.08, 0.08, 0.3}, false, S::kSurface,
      {"kitchen", "dining room"}, "glass", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("glass", 0.05, 0.2, 0.08, 0.05, 0.0, 0.0, 0.6);
        b.Cyl(0, 0, 0, 0.65 * s.z, s.x, s.y, "glass");
        b.Cone(0, 0, 0.65 * s.z, 0.8 * s.z, s.x, s.y, 0.35, "glass");
        b.Cyl(0, 0, 0.8 * s.z, s.z, 0.35 * s.x, 0.35 * s.y, "glass");
      });

  // --- Decoration ---------------------------------------------------------------------------
  add("plant", {"potted plant", "houseplant", "house plant", "pot plant", "fern", "ficus"},
      {0.5, 0.5, 1.0}, false, S::kFloor, {"living room", "office", "bedroom"}, "pot",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("pot", 0.45, 0.18, 0.08, 0.8);
        Leaves(b);
        b.Cone(0, 0, 0, 0.3 * s.z, 0.75 * s.x, 0.75 * s.y, 1.25, "pot", 20);
        b.Cyl(0, 0, 0.3 * s.z, 0.5 * s.z, 0.04, 0.04, "leaves");
        b.Sphere(-s.x / 2, s.x / 2, -s.y / 2, s.y / 2, 0.4 * s.z, s.z, "leaves", 12);
      });
  add("vase", {"flower vase", "urn"}, {0.18, 0.18, 0.35}, false, S::kSurface,
      {"living room", "dining room"}, "ceramic", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("ceramic", 0.15, 0.3, 0.55, 0.2);
        b.Sphere(-s.x / 2, s.x / 2, -s.y / 2, s.y / 2, 0, 0.7 * s.z, "ceramic", 20);
        b.Cone(0, 0, 0.55 * s.z, s.z, 0.65 * s.x, 0.65 * s.y, 1.3, "ceramic", 20);
      });
  add("flower", {"flowers", "bouquet", "rose", "tulip"}, {0.2, 0.2, 0.4}, false, S::kSurface,
      {"living room", "garden"}, "petals", [](const Vec3& s, ModelBuilder& b) {
        Leaves(b, "stem");
        b.Mat("petals", 0.7, 0.05, 0.1, 0.6);
        b.Mat("heart", 0.8, 0.6, 0.05, 0.6);
        const double X = s.x / 2, Y = s.y / 2, t = std::min(0.02, 0.1 * std::min(s.x, s.y));
        b.Cyl(0, 0, 0, 0.8 * s.z, t, t, "stem");
        // Two leaves on the stem and a bloom of five petals around a yellow heart.
        b.Sphere(0, 0.6 * X, -0.12 * Y, 0.12 * Y, 0.3 * s.z, 0.36 * s.z, "stem", 8);
        b.Sphere(-0.6 * X, 0, -0.12 * Y, 0.12 * Y, 0.42 * s.z, 0.48 * s.z, "stem", 8);
        for (int i = 0; i < 5; ++i) {
          const double a = 2 * kPi * i / 5, px = 0.6 * X * std::sin(a), py = -0.6 * Y * std::cos(a);
          const double rx = std::min(X - std::abs(px), 0.45 * X);
          const double ry = std::min(Y - std::abs(py), 0.52 * Y);
          b.Sphere(px - rx, px + rx, py - ry, py + ry, 0.72 * s.z, 0.9 * s.z, "petals", 12);
        }
        b.Sphere(-0.3 * X, 0.3 * X, -0.3 * Y, 0.3 * Y, 0.78 * s.z, s.z, "heart", 12);
      });
  add("painting", {"picture", "framed picture", "artwork", "frame", "poster", "photo"},
      {0.9, 0.04, 0.65}, true, S::kWall, {"living room", "bedroom", "office"}, "canvas",
      [](const Vec3& s, ModelBuilder& b) {
        DarkWood(b, "frame");
        b.Mat("canvas", 0.5, 0.35, 0.15, 0.7);
        b.Mat("sky", 0.2, 0.35, 0.6, 0.7);
        b.Box(-s.x / 2, s.x / 2, -s.y / 2 + 0.005, s.y / 2, 0, s.z, "frame");
        b.Box(-s.x / 2 + 0.04, s.x / 2 - 0.04, -s.y / 2, -s.y / 2 + 0.005, 0.04, s.z * 0.5,
              "canvas");
        b.Box(-s.x / 2 + 0.04, s.x / 2 - 0.04, -s.y / 2, -s.y / 2 + 0.005, s.z * 0.5, s.z - 0.04,
              "sky");
      });
  add("mirror", {"wall mirror", "looking glass"}, {0.6, 0.04, 0.9}, true, S::kWall,
      {"bedroom", "bathroom", "hallway"}, "frame", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("frame", 0.5, 0.38, 0.12, 0.3, 0.8);
        b.Mat("glass", 0.85, 0.88, 0.9, 0.02, 1.0);
        b.Box(-s.x / 2, s.x / 2, -s.y / 2 + 0.005, s.y / 2, 0, s.z, "frame");
        b.Box(-s.x / 2 + 0.04, s.x / 2 - 0.04, -s.y / 2, -s.y / 2 + 0.005, 0.04, s.z - 0.04,
              "glass");
      });
  add("clock", {"wall clock"}, {0.35, 0.05, 0.35}, true, S::kWall,
      {"kitchen", "office", "classroom"}, "face", [](const Vec3& s, ModelBuilder& b) {
        Black(b, "rim");
        White(b, "face");
        b.CylY(-s.x / 2, s.x / 2, -s.y / 2 + 0.005, s.y / 2, 0, s.z, "rim", 24);
        b.CylY(-0.45 * s.x, 0.45 * s.x, -s.y / 2, -s.y / 2 + 0.005, 0.05 * s.z, 0.95 * s.z, "face",
               24);
        b.Box(-0.005, 0.005, -s.y / 2 - 0.0, -s.y / 2 + 0.002, 0.5 * s.z, 0.85 * s.z, "rim");
        b.Box(0.0, 0.3 * s.x, -s.y / 2, -s.y / 2 + 0.002, 0.495 * s.z, 0.505 * s.z, "rim");
      });
  add("book", {"books", "novel", "textbook"}, {0.16, 0.24, 0.04}, false, S::kSurface,
      {"office", "study", "living room"}, "cover", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("cover", 0.4, 0.05, 0.04, 0.6);
        White(b, "pages");
        b.Box(-s.x / 2, s.x / 2, -s.y / 2, s.y / 2, 0, 0.1 * s.z, "cover");
        b.Box(-s.x / 2, s.x / 2, -s.y / 2, s.y / 2, 0.9 * s.z, s.z, "cover");
        b.Box(-s.x / 2, -s.x / 2 + 0.005, -s.y / 2, s.y / 2, 0.1 * s.z, 0.9 * s.z, "cover");
        b.Box(-s.x / 2 + 0.005, s.x / 2 - 0.003, -s.y / 2 + 0.003, s.y / 2 - 0.003, 0.1 * s.z,
              0.9 * s.z, "pages");
      });
  add("chessboard", {"chess board", "chess set", "board game", "checkerboard"}, {0.4, 0.4, 0.06},
      false, S::kSurface, {"living room"}, "light", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("light", 0.8, 0.7, 0.5, 0.4);
        b.Mat("dark", 0.1, 0.05, 0.02, 0.4);
        b.Box(-s.x / 2, s.x / 2, -s.y / 2, s.y / 2, 0, 0.3 * s.z, "dark");
        const double cell_x = (s.x - 0.02) / 8, cell_y = (s.y - 0.02) / 8;
        for (int i = 0; i < 8; ++i) {
          for (int j = 0; j < 8; ++j) {
            const double x0 = -s.x / 2 + 0.01 + i * cell_x, y0 = -s.y / 2 + 0.01 + j * cell_y;
            b.Box(x0, x0 + cell_x, y0, y0 + cell_y, 0.3 * s.z, 0.35 * s.z,
                  (i + j) % 2 ? "light" : "dark");
          }
        }
        for (int i = 0; i < 8; ++i) {
          const double x = -s.x / 2 + 0.01 + (i + 0.5) * cell_x;
          for (auto [y, mat] : {std::pair{-s.y / 2 + 0.01 + 1.5 * cell_y, "light"},
                                std::pair{s.y / 2 - 0.01 - 1.5 * cell_y, "dark"}}) {
            b.Cone(x, y, 0.35 * s.z, s.z, 0.6 * cell_x, 0.6 * cell_y, 0.4, mat, 10);
          }
        }
      });
  add("fireplace", {"hearth", "mantelpiece", "fire place"}, {1.5, 0.5, 1.2}, true, S::kFloor,
      {"living room"}, "stone", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("stone", 0.55, 0.52, 0.48, 0.85);
        Black(b, "opening");
        b.Mat("fire", 1.0, 0.35, 0.05, 0.5, 0.0, 8.0);
        const double X = s.x / 2, Y = s.y / 2;
        // Parts do not overlap: coincident faces of one mesh render as black blotches.
        const double base = 0.08 * s.z / 1.2, inner = X - 0.3 * s.x;
        b.Box(-X, X, -Y, Y, 0, base, "stone");                           // hearth
        b.Box(-X, -inner, -Y + 0.1 * s.y, Y, base, 0.6 * s.z, "stone");  // jambs
        b.Box(inner, X, -Y + 0.1 * s.y, Y, base, 0.6 * s.z, "stone");
        b.Box(-X, X, -Y + 0.1 * s.y, Y, 0.6 * s.z, 0.9 * s.z, "stone");  // chimney breast
        b.Box(-inner, inner, -Y + 0.45 * s.y, Y, base, 0.6 * s.z, "opening");
        b.Box(-X, X, -Y, Y, 0.9 * s.z, s.z, "stone");  // mantel
        // The fire burns in front of the dark back of the opening.
        b.Cone(0, -Y + 0.3 * s.y, base, 0.35 * s.z, 0.25 * s.x, 0.2 * s.y, 0.1, "fire", 12);
      });

  // --- Outdoor ------------------------------------------------------------------------------
  add("tree",
      {"oak", "oak tree", "pine", "pine tree", "maple", "birch", "elm", "willow", "palm tree",
       "fir", "spruce", "apple tree"},
      {3.0, 3.0, 5.0}, false, S::kFloor, {"park", "forest", "garden", "street", "village"},
      "leaves", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("bark", 0.12, 0.07, 0.04, 0.9);
        Leaves(b);
        b.Cyl(0, 0, 0, 0.45 * s.z, 0.12 * s.x, 0.12 * s.y, "bark", 12);
        b.Sphere(-s.x / 2, s.x / 2, -s.y / 2, s.y / 2, 0.3 * s.z, 0.8 * s.z, "leaves", 14);
        b.Sphere(-0.35 * s.x, 0.35 * s.x, -0.35 * s.y, 0.35 * s.y, 0.6 * s.z, s.z, "leaves", 12);
      });
  // Conifers are layered cones ("a pine forest", "a fir tree").
  for (const char* word : {"pine", "fir", "spruce", "conifer", "christmas"}) {
    entries.back().variants.push_back(
        {word, [](const Vec3& s, ModelBuilder& b) {
           b.Mat("bark", 0.12, 0.07, 0.04, 0.9);
           b.Mat("leaves", 0.03, 0.14, 0.05, 0.8);
           b.Cyl(0, 0, 0, 0.3 * s.z, 0.1 * s.x, 0.1 * s.y, "bark", 12);
           b.Cone(0, 0, 0.15 * s.z, 0.55 * s.z, s.x, s.y, 0.35, "leaves", 16);
           b.Cone(0, 0, 0.4 * s.z, 0.8 * s.z, 0.75 * s.x, 0.75 * s.y, 0.3, "leaves", 16);
           b.Cone(0, 0, 0.65 * s.z, s.z, 0.5 * s.x, 0.5 * s.y, 0, "leaves", 16);
         }});
  }
  add("bush", {"shrub", "rose bush", "rosebush", "hedge", "shrubbery"}, {1.0, 1.0, 0.8}, false,
      S::kFloor, {"garden", "park"}, "leaves", [](const Vec3& s, ModelBuilder& b) {
        Leaves(b);
        b.Mat("blossom", 0.6, 0.04, 0.08, 0.6);
        b.Sphere(-s.x / 2, 0.3 * s.x, -s.y / 2, 0.3 * s.y, 0, 0.85 * s.z, "leaves", 12);
        b.Sphere(-0.2 * s.x, s.x / 2, -0.2 * s.y, s.y / 2, 0, s.z, "leaves", 12);
        b.Sphere(0.1 * s.x, 0.25 * s.x, -0.35 * s.y, -0.2 * s.y, 0.6 * s.z, 0.75 * s.z, "blossom",
                 8);
        b.Sphere(-0.3 * s.x, -0.15 * s.x, 0.0, 0.15 * s.y, 0.7 * s.z, 0.85 * s.z, "blossom", 8);
      });
  add("rock", {"boulder", "stone", "pebble"}, {0.8, 0.6, 0.5}, false, S::kFloor,
      {"park", "garden", "forest", "nature"}, "stone", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("stone", 0.3, 0.29, 0.27, 0.9);
        b.Sphere(-s.x / 2, 0.3 * s.x, -s.y / 2, s.y / 2, 0, s.z, "stone", 8);
        b.Sphere(-0.1 * s.x, s.x / 2, -0.4 * s.y, 0.3 * s.y, 0, 0.7 * s.z, "stone", 8);
      });
  add("fence", {"picket fence", "wooden fence", "railing"}, {3.0, 0.1, 1.0}, true, S::kFloor,
      {"garden", "park", "farm"}, "wood", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("wood", 0.7, 0.68, 0.62, 0.7);
        const double X = s.x / 2, Y = s.y / 2;
        b.Box(-X, X, 0.0, Y, 0.25 * s.z, 0.33 * s.z, "wood");
        b.Box(-X, X, 0.0, Y, 0.7 * s.z, 0.78 * s.z, "wood");
        const int pickets = std::max(3, static_cast<int>(s.x / 0.15));
        const double pw = s.x / pickets * 0.6;
        for (int i = 0; i < pickets; ++i) {
          const double x0 = -X + i * (s.x - pw) / (pickets - 1);
          b.Box(x0, x0 + pw, -Y, 0.0, 0, s.z, "wood");
        }
      });
  add("fountain", {"water fountain", "drinking fountain"}, {2.5, 2.5, 1.8}, false, S::kFloor,
      {"park", "village", "garden", "square"}, "stone", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("stone", 0.6, 0.58, 0.55, 0.8);
        b.Mat("water", 0.15, 0.35, 0.5, 0.05);
        b.Cyl(0, 0, 0, 0.25 * s.z, s.x, s.y, "stone", 32);
        b.Cyl(0, 0, 0.22 * s.z, 0.24 * s.z, 0.9 * s.x, 0.9 * s.y, "water", 32);
        b.Cyl(0, 0, 0.25 * s.z, 0.7 * s.z, 0.12 * s.x, 0.12 * s.y, "stone", 16);
        b.Cone(0, 0, 0.6 * s.z, 0.75 * s.z, 0.9 * s.x, 0.9 * s.y, 1.0 / 0.3, "stone", 24);
        b.Cyl(0, 0, 0.75 * s.z, s.z, 0.08 * s.x, 0.08 * s.y, "water", 12);
      });
  add("bird bath", {"birdbath", "bird-bath"}, {0.6, 0.6, 0.8}, false, S::kFloor, {"garden"},
      "stone", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("stone", 0.6, 0.58, 0.55, 0.8);
        b.Mat("water", 0.15, 0.35, 0.5, 0.05);
        b.Cyl(0, 0, 0, 0.08 * s.z, 0.5 * s.x, 0.5 * s.y, "stone", 20);
        b.Cone(0, 0, 0.08 * s.z, 0.8 * s.z, 0.3 * s.x, 0.3 * s.y, 0.6, "stone", 20);
        b.Cone(0, 0, 0.8 * s.z, s.z, s.x, s.y, 2.0, "stone", 24);
        b.Cyl(0, 0, 0.95 * s.z, 0.97 * s.z, 0.8 * s.x, 0.8 * s.y, "water", 24);
      });
  add("car", {"automobile", "sedan", "vehicle", "hatchback", "suv"}, {1.8, 4.4, 1.45}, true,
      S::kFloor, {"street", "garage", "parking lot"}, "paint", [](const Vec3& s, ModelBuilder& b) {
        // The car's length runs along y, its nose toward -Y (its front).
        b.Mat("paint", 0.05, 0.12, 0.35, 0.25, 0.6);
        b.Mat("glass", 0.05, 0.07, 0.09, 0.05);
        Black(b, "tyre");
        Metal(b, "rim");
        b.Mat("headlight", 1.0, 0.95, 0.8, 0.2, 0.0, 2.0);
        b.Mat("taillight", 0.6, 0.02, 0.02, 0.3, 0.0, 1.0);
        const double X = s.x / 2, Y = s.y / 2, wheel = 0.35 * s.z, lamp = 0.005 * s.y;
        // Lamps and hubcaps stand proud of the body and tyres: coincident faces flicker.
        b.Box(-X, X, -Y + lamp, Y - lamp, 0.15 * s.z, 0.6 * s.z, "paint", 0.05);
        b.Box(-X + 0.08, X - 0.08, -0.3 * s.y, 0.3 * s.y, 0.6 * s.z, s.z, "glass", 0.05);
        b.Box(-X + 0.1, X - 0.1, -0.25 * s.y, 0.27 * s.y, 0.95 * s.z, s.z, "paint");
        const double tyre = 0.12 * s.x, hub = 0.04 * s.x;
        for (double y : {-0.3 * s.y, 0.3 * s.y}) {
          b.CylX(-X + 0.01, -X + tyre, y - wheel, y + wheel, 0, 2 * wheel, "tyre", 20);
          b.CylX(X - tyre, X - 0.01, y - wheel, y + wheel, 0, 2 * wheel, "tyre", 20);
          b.CylX(-X, -X + hub, y - 0.5 * wheel, y + 0.5 * wheel, 0.5 * wheel, 1.5 * wheel, "rim",
                 16);
          b.CylX(X - hub, X, y - 0.5 * wheel, y + 0.5 * wheel, 0.5 * wheel, 1.5 * wheel, "rim", 16);
        }
        for (double sx : {-1.0, 1.0}) {
          const double x0 = std::min(sx * (X - 0.08 * s.x), sx * (X - 0.22 * s.x));
          const double x1 = std::max(sx * (X - 0.08 * s.x), sx * (X - 0.22 * s.x));
          b.Box(x0, x1, -Y, -Y + 2 * lamp, 0.42 * s.z, 0.5 * s.z, "headlight");
          b.Box(x0, x1, Y - 2 * lamp, Y, 0.45 * s.z, 0.52 * s.z, "taillight");
        }
      });
  add("bicycle", {"bike", "cycle"}, {0.6, 1.75, 1.05}, true, S::kFloor, {"street", "park"}, "frame",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("frame", 0.5, 0.05, 0.05, 0.3, 0.6);
        Black(b, "tyre");
        const double Y = s.y / 2, r = 0.34 * s.y / 1.75 * 1.05;
        const double wz = std::min(2 * r, 0.7 * s.z);
        b.CylX(-0.03, 0.03, -Y, -Y + wz, 0, wz, "tyre", 24);
        b.CylX(-0.03, 0.03, Y - wz, Y, 0, wz, "tyre", 24);
        b.Box(-0.02, 0.02, -Y + wz / 2, Y - wz / 2, wz / 2, wz / 2 + 0.04, "frame");
        b.Box(-0.02, 0.02, -0.05, 0.05, wz / 2, 0.85 * s.z, "frame");
        b.Box(-0.08, 0.08, -0.05, 0.12, 0.85 * s.z, 0.88 * s.z, "frame");  // saddle
        b.Box(-0.02, 0.02, -Y + wz / 2 - 0.02, -Y + wz / 2 + 0.02, wz / 2, s.z - 0.03, "frame");
        b.Box(-s.x / 2, s.x / 2, -Y + wz / 2 - 0.02, -Y + wz / 2 + 0.02, s.z - 0.03, s.z, "frame");
      });
  add("house", {"cottage", "home", "cabin", "building", "hut", "bungalow"}, {8.0, 7.0, 6.0}, true,
      S::kFloor, {"street", "village", "suburb"}, "walls", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("walls", 0.75, 0.68, 0.55, 0.9);
        b.Mat("roof", 0.35, 0.08, 0.05, 0.8);
        b.Mat("glass", 0.1, 0.15, 0.22, 0.1);
        DarkWood(b, "door");
        const double X = s.x / 2, Y = s.y / 2, eave = 0.55 * s.z;
        b.Box(-X + 0.2, X - 0.2, -Y + 0.2, Y - 0.2, 0, eave, "walls");
        b.Wedge(-X, X, -Y, Y, eave, s.z, "roof");  // gable roof, ridge along x
        b.Box(0.2 * s.x, 0.3 * s.x, 0.1 * s.y, 0.2 * s.y, eave, 0.95 * s.z, "roof");  // chimney
        b.Box(-0.6, 0.6, -Y + 0.15, -Y + 0.2, 0, 0.35 * s.z, "door");
        for (double x : {-0.3 * s.x, 0.3 * s.x}) {
          b.Box(x - 0.6, x + 0.6, -Y + 0.15, -Y + 0.2, 0.2 * s.z, 0.42 * s.z, "glass");
        }
      });
  add("tent", {"camping tent"}, {2.2, 2.4, 1.4}, true, S::kFloor, {"camp", "forest"}, "canvas",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("canvas", 0.55, 0.25, 0.05, 0.85);
        Black(b, "door");
        b.Pyramid(-s.x / 2, s.x / 2, -s.y / 2, s.y / 2, 0, s.z, "canvas");
        b.Box(-0.15 * s.x, 0.15 * s.x, -0.46 * s.y, -0.4 * s.y, 0, 0.12 * s.z, "door");
      });

  // --- Animals ------------------------------------------------------------------------------
  add("cat", {"kitten", "kitty", "tomcat"}, {0.25, 0.5, 0.3}, true, S::kFloor,
      {"living room", "bedroom"}, "fur", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("fur", 0.45, 0.25, 0.1, 0.9);
        b.Mat("nose", 0.6, 0.3, 0.3, 0.5);
        const double X = s.x / 2, Y = s.y / 2, H = s.z;
        b.Sphere(-X, X, -0.45 * Y, 0.65 * Y, 0.25 * H, 0.7 * H, "fur", 16);               // body
        b.Sphere(-0.7 * X, 0.7 * X, -0.85 * Y, -0.35 * Y, 0.5 * H, 0.92 * H, "fur", 16);  // head
        b.Sphere(-0.3 * X, 0.3 * X, -Y, -0.72 * Y, 0.56 * H, 0.72 * H, "fur", 12);        // muzzle
        b.Sphere(-0.08 * X, 0.08 * X, -Y, -0.94 * Y, 0.66 * H, 0.72 * H, "nose", 8);
        for (double x : {-0.4 * X, 0.4 * X}) {  // ears
          b.Cone(x, -0.6 * Y, 0.82 * H, H, 0.4 * X, 0.12 * Y, 0, "fur", 8);
        }
        for (double x : {-0.5 * X, 0.5 * X}) {  // legs
          for (double y : {-0.3 * Y, 0.4 * Y}) b.Cyl(x, y, 0, 0.35 * H, 0.3 * X, 0.1 * Y, "fur", 8);
        }
        b.CylY(-0.08 * X, 0.08 * X, 0.55 * Y, Y, 0.42 * H, 0.52 * H, "fur", 8);  // tail
        b.Cyl(0, 0.95 * Y, 0.45 * H, 0.85 * H, 0.16 * X, 0.1 * Y, "fur", 8);
      });
  add("dog", {"puppy", "hound", "doggy", "labrador", "retriever"}, {0.35, 0.8, 0.6}, true,
      S::kFloor, {"living room", "park", "garden"}, "fur", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("fur", 0.55, 0.35, 0.15, 0.9);
        Black(b, "nose");
        const double X = s.x / 2, Y = s.y / 2, H = s.z;
        b.Sphere(-X, X, -0.5 * Y, 0.75 * Y, 0.38 * H, 0.75 * H, "fur", 16);                // body
        b.Sphere(-0.3 * X, 0.3 * X, -0.68 * Y, -0.35 * Y, 0.55 * H, 0.88 * H, "fur", 12);  // neck
        b.Sphere(-0.55 * X, 0.55 * X, -0.85 * Y, -0.5 * Y, 0.68 * H, H, "fur", 16);        // head
        b.Sphere(-0.28 * X, 0.28 * X, -Y, -0.7 * Y, 0.7 * H, 0.86 * H, "fur", 12);         // snout
        b.Sphere(-0.1 * X, 0.1 * X, -Y, -0.94 * Y, 0.8 * H, 0.87 * H, "nose", 8);
        b.Box(-0.65 * X, -0.45 * X, -0.72 * Y, -0.6 * Y, 0.66 * H, 0.94 * H, "fur", 0.01);  // ears
        b.Box(0.45 * X, 0.65 * X, -0.72 * Y, -0.6 * Y, 0.66 * H, 0.94 * H, "fur", 0.01);
        for (double x : {-0.45 * X, 0.45 * X}) {  // legs
          for (double y : {-0.35 * Y, 0.55 * Y}) {
            b.Cyl(x, y, 0, 0.5 * H, 0.3 * X, 0.08 * Y, "fur", 8);
          }
        }
        b.CylY(-0.06 * X, 0.06 * X, 0.7 * Y, Y, 0.62 * H, 0.7 * H, "fur", 8);  // tail
      });
  add("piano", {"upright piano", "grand piano"}, {1.5, 0.6, 1.25}, true, S::kFloor,
      {"living room", "music room"}, "wood", [](const Vec3& s, ModelBuilder& b) {
        b.Mat("wood", 0.02, 0.02, 0.02, 0.15);
        White(b, "keys");
        const double X = s.x / 2, Y = s.y / 2;
        b.Box(-X, X, -Y + 0.35 * s.y, Y, 0, s.z, "wood");
        b.Box(-X, X, -Y, -Y + 0.35 * s.y, 0.65 * s.z, 0.72 * s.z, "wood");
        b.Box(-X + 0.08, X - 0.08, -Y + 0.02, -Y + 0.3 * s.y, 0.72 * s.z, 0.74 * s.z, "keys");
        b.Box(-X, -X + 0.06, -Y, -Y + 0.35 * s.y, 0.0, 0.72 * s.z, "wood");
        b.Box(X - 0.06, X, -Y, -Y + 0.35 * s.y, 0.0, 0.72 * s.z, "wood");
      });
  add("lectern", {"podium", "pulpit", "rostrum", "speaker's stand"}, {0.6, 0.5, 1.15}, true,
      S::kFloor, {"lecture hall", "auditorium", "classroom", "church"}, "wood",
      [](const Vec3& s, ModelBuilder& b) {
        b.Mat("wood", 0.35, 0.2, 0.1, 0.5);
        const double X = s.x / 2, Y = s.y / 2;
        b.Box(-X, X, -Y, Y, 0, 0.05 * s.z, "wood");                          // base
        b.Box(-0.7 * X, 0.7 * X, -0.6 * Y, 0.6 * Y, 0, 0.88 * s.z, "wood");  // body
        b.Box(-X, X, -Y, Y, 0.88 * s.z, 0.94 * s.z, "wood");                 // reading top
        b.Box(-X, X, -Y, -0.8 * Y, 0.94 * s.z, s.z, "wood");                 // lip at the front
      });
  return entries;
}

}  // namespace

const std::vector<Entry>& CatalogEntries() {
  static const std::vector<Entry> entries = MakeEntries();
  return entries;
}

}  // namespace scenecraft::procedural
