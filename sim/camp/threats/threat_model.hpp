#pragma once
// The threats as modules of the world: every attack's time is drawn up front from its arrival
// process (its own random stream, so adding one kind of threat never shifts another's times).
// Indirect fire unfolds as events in the world -- the alarm, each round landing, the all-clear --
// while people run for the bunkers between them; ground attacks (vehicle bombs, infiltration,
// complex attacks) are resolved at their start against the people where they are then, with the
// shared QRF. Every casualty takes effect in the world at its own time.
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "sim/camp/guard_model.hpp"
#include "sim/camp/module_run_config.hpp"
#include "sim/camp/threats/ground_fight.hpp"
#include "sim/camp/core/camp_state.hpp"
#include "sim/camp/threats/threat_context.hpp"
#include "sim/camp/threats/threat_params.hpp"
#include "sim/camp/core/camp_people.hpp"
#include "sim/camp/core/incident_ledger.hpp"
#include "sim/engine/event_log.hpp"
#include "sim/engine/event_queue.hpp"

namespace campsim::camp {

using ThreatModelConfig = ModuleRunConfig;

// Keeps the run's one list of incidents and casualties (IncidentLedger: a protest adds to it).
// Calls out the camp's shared QRF (context.state) and posts to context.events every casualty
// when it takes effect (CasualtyOccurred), every round that lands and charge that goes off
// (ImpactAt), and every incident's end for the responders (IncidentContained). Both links are
// required.
class ThreatModel final : public IncidentLedger {
 public:
  ThreatModel(const ThreatParams& params, const CampLayout& layout, const GuardParams& guard_params,
              const GuardModel& guards, CampPeople& people, const ResolvedLayout& places,
              SimTime all_clear_after, const ThreatModelConfig& config, engine::EventLog& log,
              const ModuleContext& context);

  void schedule_initial_events(engine::EventQueue& queue);
  std::optional<SimTime> on_event(const engine::Event& event, engine::EventQueue& queue);

  const std::vector<Incident>& incidents() const { return incidents_; }
  const std::vector<Casualty>& casualties() const { return casualties_; }
  // Incidents still unfolding at t (a salvo in the air, the QRF not yet done), for snapshots.
  std::vector<IncidentView> open_incidents(SimTime t) const;
  // Everyone in a fight at t (attackers, the QRF on foot, sentries firing), for snapshots.
  std::vector<CombatantView> combatants(SimTime t) const;
  // Rockets and mortar bombs in the air at t, for snapshots.
  std::vector<RoundView> rounds_in_flight(SimTime t) const;
  // Impacts and blasts in the `window` seconds before t, for snapshots.
  std::vector<ImpactView> recent_impacts(SimTime t, SimTime window) const;

  // Another module's incident (a protest) joins the one list of incidents and casualties, so
  // its casualties take effect in the world and reach the medical chain like any other.
  // open_incident gives the incident its id; add_casualty gives the casualty its id, counts it
  // in its incident (killed or wounded) and makes it take effect at c.time (now or later).
  int open_incident(Incident incident) override;
  Incident& incident(int id) override { return incidents_.at(static_cast<std::size_t>(id)); }
  void add_casualty(Casualty casualty, SimTime now, engine::EventQueue& queue) override;

  // Fights in the world tick while any is open; the tick's fight phase steps them.
  bool wants_ticks() const { return !fights_.empty(); }
  void step_fights(SimTime now, SimTime dt, engine::EventQueue& queue);
  // Fights still open when the run ends are closed then (their attackers counted as still free).
  void close_open_fights(SimTime end, engine::EventQueue& queue);

 private:
  struct OpenSalvo {
    Salvo salvo;
    int sheltered_at_first_impact = 0;
    int exposed_at_first_impact = 0;
  };
  void start_attack(ThreatKind kind, SimTime t, engine::EventQueue& queue);
  void land_round(int incident, int round, SimTime t, engine::EventQueue& queue);
  void take_effect(std::size_t casualty, engine::EventQueue& queue);
  void settle_casualties(std::size_t first, SimTime now, engine::EventQueue& queue);
  void log_incident(const Incident& incident);
  std::vector<Sentry> sentries_now(SimTime now) const;
  std::vector<ArmedSentry> armed_sentries(SimTime now) const;
  // The fit people of the roadside bomb's contingent out of the camp at t (who a strike can hit).
  std::vector<PersonId> route_crew(SimTime t) const;
  // Casualties `first`.. of a strike take one person each from `crew` (resolve_roadside_bomb
  // drew no more than crew.size()).
  void name_route_casualties(std::size_t first, int incident, std::vector<PersonId>& crew);
  GroundAttack ground_attack(ThreatKind kind) const;
  void start_fight(ThreatKind kind, int id, SimTime t);
  void end_fight(GroundFight& fight, engine::EventQueue* queue);
  void log_fight_event(int incident, const GroundFight& fight, const fight::FightEvent& e);

  const ThreatParams& params_;
  const CampLayout& layout_;
  const GuardParams& guard_params_;
  const GuardModel& guards_;
  CampPeople& people_;
  const ResolvedLayout& places_;  // the posts' places, the bomb's gates (resolved at load)
  const std::vector<Point>& post_positions_;
  SimTime all_clear_after_;  // from the last salvo's impact to the all-clear (the world's parameter)
  ThreatModelConfig config_;
  engine::EventLog& log_;
  QrfForce& qrf_force_;  // the camp's (CampState), shared with the medical chain's escorts
  CampEvents& events_;
  ThreatContext context_;
  Point route_exit_;
  std::vector<Incident> incidents_;
  std::vector<Casualty> casualties_;
  std::map<int, OpenSalvo> salvos_;           // salvos still landing, by incident
  std::vector<ImpactView> landed_;            // every round and bomb so far, in time order
  fight::Terrain terrain_;                    // the layout as sight lines see it
  std::vector<const Watchtower*> post_tower_; // per post: the tower it stands in (resolved at load)
  std::map<int, std::unique_ptr<GroundFight>> fights_;  // open fights, by incident
  std::vector<Person> fight_people_;          // the camp's people as the fights last read them (a kept buffer)
  std::optional<SimTime> people_read_at_;     // when they were read (never yet: none)
};

}  // namespace campsim::camp
