#include "render/overlays.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <SFML/Graphics/Text.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <fmt/format.h>

#include "render/map_layer.hpp"
#include "render/palette.hpp"
#include "render/police_line.hpp"
#include "render/shapes.hpp"
#include "render/text.hpp"
#include "render/text_layout.hpp"
#include "sim/camp/geometry.hpp"

namespace campsim::render {

namespace {
const sf::Color kBox{20, 22, 28, 215};
// The protest's gate is one of the layout's gates: the same point, up to rounding (metres).
constexpr double kSameGateM = 1.0;
}

namespace {

sf::FloatRect centred(sf::Vector2f at, float size) { return {at.x - size / 2, at.y - size / 2, size, size}; }

}  // namespace

std::vector<sf::FloatRect> label_markers(const Scene& scene) {
  const ViewFrame& f = scene.camera;
  std::vector<sf::FloatRect> markers;
  for (const camp::Gate& gate : scene.layout->gates) markers.push_back(centred(f.to_pixels(gate.position), 14));
  for (const camp::Watchtower& tower : scene.layout->towers) markers.push_back(centred(f.to_pixels(tower.position), 17));
  if (!scene.snapshot) return markers;
  for (const camp::PostView& post : scene.snapshot->posts)
    markers.push_back(centred(f.to_pixels(post.position), post.kind == camp::PostKind::Gate ? 11.f : 17.f));
  // Who fights and what drives: a label over an intruder's triangle hides the thing the picture
  // is about. Sizes as agent_layers.cpp draws them, rim included (a bomb vehicle is 22 x 14).
  for (const camp::CombatantView& c : scene.snapshot->combatants) {
    const sf::Vector2f at = f.to_pixels(c.position);
    switch (c.kind) {
      case camp::CombatantKind::Intruder: markers.push_back(centred(at, 17)); break;
      case camp::CombatantKind::Qrf: markers.push_back(centred(at, 15)); break;
      case camp::CombatantKind::Sentry: markers.push_back(centred(at, 12)); break;
      case camp::CombatantKind::BombVehicle: markers.push_back({at.x - 11, at.y - 7, 22, 14}); break;
    }
  }
  if (scene.layers.vehicles)
    for (const camp::VehicleView& v : scene.snapshot->vehicles) markers.push_back(centred(f.to_pixels(v.position), 13));
  // The police line behind the gate: the gate's own label went over it.
  if (const sf::VertexArray line = build_police_line(*scene.snapshot, f); line.getVertexCount() > 0)
    markers.push_back(line.getBounds());
  return markers;
}

void draw_labels(sf::RenderTarget& target, const Fonts& fonts, const Scene& scene) {
  const ViewFrame& f = scene.camera;
  const camp::CampLayout& layout = *scene.layout;
  const sf::Color dark{25, 25, 25};
  // What each label says, how it is drawn, and where it may go; placed so no two overlap and none
  // covers a marker (render/text_layout.hpp), in order of importance: gates, the hospital, the
  // town, the other zones, the towers.
  struct Label {
    std::string text;
    unsigned size;
    sf::Color colour;
    bool boxed = false;
  };
  std::vector<Label> labels;
  std::vector<LabelRequest> requests;
  const auto add = [&](Label label, std::vector<sf::Vector2f> candidates, std::vector<sf::FloatRect> avoid = {}) {
    const sf::Vector2f size{text_width(fonts.sans, label.text, label.size) + (label.boxed ? 6.f : 1.f),
                            static_cast<float>(label.size) + (label.boxed ? 6.f : 4.f)};
    requests.push_back({size, std::move(candidates), std::move(avoid)});
    labels.push_back(std::move(label));
  };
  // Around a marker of `r` pixels' half-size: right, left, above, below, then the corners.
  const auto around = [](sf::Vector2f at, float r, sf::Vector2f size) {
    const float gap = r + 2;
    return std::vector<sf::Vector2f>{{at.x + gap, at.y - size.y / 2},          {at.x - gap - size.x, at.y - size.y / 2},
                                     {at.x - size.x / 2, at.y - gap - size.y}, {at.x - size.x / 2, at.y + gap},
                                     {at.x + gap, at.y - gap - size.y},        {at.x + gap, at.y + gap},
                                     {at.x - gap - size.x, at.y - gap - size.y}, {at.x - gap - size.x, at.y + gap}};
  };
  const auto size_of = [&](const std::string& text, unsigned size) {
    return sf::Vector2f{text_width(fonts.sans, text, size) + 1.f, static_cast<float>(size) + 4.f};
  };
  // A boxed label's room: the text's and the box's margin round it.
  const auto box_of = [](sf::Vector2f text) { return sf::Vector2f{text.x + 5, text.y + 2}; };

  std::vector<sf::FloatRect> markers = label_markers(scene);

  // A gate with protesters standing at it gets a boxed label: wherever it goes round the gate it
  // lands on the crowd, and dark text on the protesters' pink and brown dots does not read.
  const camp::protest::ProtestView* protest =
      scene.snapshot && scene.snapshot->protest.live && scene.snapshot->protest.at_gate > 0 ? &scene.snapshot->protest : nullptr;
  for (const camp::Gate& gate : layout.gates) {
    const sf::Vector2f at = f.to_pixels(gate.position);
    const bool boxed = protest && camp::distance(protest->gate, gate.position) <= kSameGateM;
    const sf::Vector2f size = boxed ? box_of(size_of(gate.name, 11)) : size_of(gate.name, 11);
    add({gate.name, 11, boxed ? kPanelText : dark, boxed}, around(at, 7, size));
  }
  std::vector<const camp::Zone*> zones;
  for (const camp::Zone& zone : layout.zones)
    if (zone.kind == camp::ZoneKind::Hospital) zones.insert(zones.begin(), &zone);
    else zones.push_back(&zone);
  const auto centroid = [](const camp::Zone& zone) {
    camp::Point c;
    for (const camp::Point& p : zone.polygon) {
      c.x += p.x / static_cast<double>(zone.polygon.size());
      c.y += p.y / static_cast<double>(zone.polygon.size());
    }
    return c;
  };
  const auto add_zone = [&](const camp::Zone& zone) {
    const sf::Vector2f at = f.to_pixels(centroid(zone));
    std::string name = zone.name;
    std::replace(name.begin(), name.end(), '_', ' ');
    const sf::Vector2f size = size_of(name, 10);
    if (zone.kind == camp::ZoneKind::Hospital) {
      // Boxed, since it often spills over the zones around it; below its red cross first.
      markers.push_back(centred(at, 18));
      const sf::Vector2f box = box_of(size);
      std::vector<sf::Vector2f> candidates = around(at, 9, box);
      std::rotate(candidates.begin(), candidates.begin() + 3, candidates.begin() + 4);
      add({name, 10, kPanelText, true}, std::move(candidates));
      return;
    }
    std::vector<sf::Vector2f> candidates;
    for (float dy : {0.f, 1.f, -1.f, 2.f, -2.f}) candidates.push_back({at.x - size.x / 2, at.y - size.y / 2 + dy * size.y});
    add({name, 10, sf::Color(235, 235, 235)}, std::move(candidates));
  };
  for (const camp::Zone* zone : zones)
    if (zone->kind == camp::ZoneKind::Hospital) add_zone(*zone);
  if (!layout.perimeter.empty()) {
    // The town's name west of its edge, never over the camp: off the picture when the town is.
    camp::Point lo = layout.perimeter.front(), hi = lo;
    for (const camp::Point& p : layout.perimeter) {
      lo = {std::min(lo.x, p.x), std::min(lo.y, p.y)};
      hi = {std::max(hi.x, p.x), std::max(hi.y, p.y)};
    }
    const sf::Vector2f nw = f.to_pixels({lo.x, hi.y}), se = f.to_pixels({hi.x, lo.y});
    const sf::FloatRect camp_box{nw, se - nw};
    const std::string town = "Gao (town edge)";
    const sf::Vector2f at = f.to_pixels({lo.x - kTownSetbackM, hi.y});
    const float w = text_width(fonts.sans, town, 12) + 6;
    std::vector<sf::Vector2f> candidates;
    // By the camp's north-west corner; when zoomed in so that corner is above the picture, at the
    // picture's top (the town runs south of it).
    const float top = std::max(at.y - 2, 8.f);
    for (float dy : {0.f, 24.f, 48.f, -24.f}) candidates.push_back({at.x - w - 4, top + dy});
    add({town, 12, kPanelText, true}, std::move(candidates), {camp_box});
  }
  for (const camp::Zone* zone : zones)
    if (zone->kind != camp::ZoneKind::Hospital) add_zone(*zone);
  for (const camp::Watchtower& tower : layout.towers) {
    const std::string name = tower.name.substr(0, tower.name.find('_'));
    add({name, 10, dark}, around(f.to_pixels(tower.position), 9, size_of(name, 10)));
  }

  const sf::Vector2u picture = target.getSize();
  const sf::FloatRect map{0, 0, static_cast<float>(picture.x > kPanelWidth ? picture.x - kPanelWidth : picture.x),
                          static_cast<float>(picture.y)};
  const auto placed = place_labels(requests, markers, map);
  sf::VertexArray boxes(sf::Triangles);
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (placed[i] && labels[i].boxed) add_rect(boxes, {placed[i]->left, placed[i]->top}, {placed[i]->width, placed[i]->height}, kBox);
  target.draw(boxes);
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (placed[i]) {
      const float inset = labels[i].boxed ? 3.f : 0.f;
      draw_text(target, fonts.sans, labels[i].text, {placed[i]->left + inset, placed[i]->top + inset - 1}, labels[i].size,
                labels[i].colour);
    }
}

const std::vector<LegendRow>& legend_rows() {
  using camp::VehicleState;
  const auto fill = [](std::string text, sf::Color c, std::optional<sf::Color> outline = std::nullopt) {
    return LegendRow{std::move(text), c, std::nullopt, outline};
  };
  const auto rim = [](std::string text, sf::Color c) { return LegendRow{std::move(text), std::nullopt, c, std::nullopt}; };
  static const std::vector<LegendRow> rows{
      fill("guard", role_colour(camp::PersonRole::Guard)),
      fill("staff", role_colour(camp::PersonRole::Staff)),
      fill("medical", role_colour(camp::PersonRole::Medical)),
      fill("logistics", role_colour(camp::PersonRole::Logistics)),
      fill("resident", role_colour(camp::PersonRole::Resident)),
      rim("on post", kRimOnPost),
      rim("moving", kRimMoving),
      rim("in bunker", kRimSheltered),
      LegendRow{"wounded / killed", kCasualty, std::nullopt, std::nullopt},
      LegendRow{"", kKilled, std::nullopt, kCasualty},  // red round the black, as drawn, so it shows at night
      fill("vehicle at base", vehicle_state_colour(VehicleState::AtBase), sf::Color::Black),
      fill("mobilizing", vehicle_state_colour(VehicleState::Mobilizing), sf::Color::Black),
      fill("en route", vehicle_state_colour(VehicleState::EnRoute), sf::Color::Black),
      fill("on scene", vehicle_state_colour(VehicleState::OnScene), sf::Color::Black),
      fill("returning", vehicle_state_colour(VehicleState::Returning), sf::Color::Black),
      fill("post manned", kTowerManned),
      fill("post short", kTowerShort),
      fill("post idle", kTowerIdle),
      fill("impact (fades)", kImpact),
      fill("open incident", kIncident),
      fill("protester quiet", kProtesterQuiet),
      fill("protester active", kProtesterActive),
      fill("protester leaving", kProtesterLeaving),
      fill("police line (FPU)", kPoliceLine, sf::Color::Black),
      fill("intruder (triangle)", kIntruder, sf::Color::White),
      fill("QRF on foot (diamond)", kQrfMember, sf::Color::White),
      fill("vehicle bomb (bar)", kBombVehicle, sf::Color::Black),
      fill("round in flight", kRoundInFlight, sf::Color::Black),
      rim("firing", kMuzzle),
      fill("fighter down", kCombatantDown, sf::Color::White),
  };
  return rows;
}

void draw_legend(sf::RenderTarget& target, const Fonts& fonts, sf::Vector2f bottom_left) {
  const std::vector<LegendRow>& rows = legend_rows();
  // A row with no text is a second swatch beside the previous row's (killed beside wounded).
  std::vector<std::size_t> slot(rows.size());
  std::size_t lines = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) slot[i] = rows[i].text.empty() && i > 0 ? slot[i - 1] : lines++;
  // Columns of nine: people, then vehicles and posts, then marks, the crowd and the fight.
  const std::size_t per_column = 9;
  const std::size_t columns = (lines + per_column - 1) / per_column;
  const float line = 15, column = 190, width = static_cast<float>(columns) * column, height = kLegendHeight - 8;
  sf::VertexArray t(sf::Triangles);
  const sf::Vector2f top_left{bottom_left.x, bottom_left.y - height};
  add_rect(t, top_left, {width, height}, kBox);
  auto place = [&](std::size_t s) {
    return sf::Vector2f{top_left.x + column * static_cast<float>(s / per_column),
                        top_left.y + line * static_cast<float>(s % per_column)};
  };
  std::vector<float> text_at(lines, 26);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const bool beside = rows[i].text.empty() && i > 0;
    if (beside) text_at[slot[i]] = 40;
    const sf::Vector2f c = place(slot[i]) + sf::Vector2f{beside ? 28.0f : 14.0f, 12};
    if (rows[i].outline) add_square(t, c, 11, *rows[i].outline);
    if (rows[i].rim) add_square(t, c, 11, *rows[i].rim);
    add_square(t, c, 7, rows[i].fill.value_or(kBox));
  }
  target.draw(t);
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (!rows[i].text.empty())
      draw_text(target, fonts.sans, rows[i].text, place(slot[i]) + sf::Vector2f{text_at[slot[i]], 4}, 11, kPanelText);
}

