#include "render/agent_layers.hpp"

#include <algorithm>
#include <cmath>

#include "render/palette.hpp"
#include "render/shapes.hpp"

namespace campsim::render {

sf::VertexArray build_vehicles(const camp::WorldSnapshot& snapshot, const ViewFrame& frame) {
  sf::VertexArray t(sf::Triangles);
  for (const camp::VehicleView& v : snapshot.vehicles) {
    const sf::Vector2f at = frame.to_pixels(v.position);
    add_square(t, at, 13, sf::Color::Black);
    add_square(t, at, 10, vehicle_state_colour(v.state));
    // The kind as a mark inside: a white cross for an ambulance, a dark bar for QRF and escort.
    if (v.kind == camp::VehicleKind::Ambulance) {
      add_rect(t, {at.x - 4, at.y - 1}, {8, 2}, sf::Color::White);
      add_rect(t, {at.x - 1, at.y - 4}, {2, 8}, sf::Color::White);
    } else if (v.kind == camp::VehicleKind::Qrf) {
      add_rect(t, {at.x - 4, at.y - 1}, {8, 2}, sf::Color::Black);
    }
  }
  return t;
}

sf::VertexArray build_combatants(const camp::WorldSnapshot& snapshot, const ViewFrame& frame) {
  sf::VertexArray t(sf::Triangles);
  for (const camp::CombatantView& c : snapshot.combatants) {
    const sf::Vector2f at = frame.to_pixels(c.position);
    sf::Color fill = c.kind == camp::CombatantKind::Intruder ? kIntruder
                     : c.kind == camp::CombatantKind::Qrf    ? kQrfMember
                                                             : kSentryFighting;
    if (c.state == camp::CombatantState::Down) fill = kCombatantDown;
    if (c.state == camp::CombatantState::Killed) fill = kKilled;
    const sf::Color rim = c.state == camp::CombatantState::Firing ? kMuzzle : sf::Color::White;
    switch (c.kind) {
      case camp::CombatantKind::Intruder:
        add_triangle(t, at, 17, rim);
        add_triangle(t, {at.x, at.y + 1}, 11, fill);
        break;
      case camp::CombatantKind::Qrf:
        add_diamond(t, at, 15, rim);
        add_diamond(t, at, 10, fill);
        break;
      case camp::CombatantKind::Sentry:
        add_square(t, at, 12, rim);
        add_square(t, at, 8, fill);
        break;
      case camp::CombatantKind::BombVehicle:
        add_rect(t, {at.x - 11, at.y - 7}, {22, 14}, sf::Color::Black);
        add_rect(t, {at.x - 9, at.y - 5}, {18, 10}, c.state == camp::CombatantState::Killed ? kKilled : kBombVehicle);
        add_rect(t, {at.x - 3, at.y - 2}, {6, 4}, sf::Color::White);
        break;
    }
  }
  return t;
}

sf::VertexArray build_impacts_and_incidents(const camp::WorldSnapshot& snapshot, engine::SimTime now,
                                            const ViewFrame& frame) {
  sf::VertexArray t(sf::Triangles);
  for (const camp::ImpactView& impact : snapshot.impacts) {
    const double age = now - impact.time;
    if (age < 0 || age > kImpactFade) continue;
    const double fade = 1 - age / kImpactFade;
    const float radius = std::max(3.f, static_cast<float>(impact.radius_m * frame.scale));
    sf::Color fill = kImpact;
    fill.a = static_cast<sf::Uint8>(200 * fade);
    add_disc(t, frame.to_pixels(impact.at), radius, fill);
    sf::Color rim = sf::Color(120, 20, 0);
    rim.a = static_cast<sf::Uint8>(255 * fade);
    add_ring(t, frame.to_pixels(impact.at), radius, 2, rim);
  }
  for (const camp::IncidentView& incident : snapshot.incidents)
    add_ring(t, frame.to_pixels(incident.place), 22, 4, kIncident);
  for (const camp::RoundView& round : snapshot.rounds) {
    // The trail points back the way it came: away from where it will land.
    const sf::Vector2f at = frame.to_pixels(round.at), lands = frame.to_pixels(round.lands);
    const sf::Vector2f away = at - lands;
    const float length = std::hypot(away.x, away.y);
    if (length > 0) {
      const sf::Vector2f unit = away / length;
      for (int k = 1; k <= 4; ++k) {
        sf::Color trail = kRoundInFlight;
        trail.a = static_cast<sf::Uint8>(200 - 45 * k);
        add_disc(t, at + unit * (6.f * static_cast<float>(k)), 3.f - 0.5f * static_cast<float>(k), trail);
      }
    }
    add_disc(t, at, 5, sf::Color::Black);
    add_disc(t, at, 3.5f, kRoundInFlight);
  }
  return t;
}

std::optional<camp::Point> selection_position(const camp::WorldSnapshot& snapshot, const Selection& selection) {
  switch (selection.kind) {
    case Selection::Kind::Person:
      for (const camp::PersonView& p : snapshot.people)
        if (p.id == selection.id) return p.position;
      break;
    case Selection::Kind::Vehicle:
      for (const camp::VehicleView& v : snapshot.vehicles)
        if (v.id == selection.id) return v.position;
      break;
    case Selection::Kind::Post:
      for (const camp::PostView& p : snapshot.posts)
        if (p.name == selection.post) return p.position;
      break;
    case Selection::Kind::None: break;
  }
  return std::nullopt;
}

sf::VertexArray build_selection(const camp::CampLayout&, const camp::WorldSnapshot& snapshot, const Selection& selection,
                                const ViewFrame& frame) {
  sf::VertexArray t(sf::Triangles);
  if (const auto at = selection_position(snapshot, selection)) add_ring(t, frame.to_pixels(*at), 12, 2, kSelection);
  return t;
}

}  // namespace campsim::render
