#include "render/side_panel.hpp"
#include "render/display_names.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include <SFML/Graphics/VertexArray.hpp>
#include <fmt/format.h>

#include "render/palette.hpp"
#include "render/shapes.hpp"
#include "render/text.hpp"
#include "render/text_layout.hpp"

namespace campsim::render {

namespace {

constexpr float kPad = 12, kLine = 17;

std::string speed_text(const Scene& scene) {
  if (scene.mode == ViewMode::Still) return "still frame";
  std::string s = scene.mode == ViewMode::Live ? "LIVE" : "PLAYBACK";
  if (scene.finished) return s + "  run ended";
  if (scene.paused) return s + "  paused";
  return s + fmt::format("  x{:g}", scene.speed);
}

// A small chart of one quantity in [0, 1] over the last hours.
void draw_chart(sf::RenderTarget& target, const Fonts& fonts, sf::FloatRect box, const std::string& title,
                const std::vector<ChartPoint>& points, engine::SimTime now, double ChartPoint::*value, sf::Color colour) {
  sf::VertexArray t(sf::Triangles);
  add_rect(t, {box.left, box.top}, {box.width, box.height}, sf::Color(45, 48, 58));
  add_line(t, {box.left, box.top + box.height / 2}, {box.left + box.width, box.top + box.height / 2}, 1,
           sf::Color(70, 74, 86));
  auto to_px = [&](const ChartPoint& p) {
    const double x = (p.time - (now - ViewHistory::kWindow)) / ViewHistory::kWindow;
    const double y = std::clamp(p.*value, 0.0, 1.0);
    return sf::Vector2f{box.left + static_cast<float>(x) * box.width, box.top + box.height - static_cast<float>(y) * (box.height - 2) - 1};
  };
  for (std::size_t i = 1; i < points.size(); ++i) add_line(t, to_px(points[i - 1]), to_px(points[i]), 2, colour);
  target.draw(t);
  const std::string current = points.empty() ? "-" : fmt::format("{:.2f}", points.back().*value);
  draw_text(target, fonts.sans, title + "  " + current, {box.left + 4, box.top + 1}, 11, kPanelText);
}

}  // namespace

sf::FloatRect clock_area(sf::FloatRect area) { return {area.left + kPad, area.top + kPad + kLine, area.width - 2 * kPad, 28}; }

sf::FloatRect timeline_area(sf::FloatRect area) {
  return {area.left + kPad, area.top + area.height - 30, area.width - 2 * kPad, 16};
}

engine::SimTime timeline_time(const Scene& scene, sf::FloatRect area, float x) {
  const sf::FloatRect bar = timeline_area(area);
  const double share = std::clamp((x - bar.left) / bar.width, 0.f, 1.f);
  return scene.first_time + share * (scene.last_time - scene.first_time);
}

void draw_side_panel(sf::RenderTarget& target, const Fonts& fonts, const Scene& scene, sf::FloatRect area) {
  const camp::WorldSnapshot& s = *scene.snapshot;
  {
    sf::VertexArray bg(sf::Triangles);
    add_rect(bg, {area.left, area.top}, {area.width, area.height}, kPanel);
    target.draw(bg);
  }
  float y = area.top + kPad;
  const float x = area.left + kPad;
  auto line = [&](const std::string& text, sf::Color colour = kPanelText, unsigned size = 13) {
    draw_text(target, fonts.sans, text, {x, y}, size, colour);
    y += kLine;
  };
  auto heading = [&](const std::string& text) {
    y += 4;
    line(text, sf::Color(255, 210, 80), 12);
  };

  line(scene.title, kPanelDim, 12);
  const sf::FloatRect clock = clock_area(area);
  const double tod = std::fmod(std::fmod(scene.start_time_of_day + scene.now, engine::kDay) + engine::kDay, engine::kDay);
  const double dark = darkness(tod);
  draw_text(target, fonts.sans, clock_text(scene.start_time_of_day, scene.now), {clock.left, clock.top}, 22, sf::Color::White);
  draw_text(target, fonts.sans, dark >= 1 ? "night" : dark <= 0 ? "day" : "twilight", {clock.left + 250, clock.top + 7}, 13,
            kPanelDim);
  y = clock.top + clock.height + 2;
  line(speed_text(scene), scene.paused ? sf::Color::Yellow : kPanelText);

  heading("GUARDS");
  const ChartPoint now_summary = summarize(s);
  int on = 0, required = 0, short_posts = 0;
  for (const camp::PostView& p : s.posts) {
    on += p.on_post;
    required += p.required;
    short_posts += p.on_post < p.required ? 1 : 0;
  }
  line(fmt::format("sentries {}/{}   posts short {}   vigilance {:.2f}", on, required, short_posts, now_summary.vigilance),
       short_posts > 0 ? kAlert : kPanelText);

  heading(fmt::format("OPEN INCIDENTS ({})", s.incidents.size()));
  if (s.incidents.empty()) line("none", kPanelDim);
  for (std::size_t i = 0; i < s.incidents.size() && i < 4; ++i) {
    const camp::IncidentView& inc = s.incidents[i];
    line(fmt::format("#{} {}: {}  {}", inc.id, spaced(camp::threat_kind_name(inc.kind)), inc.phase,
                     elapsed_text(scene.now - inc.started)),
         kAlert);
  }

  if (s.protest.live) {
    const camp::protest::ProtestView& pv = s.protest;
    heading(fmt::format("PROTEST AT THE GATE (#{})", pv.id.value_or(0)));
    line(fmt::format("{}   force: {}", spaced(camp::protest::name(pv.level)), spaced(camp::protest::name(pv.action))),
         pv.level >= camp::protest::CrowdLevel::stone_throwing ? kAlert : kPanelText);
    line(fmt::format("crowd {}   at the gate {}   active {}", pv.protesters.size(), pv.at_gate, pv.active));
    line(fmt::format("the force's legitimacy in town {:.2f}", pv.legitimacy));
  }

  heading("QRF AND AMBULANCES");
  if (s.vehicles.empty()) line("none in this snapshot", kPanelDim);
  {
    std::string row;
    int in_row = 0;
    for (const camp::VehicleView& v : s.vehicles) {
      const std::string kind = v.kind == camp::VehicleKind::Qrf ? "QRF" : v.kind == camp::VehicleKind::Ambulance ? "Amb" : "Esc";
      row += fmt::format("{} {}: {}   ", kind, v.id, spaced(camp::vehicle_state_name(v.state)));
      if (++in_row == 2) {
        line(row);
        row.clear();
        in_row = 0;
      }
    }
    if (!row.empty()) line(row);
  }

  heading("HOSPITAL (LEVEL 2)");
  const camp::HospitalView& h = s.hospital;
  line(fmt::format("awaiting approval {}   awaiting ambulance {}", h.awaiting_approval, h.awaiting_ambulance),
       h.awaiting_approval > 0 ? kAlert : kPanelText);
  line(fmt::format("in transit {}   in hospital {}   in surgery {}", h.in_transit, h.in_hospital, h.in_surgery));
  line(fmt::format("ICU {}/{}   ward {}/{}", h.icu_beds_used, h.icu_beds, h.ward_beds_used, h.ward_beds));
  line(fmt::format("10-1-2 met: 10 min {}/{}   1 h {}/{}   2 h {}/{}", h.met_10, h.casualties, h.met_1, h.casualties,
                   h.met_2, h.casualties));

  heading("LAST 6 HOURS");
  const std::vector<ChartPoint> points = scene.history ? scene.history->chart(scene.now) : std::vector<ChartPoint>{};
  const float cw = area.width - 2 * kPad;
  draw_chart(target, fonts, {x, y, cw, 34}, "vigilance", points, scene.now, &ChartPoint::vigilance, sf::Color(120, 220, 120));
  draw_chart(target, fonts, {x, y + 38, cw, 34}, "coverage", points, scene.now, &ChartPoint::coverage, sf::Color(120, 170, 255));
  draw_chart(target, fonts, {x, y + 76, cw, 34}, "bed occupancy", points, scene.now, &ChartPoint::occupancy,
             sf::Color(255, 170, 90));
  y += 116;

  if (scene.selection.kind != Selection::Kind::None) {
    heading("SELECTED");
    std::string what = "gone";
    if (scene.selection.kind == Selection::Kind::Person) {
      for (const camp::PersonView& p : s.people)
        if (p.id == scene.selection.id)
          what = fmt::format("person {}: {}, {}, at ({:.0f}, {:.0f})", p.id, camp::person_role_name(p.role),
                             spaced(camp::person_activity_name(p.activity)), p.position.x, p.position.y);
    } else if (scene.selection.kind == Selection::Kind::Vehicle) {
      for (const camp::VehicleView& v : s.vehicles)
        if (v.id == scene.selection.id)
          what = fmt::format("{} {}: {}, at ({:.0f}, {:.0f})", camp::vehicle_kind_name(v.kind), v.id,
                             spaced(camp::vehicle_state_name(v.state)), v.position.x, v.position.y);
    } else {
      for (const camp::PostView& p : s.posts)
        if (p.name == scene.selection.post)
          what = fmt::format("{}: {}/{} on post, vigilance {:.2f}", p.name, p.on_post, p.required, p.mean_vigilance);
    }
    line(what, kSelection);
  }

  heading("LOG");
  const float log_bottom = area.top + area.height - (scene.mode == ViewMode::Playback ? 40 : 24);
  const std::size_t rows = static_cast<std::size_t>(std::max(0.f, (log_bottom - y) / 15));
  if (scene.history) {
    // Each line wrapped to the panel's width, never cut; the newest lines that fit are shown.
    const float width = area.width - 2 * kPad;
    const TextMeasure measure = [&](const std::string& text) { return text_width(fonts.mono, text, 11); };
    std::vector<std::pair<std::vector<std::string>, bool>> shown;
    std::size_t used = 0;
    const std::vector<LogLine> tail = scene.history->log_tail(scene.now, rows);
    for (auto l = tail.rbegin(); l != tail.rend(); ++l) {
      // "D2 20:45:13 ...": the clock without the word "Day", to leave room for the line.
      const std::string stamp = clock_text(scene.start_time_of_day, l->time);
      std::vector<std::string> pieces = wrap_text("D" + stamp.substr(stamp.find(' ') + 1) + " " + l->text, width, measure);
      if (used + pieces.size() > rows) break;
      used += pieces.size();
      shown.emplace_back(std::move(pieces), l->alert);
    }
    for (auto l = shown.rbegin(); l != shown.rend(); ++l)
      for (const std::string& piece : l->first) {
        draw_text(target, fonts.mono, piece, {x, y}, 11, l->second ? kAlert : kPanelText);
        y += 15;
      }
  }

  if (!scene.status.empty())
    draw_text(target, fonts.sans, scene.status, {x, area.top + area.height - (scene.mode == ViewMode::Playback ? 50 : 20)}, 12,
              sf::Color::Yellow);
  else if (scene.mode != ViewMode::Still)
    draw_text(target, fonts.sans, "H: keys", {area.left + area.width - 60, area.top + kPad}, 12, kPanelDim);

  if (scene.mode == ViewMode::Playback && scene.last_time > scene.first_time) {
    const sf::FloatRect bar = timeline_area(area);
    sf::VertexArray t(sf::Triangles);
    add_rect(t, {bar.left, bar.top}, {bar.width, bar.height}, sf::Color(60, 64, 76));
    const double span = scene.last_time - scene.first_time;
    for (const TimelineMark& m : scene.marks) {
      const float mx = bar.left + static_cast<float>((m.time - scene.first_time) / span) * bar.width;
      add_rect(t, {mx - 1, bar.top}, {2, bar.height}, kIncident);
    }
    const float cx = bar.left + static_cast<float>(std::clamp((scene.now - scene.first_time) / span, 0.0, 1.0)) * bar.width;
    add_rect(t, {cx - 2, bar.top - 3}, {4, bar.height + 6}, sf::Color::White);
    target.draw(t);
  }
}

}  // namespace campsim::render
