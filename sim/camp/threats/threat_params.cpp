#include "sim/camp/threats/threat_params.hpp"

namespace campsim::camp {

ThreatParams read_threats(scenario::MapReader in) {
  ThreatParams t;
  t.indirect_fire = read_indirect_fire(in.map("indirect_fire"));
  t.vehicle_bomb = read_vehicle_bomb(in.map("vehicle_bomb"));
  t.infiltration = read_infiltration(in.map("infiltration"));
  t.fight = fight::read_fight(in.map("fight"));
  t.complex_attack = read_complex_attack(in.map("complex_attack"));
  t.roadside_bomb = read_roadside_bomb(in.map("roadside_bomb"));
  return t;
}

void disable_all_threats(ThreatParams& threats) {
  for (ArrivalProfile* a : {&threats.indirect_fire.arrivals, &threats.vehicle_bomb.arrivals,
                            &threats.infiltration.arrivals, &threats.complex_attack.arrivals}) {
    a->per_day = 0;
    a->scripted.clear();
  }
  threats.roadside_bomb.km_per_day = 0;
  threats.roadside_bomb.scripted.clear();
}

}  // namespace campsim::camp
