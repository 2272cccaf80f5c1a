#pragma once
// Typed news between the camp's modules. A module posts what happened in it -- a casualty taking
// effect, a round landing or a charge going off, a patient leaving care, an incident contained --
// to the CampEvents it was given; the composition (camp_event_router.hpp) hands each to the
// modules that act on it. So no module holds another module or a callback into one, and who
// hears what is read in one place.
//
// Delivery is synchronous, at the moment of posting: whatever the receiver schedules joins the
// queue exactly where a direct call would have put it, so routing never reorders events.
#include <variant>

#include "sim/camp/core/casualty.hpp"
#include "sim/camp/core/incident.hpp"
#include "sim/camp/geometry.hpp"
#include "sim/engine/event_queue.hpp"

namespace campsim::camp {

// A casualty takes effect in the world (now), in its incident.
struct CasualtyOccurred {
  const Casualty& casualty;
  const Incident& incident;
};

// A round lands or a charge goes off at `time` (now): it can hit what is not a person too.
struct ImpactAt {
  Point at;
  double radius_m = 0;  // lethal radius
  SimTime time = 0;
};

// A casualty leaves the medical chain: Survived means returned to duty (discharged, or treated
// and sent back), EvacuatedL3 left the theatre, DiedOfWounds died, Killed was killed outright
// (reported when it arrives).
struct CareExit {
  CasualtyId casualty;
  int incident = 0;
  SimTime time = 0;
  CareOutcome outcome = CareOutcome::Survived;
};

// The attack `incident` is over for the responders at `time` (now): its fight is contained, or
// it never had one (indirect fire, a protest: over when its casualties occur).
struct IncidentContained {
  int incident = 0;
  SimTime time = 0;
};

using CampEvent = std::variant<CasualtyOccurred, ImpactAt, CareExit, IncidentContained>;

// Where a module posts its news; the composition implements it. `queue` is the run's one queue,
// for whatever the receivers schedule.
class CampEvents {
 public:
  virtual void post(const CampEvent& event, engine::EventQueue& queue) = 0;

 protected:
  ~CampEvents() = default;
};

}  // namespace campsim::camp
