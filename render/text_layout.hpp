#pragma once
// Laying out words: a line wrapped to a width, and labels placed where they overlap nothing.
// Pure functions (no drawing, no display): the caller measures text with its font.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <SFML/Graphics/Rect.hpp>

namespace campsim::render {

// The width in pixels `text` takes when drawn.
using TextMeasure = std::function<float(const std::string& text)>;

// `text` in pieces that each measure at most `width`: broken at spaces, a word longer than a
// line broken between its characters (never inside a UTF-8 sequence); every piece after the first
// starts with `indent`. Nothing is dropped: the pieces, indents and broken spaces aside, are the
// text. A single character wider than the width still gets a piece of its own.
std::vector<std::string> wrap_text(const std::string& text, float width, const TextMeasure& measure,
                                   const std::string& indent = "   ");

// A map label to place: its box's size and the top-left corners it may take, best first.
struct LabelRequest {
  sf::Vector2f size;
  std::vector<sf::Vector2f> candidates;
  std::vector<sf::FloatRect> avoid;  // more boxes this label alone must keep off (the camp, for the town's)
};

// Greedy placement, in the order given (earlier labels win): each label takes its first candidate
// whose box lies inside `bounds`, overlaps no label placed before it and covers none of the
// `markers` (gates, towers, the hospital's cross) nor its own `avoid` boxes; a label with no such
// candidate is dropped (nullopt). Boxes that only touch do not overlap.
std::vector<std::optional<sf::FloatRect>> place_labels(const std::vector<LabelRequest>& labels,
                                                       const std::vector<sf::FloatRect>& markers, sf::FloatRect bounds);

}  // namespace campsim::render
