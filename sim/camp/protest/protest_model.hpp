#pragma once
// Protests at the gate as a module of the one world. Once a day the town decides whether to
// march (mobilisation.hpp, Epstein's rule with the force's current legitimacy); a replay can
// script a march instead. The marchers are agents of the crowd kernel (sim/crowd): they walk
// from town to the gate between the camp's walls and stand in front of the closed gate. Every
// assessment (GateCrowdParams::evaluate_every) each protester decides again whether to be
// active, from what they see (police and sentries within vision, active neighbours within the
// kernel's radius); the crowd's rung on the escalation ladder follows from the front rows' state,
// its size and density, provocations and losses, and from what the force does; the force does
// only what its rules of engagement have authorized by then (rules_of_engagement.hpp).
//
// Effects land where the agents are: stones and fire hurt the sentries at the gate (persons of
// the world, who leave their post) and the police; force hurts and kills the protesters it hits
// (agents leave the crowd); all become casualties in the shared list (ThreatModel), so they reach
// the same medical chain -- civilians only when they are brought to the camp's hospital (a
// share; the rest are taken to Gao's hospital by their families and leave the model, counted).
// Legitimacy falls with every civilian the force hurts, and the town's next decision reads it:
// protests cluster after incidents.
//
// The crowd is stepped only while someone walks (the march, those going home, those fleeing
// gas) and the crowd still makes progress (crowd_settling.hpp); a standing crowd, or a jam at
// rest, costs nothing between assessments.
#include <array>
#include <optional>
#include <vector>

#include "sim/camp/layout.hpp"
#include "sim/camp/module_run_config.hpp"
#include "sim/camp/protest/crowd_settling.hpp"
#include "sim/camp/protest/gate_crowd.hpp"
#include "sim/camp/protest/legitimacy.hpp"
#include "sim/camp/protest/protest_params.hpp"
#include "sim/camp/core/protest_view.hpp"
#include "sim/camp/core/camp_people.hpp"
#include "sim/camp/core/casualty.hpp"
#include "sim/camp/core/incident_ledger.hpp"
#include "sim/crowd/crowd_world.hpp"
#include "sim/engine/event_log.hpp"
#include "sim/engine/event_queue.hpp"
#include "sim/engine/parallel.hpp"
#include "sim/engine/random.hpp"

namespace campsim::camp::protest {

enum class ProtestPhase : std::uint8_t { Marching, AtGate, Over };
enum class ProtestEnd : std::uint8_t { Ongoing, Dispersed, MeltedAway, Dusk, Breach, RunEnded };
std::string_view name(ProtestEnd end);

// "Never" is an empty optional<SimTime> here, as for the force's requests and grants below: a
// moment that may not come is a value that may be absent, read with a test (engine::kNever stays
// for a deadline that is compared against the clock, where "never" must sort last).
struct ProtestRecord {
  int id = 0;
  int incident = 0;            // in the shared incident list (opened with the protest)
  bool scripted = false;
  SimTime marched = 0;         // set off from town
  std::optional<SimTime> at_gate;  // assembled at the gate; none: never
  std::optional<SimTime> ended;    // none: still going at the end of the run
  int size = 0;                // who set off
  CrowdLevel peak = CrowdLevel::gathering;
  ProtestEnd end = ProtestEnd::Ongoing;
  int civilians_killed = 0, civilians_wounded = 0, civilians_to_un_hospital = 0;
  int police_hurt = 0, peacekeepers_hurt = 0;
  double legitimacy_before = 0, legitimacy_after = 0;
  double understanding = 0;    // share of the crowd the force can address (interpreters)
  int negotiation_rounds = 0, negotiation_successes = 0;
  int tear_gas_uses = 0, warning_shot_uses = 0, lethal_force_uses = 0;
  std::array<std::optional<SimTime>, kCrowdLevels> first_at{};  // when each rung was first reached; none: never
  std::vector<EscalationOfForce::Use> force_used;
  std::array<std::optional<SimTime>, kForceSteps> requested{}, granted{};
};

using ProtestRunConfig = ModuleRunConfig;

class ProtestModel {
 public:
  // `gate` is the one params.crowd.gate names (resolved at load: ResolvedLayout::protest_gate).
  ProtestModel(const ProtestParams& params, const CampLayout& layout, GateId gate, CampPeople& people, IncidentLedger& incidents,
               const ProtestRunConfig& config, engine::Parallelism& parallelism, engine::EventLog& log);

