// Request groups, the CASEVAC request and its approval up the chain of command, clearance for
// pickup, first responders, and what the chain learns of each attack's containment.
#include "sim/camp/medical/chain_requests.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "sim/camp/road_graph.hpp"

namespace campsim::camp {

void CasevacRequests::join(PatientId id, const Casualty& c, const Incident* incident) {
  const bool same_nation = patients_.record(id).same_nation;
  const auto found = group_of_.find(std::make_pair(c.incident, same_nation));
  const bool fresh = found == group_of_.end();
  const RequestId g = fresh ? open_group(c, incident, same_nation) : found->second;
  patients_[id].group = g;
  group(g).patients.push_back(id);
  if (fresh) {
    request_casevac(g);
  } else {
    CareRecord& joined = patients_.record(id);
    joined.requested = group(g).requested;
    joined.approved = group(g).approval.approved;
    joined.approval = group(g).approval;
  }
}

RequestId CasevacRequests::open_group(const Casualty& c, const Incident* incident, bool same_nation) {
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

ApprovalPolicy CasevacRequests::policy_at(SimTime t) const {
  const MedicalParams& p = ctx_.p;
  ApprovalPolicy policy = p.casevac.approval;
  if (!ctx_.is_night(t)) return policy;
  for (ApprovalChain* chain : {&policy.same_nation, &policy.other_nation})
    for (ApprovalLevel& level : chain->levels)
      level.unavailable_probability = std::min(1.0, level.unavailable_probability * p.casevac.night_unavailability_factor);
  return policy;
}

// The request and every level's decision are drawn when the first casualty of the group is
// hurt, from streams keyed by the incident and the chain (same or other nation).
void CasevacRequests::request_casevac(RequestId gi) {
  RequestGroup& g = group(gi);
  const std::uint64_t entity = static_cast<std::uint64_t>(g.incident_id) * 2 + (g.same_nation ? 1 : 0);
  engine::RandomStream request_rng = ctx_.stream("medical.request", entity);
  g.requested = g.first_injury + std::max(0.0, ctx_.p.casevac.request_delay.sample(request_rng));
  engine::RandomStream approval_rng = ctx_.stream("medical.approval", entity);
  g.approval = approve(policy_at(g.requested), g.same_nation, g.requested, approval_rng);
  for (PatientId id : g.patients) {
    CareRecord& r = patients_.record(id);
    r.requested = g.requested;
    r.approved = g.approval.approved;
    r.approval = g.approval;
  }
  ctx_.at(g.requested, EventKind::MedRequested, subject_of(gi));
  ctx_.at(g.approval.approved, EventKind::MedApproved, subject_of(gi));
}

void CasevacRequests::on_requested(RequestId gi) {
  const RequestGroup& g = group(gi);
  ctx_.log("casevac_requested", {{"incident", std::int64_t{g.incident_id}},
                                 {"same_nation", g.same_nation},
                                 {"casualties", static_cast<std::int64_t>(g.patients.size())},
                                 {"approval_delay_s", g.approval.total_delay}});
}

void CasevacRequests::on_approved(RequestId gi) {
  group(gi).approved = true;
  for (PatientId id : group(gi).patients) clear_for_pickup(id);
}

// Hurt after the request was approved (a long firefight): the clearance covers it too.
void CasevacRequests::on_injured(PatientId id) {
  if (group(patients_[id].group).approved) clear_for_pickup(id);
}

void CasevacRequests::clear_for_pickup(PatientId id) {
  Patient& pt = patients_[id];
  if (pt.dead || pt.stage != PatientStage::Field || pt.injury > ctx_.now()) return;
  pt.stage = PatientStage::Pending;
  pt.cleared = ctx_.now();
  pending.push_back(id);
}

std::optional<SimTime> CasevacRequests::attack_end(const RequestGroup& g) const {
  if (!g.has_incident) return g.first_injury;
  const auto it = incidents_.find(g.incident_id);
  if (it == incidents_.end()) return std::nullopt;
  return it->second.contained;
}

std::vector<TripId> CasevacRequests::contain(int incident, SimTime t) {
  IncidentWatch& watch = incidents_[incident];
  if (watch.contained) return {};
  watch.contained = t;
  // Those already waiting learn the time now: exact, whether it is past or still ahead.
  for (PatientId id : std::exchange(watch.awaiting_responder, {})) plan_responder(id, t);
  return std::exchange(watch.awaiting_departure, {});
}

void CasevacRequests::plan_first_aid(PatientId id) {
  Patient& pt = patients_[id];
  if (pt.draws.buddy) {
    pt.planned_first_aid = FirstAidBy::Buddy;
    pt.planned_first_aid_at = pt.injury + pt.draws.buddy_delay;
    pt.first_aid_event = ctx_.at(pt.planned_first_aid_at, EventKind::MedFirstAid, subject_of(id));
  }
  const std::optional<RoadNodeId> scene = nearest_road_node(ctx_.layout, pt.position);
  if (!patients_.record(id).inside_camp || !scene) return;
  double metres = kNever;
  for (RoadNodeId post : ctx_.sites.responders) metres = std::min(metres, ctx_.route(post, *scene));
  pt.responder_metres = metres + distance(ctx_.node_position(*scene), pt.position);
  if (!ctx_.p.first_aid.responders_wait_for_containment) {
    plan_responder(id, -kNever);
    return;
  }
  const RequestGroup& g = group(pt.group);
  if (const auto end = attack_end(g)) plan_responder(id, *end);
  else incidents_[g.incident_id].awaiting_responder.push_back(id);
}

// The responder sets out after mobilizing (and, if the policy says so, once the attack is
// contained) and walks; a buddy already there, or there at the same instant, goes first.
void CasevacRequests::plan_responder(PatientId id, SimTime contained) {
  Patient& pt = patients_[id];
  if (pt.dead) return;
  const FirstAidParams& f = ctx_.p.first_aid;
  SimTime leave = pt.injury + f.responder_mobilization;
  if (f.responders_wait_for_containment) leave = std::max(leave, contained);
  const SimTime arrive = leave + pt.responder_metres / f.responder_speed_mps;
  if (!(arrive < pt.planned_first_aid_at)) return;
  ctx_.cancel(pt.first_aid_event);
  pt.planned_first_aid = FirstAidBy::Responder;
  pt.planned_first_aid_at = arrive;
  pt.first_aid_event = ctx_.at(arrive, EventKind::MedFirstAid, subject_of(id));
}

}  // namespace campsim::camp
