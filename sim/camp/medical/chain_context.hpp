#pragma once
// What every part of the medical chain shares (chain_coordinator.hpp lists the parts): the scenario's
// parameters and layout, the run's config, the event log, the world's queue and the chain's
// clock. It owns no patient, vehicle or bed; it schedules, logs, draws streams and measures roads.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "sim/camp/medical/medical_chain.hpp"
#include "sim/camp/core/event_kinds.hpp"
#include "sim/camp/core/resolved_layout.hpp"
#include "sim/engine/random.hpp"

namespace campsim::camp {

using PatientId = engine::Id<struct PatientTag>;
using RequestId = engine::Id<struct RequestTag>;
using TripId = engine::Id<struct TripTag>;

template <class Tag>
constexpr std::uint64_t subject_of(engine::Id<Tag> id) { return id.value; }
template <class Id>
constexpr Id id_from(std::uint64_t subject) { return Id{static_cast<std::uint32_t>(subject)}; }
// id_at (the id of the i-th of a list) is layout.hpp's.

// Queue priority at the hospital (lower first): casualties by triage, routine patients after them.
constexpr int triage_rank(Triage t) {
  switch (t) {
    case Triage::Immediate: return 0;
    case Triage::Delayed: return 1;
    case Triage::Minimal: return 2;
    case Triage::Killed: return 4;
  }
  return 4;
}
constexpr int kRoutineRank = 3;
// How long past the scenario's end the chain keeps its clock running for patients still inside.
constexpr SimTime kDrainLimit = 60 * engine::kDay;

class ChainContext {
 public:
  ChainContext(const MedicalParams& params, const CampLayout& layout, const MedicalSites& sites, const QrfParams& qrf,
               const MedicalRunConfig& config, engine::EventLog* log, const ModuleContext& context);

  // Every entry point: one queue for the chain's whole life, and time never runs backwards.
  void enter(engine::EventQueue& queue, SimTime t);
  SimTime now() const { return now_; }
  void close() { finished_ = true; }
  bool closed() const { return finished_; }

  std::uint64_t at(SimTime t, EventKind kind, std::uint64_t subject);
  void cancel(std::optional<std::uint64_t>& handle);
  void cancel(std::uint64_t handle) { queue_->cancel(handle); }
  void log(std::string_view type, std::vector<engine::LogField> fields);  // at now
  // Where care exits go (ModuleContext), or nobody.
  void post(const CampEvent& event);
  engine::RandomStream stream(std::string_view purpose, std::uint64_t entity, std::uint64_t tick = 0) const;

  double route(RoadNodeId from, RoadNodeId to) const { return routes_[from.value][to.value]; }
  Point node_position(RoadNodeId node) const { return layout.road_node(node).position; }
  bool is_night(SimTime t) const;
  // When an escort asked for at `asked` could leave with a trip outside the camp.
  SimTime escort_ready(SimTime asked) const;

  const MedicalParams& p;
  const CampLayout& layout;
  const MedicalSites sites;  // the road nodes the chain uses, resolved once from the scenario's names
  const QrfParams& qrf;
  // The world's shared QRF, whose teams escort trips outside the camp; null for a chain run on
  // its own (a hand-made casualty list), where an escort is ready after the notice to move.
  QrfForce* const qrf_force;
  const MedicalRunConfig config;

 private:
  CampEvents* events_;
  engine::EventLog* log_;
  std::vector<std::vector<double>> routes_;
  engine::EventQueue* queue_ = nullptr;  // the world's queue, fixed by the first entry
  SimTime now_ = 0;
  bool finished_ = false;
};

}  // namespace campsim::camp
