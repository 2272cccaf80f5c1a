#pragma once
// One line of text at a pixel position (top-left), the only way the viewer writes words.
#include <cmath>
#include <string>

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Text.hpp>

namespace campsim::render {

// Returns the text's width in pixels, for laying out what follows it.
inline float draw_text(sf::RenderTarget& target, const sf::Font& font, const std::string& text, sf::Vector2f at,
                       unsigned size, sf::Color colour) {
  sf::Text t(sf::String::fromUtf8(text.begin(), text.end()), font, size);
  t.setFillColor(colour);
  t.setPosition(std::round(at.x), std::round(at.y));
  target.draw(t);
  return t.getLocalBounds().width;
}

// The width in pixels `text` (UTF-8) takes at `size`: the glyphs' advances and kerning, as
// sf::Text lays them out on one line.
inline float text_width(const sf::Font& font, const std::string& text, unsigned size) {
  const sf::String s = sf::String::fromUtf8(text.begin(), text.end());
  float width = 0;
  for (std::size_t i = 0; i < s.getSize(); ++i) {
    if (i > 0) width += font.getKerning(s[i - 1], s[i], size);
    width += font.getGlyph(s[i], size, false).advance;
  }
  return width;
}

}  // namespace campsim::render
