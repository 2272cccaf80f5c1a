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

#include "sim/camp/medical/chain_external.hpp"

namespace campsim::camp {

namespace {
constexpr double kDaysPerYear = 365;  // the calibration's year (docs/calibration.md)
}  // namespace

ExternalInflow::ExternalInflow(ChainContext& ctx, PatientBook& patients)
    : ctx_(ctx), patients_(patients), rng_(ctx.stream("medical.external.arrivals", 0)) {}

void ExternalInflow::start() {
  const ExternalInflowParams& e = ctx_.p.external;
  if (!e.enabled) return;
  for (std::size_t i = 0; i < e.scripted.size(); ++i)
    if (e.scripted[i].at < ctx_.config.end) ctx_.at(e.scripted[i].at, EventKind::MedExternalIncident, kScriptedExternalBase + i);
  schedule_next(0);
}

// Poisson incidents over [0, end): each schedules the next from the inflow's own stream, in order
// (the stream belongs to the inflow, as routine arrivals' to the admissions).
void ExternalInflow::schedule_next(SimTime after) {
  const double per_year = ctx_.p.external.incidents_per_year;
  if (!(per_year > 0)) return;
  next_ = after + rng_.exponential(kDaysPerYear * engine::kDay / per_year);
  if (next_ < ctx_.config.end) ctx_.at(next_, EventKind::MedExternalIncident, poisson_incidents_);
}

void ExternalInflow::on_incident(std::uint64_t incident) {
  const ExternalInflowParams& e = ctx_.p.external;
  ++incidents_;
  if (incident >= kScriptedExternalBase) {
    const ExternalIncidentScript& s = e.scripted[incident - kScriptedExternalBase];
    int k = 0;
    for (const auto& [triage, count] : {std::pair{Triage::Immediate, s.immediate}, std::pair{Triage::Delayed, s.delayed},
                                        std::pair{Triage::Minimal, s.minimal}})
      for (int i = 0; i < count; ++i)
        add_patient(incident, k++, triage, Cause::RoadsideBomb, s.by_helicopter, s.arrival_delay);
    return;
  }
  // The incident's own draws: how many wounded come to Gao, and what hurt them.
  engine::RandomStream rng = ctx_.stream("medical.external.incident", external_incident_entity(incident));
  const double drawn = std::round(e.casualties_per_incident.sample(rng));
  const int count = static_cast<int>(std::clamp(drawn, 1.0, static_cast<double>(kMaxExternalPerIncident - 1)));
  const Cause cause = rng.bernoulli(e.ied_share) ? Cause::RoadsideBomb : Cause::Gunfire;
  for (int k = 0; k < count; ++k) {
    // Each casualty's triage, transport and delay from its own stream: one draw each, whatever
    // the values, so a change of mix or delays moves no other casualty's numbers.
    engine::RandomStream own = ctx_.stream("medical.external.casualty", external_patient_entity(incident, k));
    const double u = own.uniform01();
    const Triage triage = u < e.share_immediate                   ? Triage::Immediate
                          : u < e.share_immediate + e.share_delayed ? Triage::Delayed
                                                                    : Triage::Minimal;
    // Walking wounded come back with their convoy by road; T1 and T2 are flown with this chance.
    const bool by_helicopter = own.bernoulli(triage == Triage::Minimal ? 0.0 : e.helicopter_share);
    const SimTime helicopter = std::max(0.0, e.helicopter_delay.sample(own));
    const SimTime road = std::max(0.0, e.road_delay.sample(own));
    add_patient(incident, k, triage, cause, by_helicopter, by_helicopter ? helicopter : road);
  }
  ++poisson_incidents_;
  schedule_next(next_);
}

void ExternalInflow::add_patient(std::uint64_t incident, int k, Triage triage, Cause cause, bool by_helicopter,
                                 SimTime delay) {
  CareRecord r;
  r.external = true;
  r.by_helicopter = by_helicopter;
  r.casualty = static_cast<int>(patients_.external.size());
  r.incident = static_cast<int>(incident);
  r.cause = cause;
  r.triage = triage;
  r.contingent = "UN";  // the mission's other units: never the hospital's own approval chain
  r.inside_camp = false;
  r.injury = ctx_.now();
  Patient pt;
  pt.external = true;
  pt.record = patients_.external.size();
  pt.triage = triage;
  pt.injury = ctx_.now();
  pt.draws = draw_patient(ctx_.p, ctx_.config.seed, ctx_.config.replication, external_patient_entity(incident, k), triage, false);
  pt.stage = PatientStage::Transit;  // on its way, by its own unit's means
  r.needs_surgery = pt.draws.needs_surgery;
  patients_.external.push_back(std::move(r));
  const PatientId id = patients_.add(std::move(pt));
  // Their own unit's first aid (convoys travel with medics and trained soldiers): after the
  // casualty's drawn buddy-aid delay, always.
  Patient& p = patients_[id];
  p.planned_first_aid = FirstAidBy::Buddy;
  p.planned_first_aid_at = ctx_.now() + p.draws.buddy_delay;
  p.first_aid_event = ctx_.at(p.planned_first_aid_at, EventKind::MedFirstAid, subject_of(id));
  patients_.update_death(id);
  p.next_event = ctx_.at(ctx_.now() + delay, EventKind::MedExternalArrival, subject_of(id));
}

// At the hospital door: from here on the same path as a camp casualty brought by ambulance.
// (A casualty who died on the way never arrives: its death cancelled this event.)
void ExternalInflow::on_arrival(PatientId id) {
  Patient& pt = patients_[id];
  pt.next_event.reset();
  pt.stage = PatientStage::Hospital;
  patients_.record(id).at_hospital = ctx_.now();
  patients_.reach_first_aid(id, FirstAidBy::Hospital);
  pt.next_event = ctx_.at(ctx_.now() + ctx_.p.hospital.triage_time, EventKind::MedTriaged, subject_of(id));
  std::vector<engine::LogField> fields = patients_.who(id);
  fields.push_back({"triage", std::string(triage_name(pt.triage))});
  fields.push_back({"by", std::string(patients_.record(id).by_helicopter ? "helicopter" : "road")});
  ctx_.log("hospital_arrival", std::move(fields));
}

}  // namespace campsim::camp