  void schedule_initial_events(engine::EventQueue& queue);
  std::optional<SimTime> on_event(const engine::Event& event, engine::EventQueue& queue);
  // Someone in the crowd walks: the engine ticks and move() steps the kernel.
  bool wants_ticks() const { return crowd_.has_value() && walking_ > 0; }
  void move(SimTime now, SimTime dt);
  // Closes a protest still going when the run ends (its record says RunEnded).
  void finish(SimTime end);

  const std::vector<ProtestRecord>& records() const { return records_; }
  double legitimacy() const { return legitimacy_.value(); }
  double lowest_legitimacy() const { return lowest_legitimacy_; }
  long town_days() const { return town_days_; }
  long unexplained_decisions() const { return unexplained_; }
  std::uint64_t agent_steps() const { return agent_steps_; }
  ProtestView view() const;

 private:
  void start_march(int size, bool scripted, int unexplained_before, SimTime now, engine::EventQueue& queue);
  // An assessment at the gate (protest_model.cpp), in its named steps.
  struct CrowdPicture;
  void assess(SimTime now, engine::EventQueue& queue);
  CrowdPicture perceive(SimTime now, double dt_h);
  void negotiate(SimTime now, const std::vector<crowd::CrowdAgentId>& quiet);
  void use_tear_gas(SimTime now, const CrowdPicture& picture);
  void use_gunfire(ForceAction action, SimTime now, const CrowdPicture& picture, engine::EventQueue& queue);
  void throw_missiles(int throwers, double dt_h, double shielded, SimTime now, std::vector<Person>& sentries,
                      engine::EventQueue& queue);
  void climb_ladder(SimTime now, const CrowdPicture& picture, ForceAction action);
  void step_crowd(float dt, int steps);
  void close(ProtestEnd end, SimTime now);
  void send_home(crowd::CrowdAgentId id, SimTime now);
  // `sentries`: the gate's sentries at this assessment; those hit leave it.
  void hurt_force(int hits, Cause cause, SimTime now, std::vector<Person>& sentries, engine::EventQueue& queue);
  void hurt_protesters(int hits, SimTime now, engine::EventQueue& queue);
  int police_standing() const;  // the formed police unit at the gate, less those hurt
  std::vector<Point> force_points(const std::vector<Person>& sentries) const;

  const ProtestParams& params_;
  CampPeople& people_;
  IncidentLedger& incidents_;  // the run's one list (the threat model keeps it)
  ProtestRunConfig config_;
  engine::Parallelism& parallelism_;
  engine::EventLog& log_;
  const Gate* gate_ = nullptr;
  std::optional<GateGround> ground_;

  Legitimacy legitimacy_;
  double lowest_legitimacy_ = 0;
  std::vector<Resident> town_;
  engine::RandomStream decisions_;  // the unexplained decisions' times
  long town_days_ = 0, unexplained_ = 0;
  std::optional<SimTime> full_engagement_until_;  // the mission's response after a civilian killed by the force (none: none yet)

  // The protest going on (at most one: the town is already out).
  std::optional<crowd::CrowdWorld> crowd_;
  std::optional<EscalationOfForce> force_;
  std::optional<engine::RandomStream> random_;  // this protest's own stream
  std::vector<Resident> protesters_;           // by crowd agent id
  ProtestPhase phase_ = ProtestPhase::Over;
  CrowdLevel level_ = CrowdLevel::dispersed;
  ForceAction last_action_ = ForceAction::none;
  bool barrier_up_ = false;
  SimTime next_round_ends_ = 0;
  SimTime walk_until_ = 0;   // walking stops counting after this (a jam must not tick forever)
  CrowdSettling settling_;   // ...or before, once the walkers have come to rest
  SimTime last_assess_ = 0;
  long walking_ = 0;
  int losses_since_ = 0;
  std::uint64_t agent_steps_ = 0;
  std::vector<ProtestRecord> records_;
};

}  // namespace campsim::camp::protest
