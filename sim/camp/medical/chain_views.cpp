// Read-only views of the chain for snapshots and the world: vehicles where they are, the
// hospital at a glance, each patient's stage. Nothing here changes the chain or draws a number.
#include <cmath>

#include "sim/camp/medical/chain_coordinator.hpp"

namespace campsim::camp {

namespace {
bool within(SimTime at, SimTime injury, SimTime target) { return std::isfinite(at) && at - injury <= target; }
}  // namespace

// Ambulances, and an escort beside each one on a trip outside the camp: escorts come from the
// QRF and ride with the ambulance, so they share its state and position (ids after the ambulances').
std::vector<VehicleView> AmbulanceFleet::views_at(SimTime t) const {
  std::vector<VehicleView> views;
  for (const Ambulance& v : vehicles_)
    views.push_back({v.id().value, VehicleKind::Ambulance, v.state(), v.position_at(t)});
  for (const Ambulance& v : vehicles_) {
    if (!v.trip || trips_[*v.trip].cancelled) continue;
    if (requests_.group(trips_[*v.trip].group).inside_camp) continue;
    views.push_back({static_cast<std::uint32_t>(vehicles_.size()) + v.id().value, VehicleKind::Escort, v.state(),
                     v.position_at(t)});
  }
  return views;
}

HospitalView ChainCoordinator::hospital_view(SimTime) const {
  HospitalView h;
  for (const Patient& pt : patients_.all()) {
    if (pt.dead) continue;
    // Casualties from outside the camp count once they are in the hospital (its load is shared);
    // before that they are on their own units' transport, not in the camp's chain.
    if (pt.external && pt.stage != PatientStage::Hospital) continue;
    switch (pt.stage) {
      case PatientStage::Field:
        if (!requests_.group(pt.group).approved) ++h.awaiting_approval;
        break;
      case PatientStage::Pending: ++h.awaiting_ambulance; break;
      case PatientStage::Assigned:
      case PatientStage::Transit: ++h.in_transit; break;
      case PatientStage::Hospital: ++h.in_hospital; break;
      case PatientStage::Gone: break;
    }
  }
  h.in_surgery = hospital_.resource(HospitalResource::OperatingTables).busy();
  h.icu_beds_used = hospital_.resource(HospitalResource::IcuBeds).busy();
  h.icu_beds = hospital_.resource(HospitalResource::IcuBeds).capacity();
  h.ward_beds_used = hospital_.resource(HospitalResource::WardBeds).busy();
  h.ward_beds = hospital_.resource(HospitalResource::WardBeds).capacity();
  // 10-1-2 so far, counted as the report counts them (medical_report.cpp).
  for (const CareRecord& c : patients_.casualties) {
    if (c.triage == Triage::Killed) continue;
    ++h.casualties;
    h.met_10 += within(c.first_aid, c.injury, 10 * engine::kMinute) ? 1 : 0;
    h.met_1 += within(c.resuscitation, c.injury, engine::kHour) ? 1 : 0;
    h.met_2 += within(c.surgery, c.injury, 2 * engine::kHour) ? 1 : 0;
  }
  return h;
}

std::vector<PatientView> ChainCoordinator::patients() const {
  std::vector<PatientView> views;
  for (const Patient& pt : patients_.all())
    if (!pt.routine && !pt.external && pt.stage != PatientStage::Gone) views.push_back({pt.casualty, pt.triage, pt.stage});
  return views;
}

std::optional<PatientStage> ChainCoordinator::stage_of(CasualtyId casualty) const {
  const auto it = patients_.of_casualty.find(casualty);
  if (it == patients_.of_casualty.end()) return std::nullopt;
  return patients_[it->second].stage;
}

const PatientDraws* ChainCoordinator::draws_of(CasualtyId casualty) const {
  const auto it = patients_.of_casualty.find(casualty);
  return it == patients_.of_casualty.end() ? nullptr : &patients_[it->second].draws;
}

}  // namespace campsim::camp
