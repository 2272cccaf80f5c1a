#pragma once
// All threat parameters of a scenario, one struct per kind of attack.
#include "sim/camp/fight/fight_reader.hpp"
#include "sim/camp/threats/complex_attack.hpp"
#include "sim/camp/threats/indirect_fire.hpp"
#include "sim/camp/threats/infiltration.hpp"
#include "sim/camp/threats/roadside_bomb.hpp"
#include "sim/camp/threats/vehicle_bomb.hpp"
#include "sim/scenario/reader.hpp"

namespace campsim::camp {

struct ThreatParams {
  IndirectFireParams indirect_fire;
  VehicleBombParams vehicle_bomb;
  InfiltrationParams infiltration;
  ComplexAttackParams complex_attack;
  RoadsideBombParams roadside_bomb;
  fight::FightSection fight;  // how infiltrations are fought out: sight, fire, movement, terrain
};

// The `threats` section: indirect_fire, vehicle_bomb, infiltration, complex_attack, roadside_bomb, fight.
ThreatParams read_threats(scenario::MapReader in);

// No attacks of any kind (rates zero, nothing scripted): for guard-only studies and tests.
void disable_all_threats(ThreatParams& threats);

}  // namespace campsim::camp
