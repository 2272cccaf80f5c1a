// Casualties reaching the chain, their request groups, the CASEVAC request and its approval up
// the chain of command, first responders, and what the chain learns of each attack's containment.
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "sim/camp/medical/chain_core.hpp"
#include "sim/camp/core/qrf.hpp"
#include "sim/camp/road_graph.hpp"

namespace campsim::camp {

void ChainCore::on_casualty(const Casualty& c, const Incident* incident, engine::EventQueue& queue) {
  enter(queue, c.time);
  CareRecord r;
  r.casualty = c.id;
  r.incident = c.incident;
  r.cause = c.cause;
  r.triage = c.triage;
  r.contingent = c.contingent;
  r.inside_camp = c.inside_camp;
  r.injury = c.time;
  r.same_nation = c.contingent == p_.casevac.hospital_nation;
  if (c.triage == Triage::Killed) {
    r.outcome = CareOutcome::Killed;
    r.died = c.time;
    out_.casualties.push_back(std::move(r));
    report_exit(out_.casualties.back(), now_, CareOutcome::Killed);
    return;
  }
  const PatientId id = id_at<PatientId>(patients_.size());
  if (!patient_of_.emplace(CasualtyId{static_cast<std::uint32_t>(c.id)}, id).second)
    throw std::invalid_argument("medical chain: casualty " + std::to_string(c.id) + " arrived twice");
  Patient pt;
  pt.record = out_.casualties.size();
  pt.casualty = CasualtyId{static_cast<std::uint32_t>(c.id)};
  pt.triage = c.triage;
  pt.injury = c.time;
  pt.position = c.position;
  pt.draws = draw_patient(p_, config_.seed, config_.replication, casualty_entity(c.id), c.triage, false);
  r.needs_surgery = pt.draws.needs_surgery;
  out_.casualties.push_back(std::move(r));
  patients_.push_back(pt);
  ++active_;

  // What this casualty's incident says of its containment, if anything yet.
  if (incident && incident->qrf && !incident->fight) {  // a fight's end comes by event
    IncidentWatch& watch = incidents_[incident->id];
    if (!watch.contained) {
      watch.contained = incident->qrf->contained;
      // Those already waiting learn the time now: exact, whether it is past or still ahead.
      for (PatientId waiting : std::exchange(watch.awaiting_responder, {})) plan_responder(waiting, *watch.contained);
      for (TripId waiting : std::exchange(watch.awaiting_departure, {}))
        if (!trip(waiting).cancelled) time_trip(waiting, std::max(trip(waiting).earliest, *watch.contained));
    }
  }

  const auto key = std::make_pair(c.incident, record(id).same_nation);
  const auto found = group_of_.find(key);
  const bool fresh = found == group_of_.end();
  const RequestId g = fresh ? group_for(c, incident, record(id).same_nation) : found->second;
  patient(id).group = g;
  group(g).patients.push_back(id);
  if (fresh) {
    request_casevac(g);
  } else {
    CareRecord& joined = record(id);
    joined.requested = group(g).requested;
    joined.approved = group(g).approval.approved;
    joined.approval = group(g).approval;
  }
  update_death(id);
  plan_first_aid(id);
  // Hurt after the request was approved (a long firefight): the clearance covers it too, in
  // the chain's own turn at this instant.
  at(c.time, EventKind::MedInjured, subject_of(id));
}

RequestId ChainCore::group_for(const Casualty& c, const Incident* incident, bool same_nation) {
  RequestGroup g;
  g.has_incident = incident != nullptr;
  g.incident_id = c.incident;
  g.same_nation = same_nation;
  g.inside_camp = c.inside_camp;
  g.location = incident ? incident->location : c.position;
  g.first_injury = c.time;
  const RequestId id = id_at<RequestId>(groups_.size());
  groups_.push_back(std::move(g));
  group_of_.emplace(std::make_pair(c.incident, same_nation), id);
  return id;
}

ApprovalPolicy ChainCore::policy_at(SimTime t) const {
  ApprovalPolicy policy = p_.casevac.approval;
  if (!is_night(t)) return policy;
  for (ApprovalChain* chain : {&policy.same_nation, &policy.other_nation})
    for (ApprovalLevel& level : chain->levels)
      level.unavailable_probability = std::min(1.0, level.unavailable_probability * p_.casevac.night_unavailability_factor);
  return policy;
}

// The request and every level's decision are drawn when the first casualty of the group is
// hurt, from streams keyed by the incident and the chain (same or other nation).
void ChainCore::request_casevac(RequestId gi) {
  RequestGroup& g = group(gi);
  const std::uint64_t entity = static_cast<std::uint64_t>(g.incident_id) * 2 + (g.same_nation ? 1 : 0);
  engine::RandomStream request_rng = stream("medical.request", entity);
  g.requested = g.first_injury + std::max(0.0, p_.casevac.request_delay.sample(request_rng));
  engine::RandomStream approval_rng = stream("medical.approval", entity);
  g.approval = approve(policy_at(g.requested), g.same_nation, g.requested, approval_rng);
  for (PatientId id : g.patients) {
    CareRecord& r = record(id);
    r.requested = g.requested;
    r.approved = g.approval.approved;
    r.approval = g.approval;
  }
  at(g.requested, EventKind::MedRequested, subject_of(gi));
  at(g.approval.approved, EventKind::MedApproved, subject_of(gi));
}

void ChainCore::on_requested(RequestId gi) {
  const RequestGroup& g = group(gi);
  log("casevac_requested", now_, {{"incident", std::int64_t{g.incident_id}},
                                  {"same_nation", g.same_nation},
                                  {"casualties", static_cast<std::int64_t>(g.patients.size())},
                                  {"approval_delay_s", g.approval.total_delay}});
}

void ChainCore::on_approved(RequestId gi) {
  group(gi).approved = true;
  for (PatientId id : group(gi).patients) clear_for_pickup(id);
  try_dispatch();
}

void ChainCore::on_injured(PatientId id) {
  if (group(patient(id).group).approved) clear_for_pickup(id);
  try_dispatch();
}

void ChainCore::clear_for_pickup(PatientId id) {
  Patient& pt = patient(id);
  if (pt.dead || pt.stage != PatientStage::Field || pt.injury > now_) return;
  pt.stage = PatientStage::Pending;
  pt.cleared = now_;
  pending_.push_back(id);
}

// When the attack of a group's incident ended, if known yet.
std::optional<SimTime> ChainCore::attack_end(const RequestGroup& g) const {
  if (!g.has_incident) return g.first_injury;
  const auto it = incidents_.find(g.incident_id);
  if (it == incidents_.end()) return std::nullopt;
  return it->second.contained;
}

void ChainCore::on_incident_contained(int incident, SimTime t, engine::EventQueue& queue) {
  enter(queue, t);
  IncidentWatch& watch = incidents_[incident];
  if (watch.contained) return;
  watch.contained = t;
  for (PatientId id : std::exchange(watch.awaiting_responder, {})) plan_responder(id, t);
  for (TripId id : std::exchange(watch.awaiting_departure, {}))
    if (!trip(id).cancelled) time_trip(id, std::max(trip(id).earliest, t));
}

// First aid: a buddy at the patient's side after a delay, or a responder on foot from the
// nearest post (who waits for the attack to end, if the policy says so); whoever comes first.
void ChainCore::plan_first_aid(PatientId id) {
  Patient& pt = patient(id);
  if (pt.draws.buddy) {
    pt.planned_first_aid = FirstAidBy::Buddy;
    pt.planned_first_aid_at = pt.injury + pt.draws.buddy_delay;
    pt.first_aid_event = at(pt.planned_first_aid_at, EventKind::MedFirstAid, subject_of(id));
  }
  const std::optional<RoadNodeId> scene = nearest_road_node(layout_, pt.position);
  if (!record(id).inside_camp || !scene) return;
  double metres = kNever;
  for (RoadNodeId post : sites_.responders) metres = std::min(metres, route(post, *scene));
  pt.responder_metres = metres + distance(layout_.road_node(*scene).position, pt.position);
  if (!p_.first_aid.responders_wait_for_containment) {
    plan_responder(id, -kNever);
    return;
  }
  const RequestGroup& g = group(pt.group);
  if (const auto end = attack_end(g)) plan_responder(id, *end);
  else incidents_[g.incident_id].awaiting_responder.push_back(id);
}

void ChainCore::plan_responder(PatientId id, SimTime contained) {
  Patient& pt = patient(id);
  if (pt.dead) return;
  SimTime leave = pt.injury + p_.first_aid.responder_mobilization;
  if (p_.first_aid.responders_wait_for_containment) leave = std::max(leave, contained);
  const SimTime arrive = leave + pt.responder_metres / p_.first_aid.responder_speed_mps;
  if (!(arrive < pt.planned_first_aid_at)) return;  // a buddy is there first (or at the same instant)
  cancel(pt.first_aid_event);
  pt.planned_first_aid = FirstAidBy::Responder;
  pt.planned_first_aid_at = arrive;
  pt.first_aid_event = at(arrive, EventKind::MedFirstAid, subject_of(id));
}

}  // namespace campsim::camp
