// Named colours (data): the CSS/X11 colour names and a few common colour words they lack.
#pragma once

#include <vector>

namespace scenecraft {

struct NamedColor {
  const char* name;  // lower case, words joined as CSS writes them ("lightblue")
  int r, g, b;       // sRGB, 0-255
};

const std::vector<NamedColor>& NamedColors();

}  // namespace scenecraft
