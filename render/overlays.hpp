#pragma once
#include <optional>
#include <string>
#include <vector>
// What sits on top of the map in screen space: the legend, the scale bar, the north arrow, names
// of places, and the help overlay listing the keys.
#include <SFML/Graphics/RenderTarget.hpp>

#include "render/fonts.hpp"
#include "render/scene.hpp"

namespace campsim::render {

// Boxes in map pixels that no label may cover: gates, towers and posts, and from the snapshot
// everyone in a fight (intruders, QRF, sentries, a bomb vehicle), the police line and, when
// drawn, the vehicles.
std::vector<sf::FloatRect> label_markers(const Scene& scene);
void draw_labels(sf::RenderTarget& target, const Fonts& fonts, const Scene& scene);
void draw_legend(sf::RenderTarget& target, const Fonts& fonts, sf::Vector2f bottom_left);

// One row of the legend: a swatch and its words. `fill` and `rim` are the colours that carry a
// meaning (none: the row's meaning is in the other one); `outline` is a neutral border.
struct LegendRow {
  std::string text;
  std::optional<sf::Color> fill, rim;
  std::optional<sf::Color> outline;
};
const std::vector<LegendRow>& legend_rows();
void draw_scale_bar(sf::RenderTarget& target, const Fonts& fonts, const ViewFrame& frame, sf::Vector2f bottom_right);
void draw_north_arrow(sf::RenderTarget& target, const Fonts& fonts, sf::Vector2f top_right);
void draw_help(sf::RenderTarget& target, const Fonts& fonts, sf::Vector2f size, ViewMode mode);

// The scale bar's length: the largest of 1, 2, 5 x 10^k metres that fits in max_px.
double scale_bar_metres(const ViewFrame& frame, float max_px);

}  // namespace campsim::render
