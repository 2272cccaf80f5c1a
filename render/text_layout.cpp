#include "render/text_layout.hpp"

namespace campsim::render {

namespace {

// Where the UTF-8 character after byte i starts.
std::size_t next_char(const std::string& s, std::size_t i) {
  ++i;
  while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  return i;
}

}  // namespace

std::vector<std::string> wrap_text(const std::string& text, float width, const TextMeasure& measure,
                                   const std::string& indent) {
  std::vector<std::string> out;
  std::string rest = text;
  std::string prefix;  // "" for the first piece, the indent after
  while (true) {
    if (measure(prefix + rest) <= width) {
      out.push_back(prefix + rest);
      return out;
    }
    // The longest head of `rest` that fits: first try to end it at a space.
    std::size_t fit = 0;  // bytes of rest that fit, at a character boundary
    for (std::size_t i = next_char(rest, 0); i <= rest.size(); i = next_char(rest, i)) {
      if (measure(prefix + rest.substr(0, i)) > width) break;
      fit = i;
      if (i == rest.size()) break;
    }
    std::size_t cut = fit, resume = fit;
    const std::size_t space = fit < rest.size() ? rest.rfind(' ', fit) : std::string::npos;
    if (space != std::string::npos && space > 0 && rest.find_first_not_of(' ') < space) {
      cut = space;
      resume = space;
    }
    if (cut == 0) cut = resume = next_char(rest, 0);  // not even one character fits: it goes alone
    std::string head = rest.substr(0, cut);
    while (!head.empty() && head.back() == ' ') head.pop_back();
    out.push_back(prefix + head);
    const std::size_t start = rest.find_first_not_of(' ', resume);
    if (start == std::string::npos) return out;
    rest = rest.substr(start);
    prefix = indent;
  }
}

std::vector<std::optional<sf::FloatRect>> place_labels(const std::vector<LabelRequest>& labels,
                                                       const std::vector<sf::FloatRect>& markers, sf::FloatRect bounds) {
  std::vector<std::optional<sf::FloatRect>> out;
  std::vector<sf::FloatRect> placed;
  const auto inside = [&](const sf::FloatRect& box) {
    return box.left >= bounds.left && box.top >= bounds.top && box.left + box.width <= bounds.left + bounds.width &&
           box.top + box.height <= bounds.top + bounds.height;
  };
  const auto hits = [](const sf::FloatRect& box, const std::vector<sf::FloatRect>& others) {
    for (const sf::FloatRect& o : others)
      if (box.intersects(o)) return true;
    return false;
  };
  for (const LabelRequest& label : labels) {
    std::optional<sf::FloatRect> chosen;
    for (const sf::Vector2f& corner : label.candidates) {
      const sf::FloatRect box{corner, label.size};
      if (inside(box) && !hits(box, placed) && !hits(box, markers) && !hits(box, label.avoid)) {
        chosen = box;
        break;
      }
    }
    if (chosen) placed.push_back(*chosen);
    out.push_back(chosen);
  }
  return out;
}

}  // namespace campsim::render
