// Casualties from outside the camp (medical.external): convoys and other bases of Sector East
// whose wounded their own units bring to the Level 2 by road or by helicopter. A Poisson process
// of incidents, plus any scripted ones; each incident draws its casualties from streams keyed by
// the incident and each casualty from streams keyed by itself (patient_draws.hpp), never by the
// camp's casualties or the order of events, so turning the inflow on changes nothing that
// happens in the camp. They reach the hospital door after their arrival delay and then share
// triage, bays, tables, teams and beds with everyone else. No CASEVAC request, approval chain or
// camp ambulance is involved: their transport is their own units' (docs/medical/chain.md,
// "Casualties from outside the camp").
#include <algorithm>
#include <cmath>
#include <utility>

#include "sim/camp/medical/chain_core.hpp"

namespace campsim::camp {

namespace {
constexpr double kDaysPerYear = 365;  // the calibration's year (docs/calibration.md)
}  // namespace

void ChainCore::start_external() {
  const ExternalInflowParams& e = p_.external;
  if (!e.enabled) return;
  for (std::size_t i = 0; i < e.scripted.size(); ++i)
    if (e.scripted[i].at < config_.end) at(e.scripted[i].at, EventKind::MedExternalIncident, kScriptedExternalBase + i);
  schedule_next_external(0);
}

// Poisson incidents over [0, end): each schedules the next from the inflow's own stream, in order
// (the stream belongs to the inflow, as routine arrivals' to the admissions).
void ChainCore::schedule_next_external(SimTime after) {
  const double per_year = p_.external.incidents_per_year;
  if (!(per_year > 0)) return;
  next_external_ = after + external_rng_.exponential(kDaysPerYear * engine::kDay / per_year);
  if (next_external_ < config_.end) at(next_external_, EventKind::MedExternalIncident, external_incidents_);
}

void ChainCore::on_external_incident(std::uint64_t incident) {
  const ExternalInflowParams& e = p_.external;
  ++out_.external_incidents;
  if (incident >= kScriptedExternalBase) {
    const ExternalIncidentScript& s = e.scripted[incident - kScriptedExternalBase];
    int k = 0;
    for (const auto& [triage, count] : {std::pair{Triage::Immediate, s.immediate}, std::pair{Triage::Delayed, s.delayed},
                                        std::pair{Triage::Minimal, s.minimal}})
      for (int i = 0; i < count; ++i)
        add_external_patient(incident, k++, triage, Cause::RoadsideBomb, s.by_helicopter, s.arrival_delay);
    return;
  }
  // The incident's own draws: how many wounded come to Gao, and what hurt them.
  engine::RandomStream rng = stream("medical.external.incident", external_incident_entity(incident));
  const double drawn = std::round(e.casualties_per_incident.sample(rng));
  const int count = static_cast<int>(std::clamp(drawn, 1.0, static_cast<double>(kMaxExternalPerIncident - 1)));
  const Cause cause = rng.bernoulli(e.ied_share) ? Cause::RoadsideBomb : Cause::Gunfire;
  for (int k = 0; k < count; ++k) {
    // Each casualty's triage, transport and delay from its own stream: one draw each, whatever
    // the values, so a change of mix or delays moves no other casualty's numbers.
    engine::RandomStream own = stream("medical.external.casualty", external_patient_entity(incident, k));
    const double u = own.uniform01();
    const Triage triage = u < e.share_immediate                   ? Triage::Immediate
                          : u < e.share_immediate + e.share_delayed ? Triage::Delayed
                                                                    : Triage::Minimal;
    // Walking wounded come back with their convoy by road; T1 and T2 are flown with this chance.
    const bool by_helicopter = own.bernoulli(triage == Triage::Minimal ? 0.0 : e.helicopter_share);
    const SimTime helicopter = std::max(0.0, e.helicopter_delay.sample(own));
    const SimTime road = std::max(0.0, e.road_delay.sample(own));
    add_external_patient(incident, k, triage, cause, by_helicopter, by_helicopter ? helicopter : road);
  }
  ++external_incidents_;
  schedule_next_external(next_external_);
}

void ChainCore::add_external_patient(std::uint64_t incident, int k, Triage triage, Cause cause, bool by_helicopter,
                                     SimTime delay) {
  CareRecord r;
  r.external = true;
  r.by_helicopter = by_helicopter;
  r.casualty = static_cast<int>(out_.external.size());
  r.incident = static_cast<int>(incident);
  r.cause = cause;
  r.triage = triage;
  r.contingent = "UN";  // the mission's other units: never the hospital's own approval chain
  r.inside_camp = false;
  r.injury = now_;
  Patient pt;
  pt.external = true;
  pt.record = out_.external.size();
  pt.triage = triage;
  pt.injury = now_;
  pt.draws = draw_patient(p_, config_.seed, config_.replication, external_patient_entity(incident, k), triage, false);
  pt.stage = PatientStage::Transit;  // on its way, by its own unit's means
  r.needs_surgery = pt.draws.needs_surgery;
  out_.external.push_back(std::move(r));
  const PatientId id = id_at<PatientId>(patients_.size());
  patients_.push_back(pt);
  ++active_;
  // Their own unit's first aid (convoys travel with medics and trained soldiers): after the
  // casualty's drawn buddy-aid delay, always.
  Patient& p = patient(id);
  p.planned_first_aid = FirstAidBy::Buddy;
  p.planned_first_aid_at = now_ + p.draws.buddy_delay;
  p.first_aid_event = at(p.planned_first_aid_at, EventKind::MedFirstAid, subject_of(id));
  update_death(id);
  p.next_event = at(now_ + delay, EventKind::MedExternalArrival, subject_of(id));
}

// At the hospital door: from here on the same path as a camp casualty brought by ambulance.
// (A casualty who died on the way never arrives: its death cancelled this event.)
void ChainCore::on_external_arrival(PatientId id) {
  Patient& pt = patient(id);
  pt.next_event.reset();
  pt.stage = PatientStage::Hospital;
  record(id).at_hospital = now_;
  reach_first_aid(id, FirstAidBy::Hospital);
  pt.next_event = at(now_ + p_.hospital.triage_time, EventKind::MedTriaged, subject_of(id));
  std::vector<engine::LogField> fields = who(id);
  fields.push_back({"triage", std::string(triage_name(pt.triage))});
  fields.push_back({"by", std::string(record(id).by_helicopter ? "helicopter" : "road")});
  log("hospital_arrival", now_, std::move(fields));
}

}  // namespace campsim::camp