double scale_bar_metres(const ViewFrame& frame, float max_px) {
  const double max_m = max_px / frame.scale;
  const double decade = std::pow(10.0, std::floor(std::log10(max_m)));
  for (double step : {5.0, 2.0, 1.0})
    if (step * decade <= max_m) return step * decade;
  return decade;
}

void draw_scale_bar(sf::RenderTarget& target, const Fonts& fonts, const ViewFrame& frame, sf::Vector2f bottom_right) {
  const double metres = scale_bar_metres(frame, 160);
  const float px = static_cast<float>(metres * frame.scale);
  sf::VertexArray t(sf::Triangles);
  const sf::Vector2f left{bottom_right.x - px, bottom_right.y - 8};
  add_rect(t, {left.x - 6, left.y - 22}, {px + 12, 34}, kBox);
  add_rect(t, left, {px / 2, 5}, sf::Color::White);
  add_rect(t, {left.x + px / 2, left.y}, {px / 2, 5}, sf::Color(90, 90, 90));
  target.draw(t);
  const std::string text = metres >= 1000 ? fmt::format("{:g} km", metres / 1000) : fmt::format("{:g} m", metres);
  draw_text(target, fonts.sans, text, {left.x, left.y - 19}, 12, kPanelText);
}

void draw_north_arrow(sf::RenderTarget& target, const Fonts& fonts, sf::Vector2f top_right) {
  const sf::Vector2f tip{top_right.x - 22, top_right.y + 22};
  sf::VertexArray t(sf::Triangles);
  add_disc(t, {tip.x, tip.y + 18}, 20, kBox);
  t.append(sf::Vertex(tip, sf::Color::White));
  t.append(sf::Vertex({tip.x - 8, tip.y + 26}, sf::Color::White));
  t.append(sf::Vertex({tip.x, tip.y + 20}, sf::Color::White));
  t.append(sf::Vertex(tip, sf::Color(150, 150, 150)));
  t.append(sf::Vertex({tip.x, tip.y + 20}, sf::Color(150, 150, 150)));
  t.append(sf::Vertex({tip.x + 8, tip.y + 26}, sf::Color(150, 150, 150)));
  target.draw(t);
  draw_text(target, fonts.sans, "N", {tip.x - 5, tip.y - 17}, 13, sf::Color::White);
}

