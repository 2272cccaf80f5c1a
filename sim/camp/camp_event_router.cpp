#include "sim/camp/camp_event_router.hpp"

#include "sim/camp/strike_effects.hpp"

namespace campsim::camp {

CampEventRouter::CampEventRouter(const Scenario& scenario, World& world, engine::EventLog& log)
    : scenario_(scenario), world_(world), log_(log) {}

void CampEventRouter::attach(const ThreatModel& threats, MedicalChain* medical) {
  threats_ = &threats;
  medical_ = medical;
}

void CampEventRouter::post(const CampEvent& event, engine::EventQueue& queue) {
  if (medical_ == nullptr) return;  // every event today is news for the chain, or from it
  struct Route {
    CampEventRouter& to;
    engine::EventQueue& queue;
    void operator()(const CasualtyOccurred& e) const { to.medical_->on_casualty(e.casualty, &e.incident, queue); }
    void operator()(const IncidentContained& e) const { to.medical_->on_incident_contained(e.incident, e.time, queue); }
    void operator()(const ImpactAt& e) const { to.strike(e, queue); }
    void operator()(const CareExit& e) const {
      to.world_.leave_care(to.threats_->casualties()[e.casualty.value], e.time, e.outcome);
    }
  };
  std::visit(Route{*this, queue}, event);
}

void CampEventRouter::strike(const ImpactAt& impact, engine::EventQueue& queue) {
  const StrikeDamage d = strike_medical_means(*medical_, scenario_.layout, scenario_.medical.hospital, impact.at,
                                              impact.radius_m, impact.time, queue);
  if (d.any())
    log_.record(impact.time, "medical_means_hit", {{"ambulances", static_cast<std::int64_t>(d.ambulances)},
                                                   {"operating_tables", static_cast<std::int64_t>(d.operating_tables)},
                                                   {"icu_beds", static_cast<std::int64_t>(d.icu_beds)},
                                                   {"ward_beds", static_cast<std::int64_t>(d.ward_beds)}});
}

}  // namespace campsim::camp
