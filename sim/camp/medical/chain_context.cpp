// The medical chain's shared plumbing: its queue and clock, its log, its streams, its roads.
#include "sim/camp/medical/chain_context.hpp"

#include <stdexcept>
#include <utility>

#include "sim/camp/core/qrf_force.hpp"
#include "sim/camp/road_graph.hpp"

namespace campsim::camp {

ChainContext::ChainContext(const MedicalParams& params, const CampLayout& layout_in, const MedicalSites& sites_in,
                           const QrfParams& qrf_in, const MedicalRunConfig& config_in, engine::EventLog* log,
                           const ModuleContext& context)
    : p(params),
      layout(layout_in),
      sites(sites_in),
      qrf(qrf_in),
      qrf_force(context.state != nullptr ? &context.state->qrf : nullptr),
      config(config_in),
      events_(context.events),
      log_(log),
      routes_(route_length_table(layout_in)) {}

void ChainContext::enter(engine::EventQueue& queue, SimTime t) {
  if (queue_ != nullptr && queue_ != &queue) throw std::logic_error("medical chain: every call must pass the same event queue");
  if (t < now_) throw std::logic_error("medical chain: a call at an earlier time than the last event");
  if (finished_) throw std::logic_error("medical chain: called after its outcome was closed");
  queue_ = &queue;
  now_ = t;
}

std::uint64_t ChainContext::at(SimTime t, EventKind kind, std::uint64_t subject) { return schedule(*queue_, t, kind, subject); }

void ChainContext::cancel(std::optional<std::uint64_t>& handle) {
  if (handle) queue_->cancel(*handle);
  handle.reset();
}

void ChainContext::log(std::string_view type, std::vector<engine::LogField> fields) {
  if (log_) log_->record(now_, type, std::move(fields));
}

void ChainContext::post(const CampEvent& event) {
  if (events_ != nullptr) events_->post(event, *queue_);
}

engine::RandomStream ChainContext::stream(std::string_view purpose, std::uint64_t entity, std::uint64_t tick) const {
  return engine::RandomStream({config.seed, config.replication, engine::purpose_tag(purpose), entity, tick});
}

bool ChainContext::is_night(SimTime t) const {
  const SimTime tod = engine::time_of_day(config.start_time_of_day, t);
  const StaffShift& s = p.hospital.shifts;
  return s.night_start > s.day_start ? (tod >= s.night_start || tod < s.day_start)
                                     : (tod >= s.night_start && tod < s.day_start);
}

SimTime ChainContext::escort_ready(SimTime asked) const {
  if (qrf_force != nullptr) return qrf_force->escort_ready(asked, is_night(asked));
  return asked + qrf.notice_to_move(is_night(asked));
}

}  // namespace campsim::camp
