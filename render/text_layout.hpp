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

}  // namespace campsim::render
