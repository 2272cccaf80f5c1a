#pragma once
// Every colour the viewer uses, in one place, so tests can look for them in the picture. No two
// meanings in the legend share a colour (tests/render/test_render.cpp checks every pair).
#include <SFML/Graphics/Color.hpp>

#include "sim/camp/layout.hpp"
#include "sim/camp/core/world_snapshot.hpp"

namespace campsim::render {

inline const sf::Color kGround{214, 196, 150};     // the desert around the camp
inline const sf::Color kCampGround{176, 162, 120};  // inside the wall
inline const sf::Color kWall{45, 40, 35};
inline const sf::Color kRoad{95, 90, 85};
inline const sf::Color kBunker{60, 60, 60};
inline const sf::Color kGate{250, 200, 20};
inline const sf::Color kTowerManned{30, 200, 60};   // scaled by vigilance
inline const sf::Color kTowerShort{150, 0, 0};      // required but not (fully) manned
inline const sf::Color kTowerIdle{190, 190, 190};   // not required at this hour
inline const sf::Color kFieldOfView{255, 255, 255, 45};
inline const sf::Color kTown{190, 170, 130};        // the built-up edge of Gao west of the camp
inline const sf::Color kTownBlock{160, 140, 105};
inline const sf::Color kNight{10, 20, 60};          // drawn over the map, alpha by darkness
inline const sf::Color kImpact{255, 140, 40};       // blast radius, alpha fades with age
inline const sf::Color kIncident{230, 30, 200};     // ring around an open incident's place
inline const sf::Color kPanel{28, 30, 36};
inline const sf::Color kPanelText{225, 225, 225};
inline const sf::Color kPanelDim{150, 150, 160};
inline const sf::Color kAlert{255, 90, 80};
inline const sf::Color kSelection{0, 255, 255};
// The fight: intruders (triangles), the QRF on foot (diamonds), a yellow rim on whoever fires,
// grey for the wounded or captured, black for the dead.
inline const sf::Color kIntruder{90, 0, 0};
inline const sf::Color kQrfMember{0, 40, 120};
inline const sf::Color kSentryFighting{20, 110, 40};  // the guard's own green: a sentry shooting back
inline const sf::Color kMuzzle{255, 255, 0};
inline const sf::Color kCombatantDown{80, 80, 80};
// A vehicle bomb on its run: a long purple bar with a white core (a vehicle, and the enemy's).
inline const sf::Color kBombVehicle{120, 0, 120};
// A rocket or mortar round in the air: a pale yellow dot with a trail back along its track.
inline const sf::Color kRoundInFlight{255, 245, 170};
// Protesters at the gate, by state: quiet, active (Epstein), leaving.
inline const sf::Color kProtesterQuiet{225, 205, 150};
inline const sf::Color kProtesterActive{255, 100, 180};
inline const sf::Color kProtesterLeaving{175, 160, 120};
// The formed police unit's line behind the gate (police blue).
inline const sf::Color kPoliceLine{0, 0, 255};
// A person's activity, as the rim of the marker (the fill is the role).
inline const sf::Color kRimOnPost{160, 255, 160};
inline const sf::Color kRimMoving{0, 220, 255};
inline const sf::Color kRimSheltered{0, 130, 130};

// People: fill by role; activity shows in the marker's size and rim (see people_layer.cpp).
inline sf::Color role_colour(camp::PersonRole role) {
  switch (role) {
    case camp::PersonRole::Guard: return {20, 110, 40};
    case camp::PersonRole::Staff: return {40, 80, 200};
    case camp::PersonRole::Medical: return {250, 250, 250};
    case camp::PersonRole::Logistics: return {200, 120, 20};
    case camp::PersonRole::Resident: return {120, 60, 150};
  }
  return {120, 60, 150};
}

// Whatever a person's role, the wounded and the dead must stand out.
inline const sf::Color kCasualty{230, 20, 20};
inline const sf::Color kKilled{0, 0, 0};

inline sf::Color vehicle_state_colour(camp::VehicleState state) {
  switch (state) {
    case camp::VehicleState::AtBase: return {120, 120, 120};
    case camp::VehicleState::Mobilizing: return {210, 170, 0};
    case camp::VehicleState::EnRoute: return {255, 60, 0};
    case camp::VehicleState::OnScene: return {190, 0, 90};
    case camp::VehicleState::Returning: return {60, 160, 255};
    case camp::VehicleState::OutOfService: return {40, 40, 40};
  }
  return {120, 120, 120};
}

inline sf::Color zone_colour(camp::ZoneKind kind) {
  switch (kind) {
    case camp::ZoneKind::Accommodation: return {88, 112, 160};
    case camp::ZoneKind::Headquarters: return {150, 80, 80};
    case camp::ZoneKind::Hospital: return {240, 240, 240};
    case camp::ZoneKind::Helipad: return {70, 75, 70};
    case camp::ZoneKind::Airfield: return {80, 80, 80};
    case camp::ZoneKind::Logistics: return {140, 115, 75};
    case camp::ZoneKind::Motorpool: return {110, 110, 100};
    case camp::ZoneKind::Other: return {130, 130, 130};
  }
  return {130, 130, 130};
}

}  // namespace campsim::render