void draw_help(sf::RenderTarget& target, const Fonts& fonts, sf::Vector2f size, ViewMode mode) {
  std::vector<std::string> lines{
      "Keys",
      "space          pause / resume",
      "N              one step (when paused)",
      "+ / -          faster / slower (1x to 100000x)",
      "I              jump to the next incident",
      "mouse wheel    zoom at the cursor;  drag: pan",
      "arrow keys     pan;  0: whole map",
      "click          inspect a person, vehicle or post",
      "1-7            layers: people, vehicles, fields of view,",
      "               incidents, night, labels, legend",
      "S              screenshot (PNG in the current folder)",
      "R              record frames (PNGs) on / off",
      "H or F1        this help;  Q or Esc: quit",
  };
  if (mode == ViewMode::Playback) {
    lines.push_back(", / .          back / forward one minute");
    lines.push_back("[ / ]          back / forward one hour");
    lines.push_back("Home / End     start / end of the recording");
    lines.push_back("click the timeline at the panel's foot to seek");
  }
  const float w = 510, h = 22 + 19 * static_cast<float>(lines.size());
  sf::VertexArray t(sf::Triangles);
  const sf::Vector2f at{(size.x - w) / 2, (size.y - h) / 2};
  add_rect(t, at, {w, h}, sf::Color(10, 12, 18, 235));
  target.draw(t);
  for (std::size_t i = 0; i < lines.size(); ++i)
    draw_text(target, i == 0 ? fonts.sans : fonts.mono, lines[i], {at.x + 16, at.y + 10 + 19 * static_cast<float>(i)}, 14,
              i == 0 ? sf::Color::Yellow : kPanelText);
}

}  // namespace campsim::render
