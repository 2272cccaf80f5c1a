#pragma once
// The one list of incidents and casualties of a run, as a module that is not the threats'
// (a protest) adds to it: its incidents get ids in the same sequence, and its casualties take
// effect in the world and reach the medical chain like any other. The threat model keeps the
// list (sim/camp/threats/threat_model.hpp).
#include "sim/camp/core/casualty.hpp"
#include "sim/camp/core/incident.hpp"
#include "sim/engine/event_queue.hpp"

namespace campsim::camp {

class IncidentLedger {
 public:
  virtual ~IncidentLedger() = default;
  // Gives the incident its id and keeps it.
  virtual int open_incident(Incident incident) = 0;
  virtual Incident& incident(int id) = 0;
  // Gives the casualty its id, counts it in its incident (killed or wounded) and makes it take
  // effect at c.time (now or later).
  virtual void add_casualty(Casualty casualty, SimTime now, engine::EventQueue& queue) = 0;
};

}  // namespace campsim::camp
