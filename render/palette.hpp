#pragma once
// Every colour the viewer uses, in one place, so tests can look for them in the picture.
#include <SFML/Graphics/Color.hpp>

#include "sim/camp/layout.hpp"

namespace campsim::render {

inline const sf::Color kGround{214, 196, 150};     // the desert around the camp
inline const sf::Color kCampGround{176, 162, 120};  // inside the wall
inline const sf::Color kWall{45, 40, 35};
inline const sf::Color kRoad{95, 90, 85};
inline const sf::Color kBunker{60, 60, 60};
inline const sf::Color kGate{250, 200, 20};
inline const sf::Color kTowerManned{30, 200, 60};   // scaled by vigilance
inline const sf::Color kTowerShort{220, 30, 30};    // required but not (fully) manned
inline const sf::Color kTowerIdle{150, 150, 150};   // not required at this hour
inline const sf::Color kFieldOfView{255, 255, 255, 45};

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
