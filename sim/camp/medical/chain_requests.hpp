#pragma once
// The CASEVAC requests: casualties of one incident and nation share a request (the 9-liner) and
// its approval up the chain of command; once approved, each casualty is cleared for pickup and
// waits for an ambulance. Also what the chain knows of each attack's containment, and the first
// responders who wait for it.
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "sim/camp/medical/chain_patients.hpp"

namespace campsim::camp {

struct RequestGroup {
  bool has_incident = false;  // false for a hand-made casualty with no incident: over when hurt
  int incident_id = 0;
  bool same_nation = false;
  bool inside_camp = true;
  Point location;
  std::vector<PatientId> patients;
  SimTime first_injury = kNever;
  SimTime requested = kNever;
  ApprovalTimeline approval;
  bool approved = false;
};

// What the chain knows of an incident's attack: when it was contained, once known, and who waits for it.
struct IncidentWatch {
  std::optional<SimTime> contained;
  std::vector<PatientId> awaiting_responder;
  std::vector<TripId> awaiting_departure;
};

class CasevacRequests {
 public:
  CasevacRequests(ChainContext& ctx, PatientBook& patients) : ctx_(ctx), patients_(patients) {}

  // The casualty joins its incident's request (the first one of a group makes it).
  void join(PatientId id, const Casualty& c, const Incident* incident);
  // First aid: a buddy, or a responder on foot from the nearest post; whoever comes first.
  void plan_first_aid(PatientId id);
  // The attack `incident` is contained at `t`, learnt now: responders waiting for it set out.
  // Returns the trips that waited for it (none when it was known already).
  std::vector<TripId> contain(int incident, SimTime t);
  void wait_for_containment(int incident, TripId trip) { incidents_[incident].awaiting_departure.push_back(trip); }
  // When the attack of a group's incident ended, if known yet.
  std::optional<SimTime> attack_end(const RequestGroup& g) const;

  void on_requested(RequestId g);
  void on_approved(RequestId g);
  void on_injured(PatientId id);

  RequestGroup& group(RequestId id) { return groups_[id.value]; }
  const RequestGroup& group(RequestId id) const { return groups_[id.value]; }

  std::vector<PatientId> pending;  // cleared for pickup, waiting for a vehicle

 private:
  RequestId open_group(const Casualty& c, const Incident* incident, bool same_nation);
  void request_casevac(RequestId g);
  ApprovalPolicy policy_at(SimTime t) const;
  void plan_responder(PatientId id, SimTime contained);
  void clear_for_pickup(PatientId id);

  ChainContext& ctx_;
  PatientBook& patients_;
  std::vector<RequestGroup> groups_;
  std::map<std::pair<int, bool>, RequestId> group_of_;  // (incident, same nation)
  std::map<int, IncidentWatch> incidents_;
};

}  // namespace campsim::camp
