#pragma once
// Who hears what (core/camp_events.hpp), for one run of the camp:
//   CasualtyOccurred   -> the medical chain takes the casualty
//   IncidentContained  -> the medical chain releases responders and unarmoured ambulances
//   ImpactAt           -> the medical means under it are hit (strike_effects.hpp), and logged
//   CareExit           -> the world takes the casualty back (on duty, evacuated, dead)
// Without a medical chain nobody listens: the casualties stay the world's as they fell.
#include "sim/camp/core/camp_events.hpp"
#include "sim/camp/medical/medical_chain.hpp"
#include "sim/camp/scenario.hpp"
#include "sim/camp/threats/threat_model.hpp"
#include "sim/camp/world/world.hpp"
#include "sim/engine/event_log.hpp"

namespace campsim::camp {

class CampEventRouter final : public CampEvents {
 public:
  CampEventRouter(const Scenario& scenario, World& world, engine::EventLog& log);

  // The modules built after the router (they post to it): the threats keep the casualties a
  // care exit names; the chain, when the scenario has one, hears casualties and impacts.
  void attach(const ThreatModel& threats, MedicalChain* medical);

  void post(const CampEvent& event, engine::EventQueue& queue) override;

 private:
  void strike(const ImpactAt& impact, engine::EventQueue& queue);

  const Scenario& scenario_;
  World& world_;
  engine::EventLog& log_;
  const ThreatModel* threats_ = nullptr;
  MedicalChain* medical_ = nullptr;
};

}  // namespace campsim::camp
