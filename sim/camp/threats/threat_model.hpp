#pragma once
// The threats as an event-driven model: every attack's time is drawn up front from its arrival
// process (its own random stream, so adding one kind of threat never shifts another's times);
// at that time the attack is resolved against the camp as it stands, guard vigilance included.
#include <optional>
#include <vector>

#include "sim/camp/guard_model.hpp"
#include "sim/camp/threats/threat_context.hpp"
#include "sim/camp/threats/threat_params.hpp"
#include "sim/engine/event_log.hpp"
#include "sim/engine/event_queue.hpp"

namespace campsim::camp {

struct ThreatModelConfig {
  std::uint64_t seed = 1;
  std::uint64_t replication = 0;
  SimTime start_time_of_day = 0;
  SimTime end = 30 * engine::kDay;
};

class ThreatModel {
 public:
  // Event kinds at or above this belong to the threat model.
  static constexpr std::uint32_t kFirstKind = 100;

  ThreatModel(const ThreatParams& params, const QrfParams& qrf, const CampLayout& layout, const GuardParams& guard_params,
              const GuardModel& guards, const std::vector<Point>& post_positions, const ThreatModelConfig& config,
              engine::EventLog& log);

  void schedule_initial_events(engine::EventQueue& queue);
  std::optional<SimTime> on_event(const engine::Event& event, engine::EventQueue& queue);

  const std::vector<Incident>& incidents() const { return incidents_; }
  const std::vector<Casualty>& casualties() const { return casualties_; }

 private:
  void log_incident(const Incident& incident, std::size_t first_casualty);
  std::vector<Sentry> sentries_now(SimTime now) const;

  const ThreatParams& params_;
  const CampLayout& layout_;
  const GuardParams& guard_params_;
  const GuardModel& guards_;
  const std::vector<Point>& post_positions_;
  ThreatModelConfig config_;
  engine::EventLog& log_;
  ThreatContext context_;
  Point route_exit_;
  std::vector<Incident> incidents_;
  std::vector<Casualty> casualties_;
};

}  // namespace campsim::camp
