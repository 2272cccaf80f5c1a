#include "sim/camp/strike_effects.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "sim/camp/geometry.hpp"

namespace campsim::camp {

StrikeDamage hospital_damage(const HospitalParams& hospital, double footprint_m2, double radius_m) {
  StrikeDamage d;
  if (footprint_m2 <= 0) return d;
  const double share = std::min(1.0, std::numbers::pi * radius_m * radius_m / footprint_m2);
  d.operating_tables = std::min(1, hospital.operating_tables);
  d.icu_beds = static_cast<int>(std::lround(share * hospital.icu_beds));
  d.ward_beds = static_cast<int>(std::lround(share * hospital.ward_beds));
  return d;
}

StrikeDamage strike_medical_means(MedicalChain& chain, const CampLayout& layout, const HospitalParams& hospital,
                                  Point at, double radius_m, SimTime t, engine::EventQueue& queue) {
  StrikeDamage taken;
  for (const VehicleView& v : chain.vehicles_at(t)) {
    if (v.kind != VehicleKind::Ambulance || v.state == VehicleState::OutOfService) continue;
    if (distance(v.position, at) > radius_m) continue;
    chain.lose_ambulance(AmbulanceId{v.id}, t, queue);
    ++taken.ambulances;
  }
  for (const Zone& zone : layout.zones) {
    if (zone.kind != ZoneKind::Hospital) continue;
    const bool reached = contains(zone.polygon, at) || distance_to_boundary(zone.polygon, at) <= radius_m;
    if (!reached) continue;
    const StrikeDamage d = hospital_damage(hospital, std::abs(signed_area(zone.polygon)), radius_m);
    if (d.operating_tables > 0) chain.lose_capacity(HospitalResource::OperatingTables, d.operating_tables, t, queue);
    chain.lose_beds(d.icu_beds, d.ward_beds, t, queue);
    taken.operating_tables += d.operating_tables;
    taken.icu_beds += d.icu_beds;
    taken.ward_beds += d.ward_beds;
  }
  return taken;
}

}  // namespace campsim::camp
