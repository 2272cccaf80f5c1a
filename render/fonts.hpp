#pragma once
// The viewer's fonts: DejaVu Sans and Sans Mono from Debian's fonts-dejavu-core (scripts/setup.sh).
#include <SFML/Graphics/Font.hpp>

namespace campsim::render {

struct Fonts {
  sf::Font sans;
  sf::Font mono;
};

// Throws std::runtime_error naming the package when the fonts are missing.
Fonts load_fonts();

}  // namespace campsim::render
