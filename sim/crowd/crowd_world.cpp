#include "sim/crowd/crowd_world.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace campsim::crowd {

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

template <class T>
std::size_t bytes(const Column<T>& c) {
  return c.capacity() * sizeof(T);
}

// out[k] = in[order[k]] in parallel chunks, then the column takes out's storage (and out the
// old one, so both keep their capacity and nothing allocates in the steady state).
template <class T>
void permute(Column<T>& column, Column<T>& scratch, std::span<const std::uint32_t> order,
             engine::Parallelism& parallelism, std::size_t grain) {
  const std::size_t n = order.size();
  scratch.resize(n);
  const std::size_t chunks = (n + grain - 1) / grain;
  parallelism.for_each_index(chunks, [&](std::size_t chunk) {
    const std::size_t end = std::min(n, (chunk + 1) * grain);
    for (std::size_t k = chunk * grain; k < end; ++k) scratch[k] = column[order[k]];
  });
  column.swap(scratch);
}

// Keeps the elements whose removed flag is 0, in order.
template <class T>
void keep_live(Column<T>& column, const Column<std::uint8_t>& removed) {
  std::size_t out = 0;
  for (std::size_t i = 0; i < column.size(); ++i)
    if (removed[i] == 0) column[out++] = column[i];
  column.resize(out);
}

bool finite(Point2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// Every agent stands this step (StandingRule), so the kernel reads nothing of the grid.
bool nobody_walks(const StandingRule& rule, std::span<const std::uint8_t> phase, std::span<const float> v0) {
  if (!rule.arrived && !rule.standing) return phase.empty();
  for (std::size_t i = 0; i < phase.size(); ++i)
    if (!rule.stands(phase[i] == static_cast<std::uint8_t>(WalkPhase::arrived), v0[i])) return false;
  return true;
}

}  // namespace

CrowdWorld::CrowdWorld(float min_x, float min_y, float max_x, float max_y, CrowdModelParams params)
    : params_(params) {
  validate(params_);
  frame_ = GridFrame::covering(min_x, min_y, max_x, max_y, params_.interaction_radius);
  walls_.build(frame_, geometry_.barriers(), params_.interaction_radius);
}

void CrowdWorld::set_geometry(CrowdGeometry geometry) {
  geometry_ = std::move(geometry);
  // Reach = interaction radius: covers every neighbour line of sight and every move (a step
  // never exceeds the interaction radius).
  walls_.build(frame_, geometry_.barriers(), params_.interaction_radius);
}

void CrowdWorld::reserve(std::size_t agents) {
  for (auto* c : {&x_, &y_, &ex_, &ey_, &next_x_, &next_y_, &next_ex_, &next_ey_, &tx_, &ty_, &v0_, &radius_})
    c->reserve(agents);
  for (auto* c : {&phase_, &next_phase_, &state_, &arrived_now_, &removed_, &scratch_u8_}) c->reserve(agents);
  counted_.reserve(agents);
  id_.reserve(agents);
  scratch_id_.reserve(agents);
  scratch_f_.reserve(agents);
  index_of_id_.reserve(agents);
  arrivals_.reserve(agents);
  grid_.reserve(agents, frame_, params_.grid_layout);
}

CrowdAgentId CrowdWorld::add_agent(const AgentSpec& spec) {
  if (!finite(spec.position) || !finite(spec.target))
    throw std::invalid_argument("CrowdWorld::add_agent: position and target must be finite");
  if (!std::isfinite(spec.desired_speed) || spec.desired_speed < 0.0f)
    throw std::invalid_argument(fmt::format("CrowdWorld::add_agent: desired_speed {} must be >= 0", spec.desired_speed));
  if (!(spec.radius >= 0.1f && spec.radius <= 1.0f))
    throw std::invalid_argument(fmt::format("CrowdWorld::add_agent: radius {} outside [0.1, 1] m", spec.radius));
  if (spec.state >= kMaxStates)
    throw std::invalid_argument(fmt::format("CrowdWorld::add_agent: state {} >= {}", spec.state, kMaxStates));
  if (index_of_id_.size() >= kNone) throw std::length_error("CrowdWorld: agent ids exhausted");

  const auto id = CrowdAgentId{static_cast<std::uint32_t>(index_of_id_.size())};
  const auto index = static_cast<std::uint32_t>(x_.size());
  const float gx = spec.target.x - spec.position.x, gy = spec.target.y - spec.position.y;
  const float g = std::sqrt(gx * gx + gy * gy);
  x_.push_back(spec.position.x);
  y_.push_back(spec.position.y);
  ex_.push_back(g > 0.0f ? gx / g : 1.0f);
  ey_.push_back(g > 0.0f ? gy / g : 0.0f);
  for (auto* c : {&next_x_, &next_y_, &next_ex_, &next_ey_}) c->push_back(0.0f);
  phase_.push_back(static_cast<std::uint8_t>(WalkPhase::walking));
  next_phase_.push_back(0);
  tx_.push_back(spec.target.x);
  ty_.push_back(spec.target.y);
  v0_.push_back(spec.desired_speed);
  radius_.push_back(spec.radius);
  state_.push_back(spec.state);
  arrived_now_.push_back(0);
  removed_.push_back(0);
  counted_.push_back(0);
  id_.push_back(id);
  index_of_id_.push_back(index);
  ++live_;
  return id;
}

std::uint32_t CrowdWorld::index_checked(CrowdAgentId id) const {
  if (id.value >= index_of_id_.size() || index_of_id_[id.value] == kNone)
    throw std::out_of_range(fmt::format("CrowdWorld: no agent with id {}", id.value));
  return index_of_id_[id.value];
}

void CrowdWorld::remove_agent(CrowdAgentId id) {
  const std::uint32_t i = index_checked(id);
  removed_[i] = 1;
  if (pending_removals_ < listed_removals_.size()) listed_removals_[pending_removals_] = i;
  index_of_id_[id.value] = kNone;
  --live_;
  ++pending_removals_;
}

bool CrowdWorld::contains(CrowdAgentId id) const {
  return id.value < index_of_id_.size() && index_of_id_[id.value] != kNone;
}

void CrowdWorld::set_target(CrowdAgentId id, Point2 target) {
  if (!finite(target)) throw std::invalid_argument("CrowdWorld::set_target: target must be finite");
  const std::uint32_t i = index_checked(id);
  tx_[i] = target.x;
  ty_[i] = target.y;
  phase_[i] = static_cast<std::uint8_t>(WalkPhase::walking);
}

void CrowdWorld::set_state(CrowdAgentId id, std::uint8_t state) {
  if (state >= kMaxStates) throw std::invalid_argument(fmt::format("CrowdWorld::set_state: state {} >= {}", state, kMaxStates));
  state_[index_checked(id)] = state;
}

void CrowdWorld::set_desired_speed(CrowdAgentId id, float speed) {
  if (!std::isfinite(speed) || speed < 0.0f)
    throw std::invalid_argument(fmt::format("CrowdWorld::set_desired_speed: {} must be >= 0", speed));
  v0_[index_checked(id)] = speed;
}

Point2 CrowdWorld::position(CrowdAgentId id) const {
  const std::uint32_t i = index_checked(id);
  return {x_[i], y_[i]};
}

Point2 CrowdWorld::heading(CrowdAgentId id) const {
  const std::uint32_t i = index_checked(id);
  return {ex_[i], ey_[i]};
}

std::uint8_t CrowdWorld::state(CrowdAgentId id) const { return state_[index_checked(id)]; }

bool CrowdWorld::arrived(CrowdAgentId id) const {
  return phase_[index_checked(id)] == static_cast<std::uint8_t>(WalkPhase::arrived);
}

std::uint16_t CrowdWorld::counted_neighbours(CrowdAgentId id) const { return counted_[index_checked(id)]; }

// A few removals (a shelter run loses a handful of runners a step into the bunkers and keeps
// thousands) are listed: the runs of kept agents between them move down whole, and only the
// agents after the first removed one are renumbered (issue 25: filtering every column element
// by element was 40 M instructions in a year of shelter runs). More than the list holds: every
// column filtered by the flags. Either way the kept agents keep their order.
void CrowdWorld::compact() {
  if (pending_removals_ == 0) return;
  // Every per-agent column, each once: `drop` removes the same agents from each.
  const auto each_column = [&](const auto& drop) {
    for (auto* c : {&x_, &y_, &ex_, &ey_, &next_x_, &next_y_, &next_ex_, &next_ey_, &tx_, &ty_, &v0_, &radius_}) drop(*c);
    for (auto* c : {&phase_, &next_phase_, &state_, &arrived_now_}) drop(*c);
    drop(counted_);
    drop(id_);
  };
  std::uint32_t first = 0;
  if (pending_removals_ <= listed_removals_.size()) {
    const std::span<std::uint32_t> removed(listed_removals_.data(), pending_removals_);
    std::sort(removed.begin(), removed.end());
    each_column([&](auto& column) { erase_sorted(column, std::span<const std::uint32_t>(removed)); });
    first = removed.front();
  } else {
    each_column([&](auto& column) { keep_live(column, removed_); });
  }
  // The grid's last slot order follows (the next rebuild's sort starts from it).
  grid_.drop_agents({removed_.data(), removed_.size()});
  removed_.assign(id_.size(), 0);
  for (std::uint32_t i = first; i < id_.size(); ++i) index_of_id_[id_[i].value] = i;
  pending_removals_ = 0;
}

void CrowdWorld::resort(engine::Parallelism& parallelism) {
  const std::span<const std::uint32_t> order = grid_.slot_agent();
  const std::size_t g = params_.grain;
  for (auto* c : {&x_, &y_, &ex_, &ey_, &tx_, &ty_, &v0_, &radius_}) permute(*c, scratch_f_, order, parallelism, g);
  for (auto* c : {&phase_, &state_}) permute(*c, scratch_u8_, order, parallelism, g);
  permute(id_, scratch_id_, order, parallelism, g);
  for (std::uint32_t i = 0; i < id_.size(); ++i) index_of_id_[id_[i].value] = i;
  grid_.adopt_slot_order();
}

KernelView CrowdWorld::kernel_view(float dt) {
  KernelView v{};
  v.x = x_.data();
  v.y = y_.data();
  v.ex = ex_.data();
  v.ey = ey_.data();
  v.tx = tx_.data();
  v.ty = ty_.data();
  v.v0 = v0_.data();
  v.radius = radius_.data();
  v.state = state_.data();
  v.phase = phase_.data();
  v.frame = frame_;
  v.slots = grid_.slots();
  v.slot_x = grid_.slot_x();
  v.slot_y = grid_.slot_y();
  v.slot_radius = grid_.slot_radius();
  v.slot_counted = grid_.slot_counted();
  v.columns = frame_.columns;
  v.rows = frame_.rows;
  v.walls = &walls_;
  v.barriers = geometry_.barriers();
  v.gate_open = geometry_.gate_states();
  v.interactions = &interactions_;
  v.params = &params_;
  v.dt = dt;
  v.next_x = next_x_.data();
  v.next_y = next_y_.data();
  v.next_ex = next_ex_.data();
  v.next_ey = next_ey_.data();
  v.next_phase = next_phase_.data();
  v.arrived_now = arrived_now_.data();
  v.counted = counted_.data();
  return v;
}

void CrowdWorld::step(float dt, engine::Parallelism& parallelism) {
  if (!(dt > 0.0f) || !std::isfinite(dt)) throw std::invalid_argument("CrowdWorld::step: dt must be positive");
  for (const FieldSource& s : interactions_.sources)
    if (!(s.range > 0.0f) || !std::isfinite(s.range) || !std::isfinite(s.strength) || !finite(s.position))
      throw std::invalid_argument("CrowdWorld::step: a field source needs a finite position, strength and range > 0");

  auto t = Clock::now();
  compact();
  timings_.compact_s += seconds_since(t);

  // When every agent stands (shelter runners waiting out their reaction time, a queue at a
  // door) the kernel reads nothing of the grid: it is built only for a re-sort that falls due,
  // which fixes the storage order, and so the order of later sums, exactly as before.
  const bool resort_due = timings_.steps % static_cast<std::uint64_t>(params_.resort_interval) == 0;
  const bool idle = nobody_walks(standing_rule(params_, interactions_), {phase_.data(), phase_.size()},
                                 {v0_.data(), v0_.size()});
  if (!idle || resort_due) {
    t = Clock::now();
    grid_.rebuild(frame_, AgentColumnsView{x_, y_, radius_, state_}, interactions_.counted_states,
                  params_.grid_layout, parallelism, params_.grain);
    timings_.grid_s += seconds_since(t);
  }
  if (idle) ++timings_.idle_steps;

  if (resort_due) {
    t = Clock::now();
    resort(parallelism);
    timings_.resort_s += seconds_since(t);
  }

  t = Clock::now();
  const KernelView view = kernel_view(dt);
  const std::size_t n = x_.size(), grain = params_.grain;
  parallelism.for_each_index((n + grain - 1) / grain, [&](std::size_t chunk) {
    update_agents(view, chunk * grain, std::min(n, (chunk + 1) * grain));
  });
  x_.swap(next_x_);
  y_.swap(next_y_);
  ex_.swap(next_ex_);
  ey_.swap(next_ey_);
  phase_.swap(next_phase_);
  timings_.kernel_s += seconds_since(t);

  t = Clock::now();
  arrivals_.clear();
  for (std::size_t i = 0; i < n; ++i)
    if (arrived_now_[i] != 0) arrivals_.push_back(id_[i]);
  std::sort(arrivals_.begin(), arrivals_.end());
  timings_.arrivals_s += seconds_since(t);
  ++timings_.steps;
}

std::size_t CrowdWorld::memory_bytes() const {
  std::size_t total = 0;
  for (const auto* c : {&x_, &y_, &ex_, &ey_, &next_x_, &next_y_, &next_ex_, &next_ey_, &tx_, &ty_, &v0_, &radius_,
                        &scratch_f_})
    total += bytes(*c);
  for (const auto* c : {&phase_, &next_phase_, &state_, &arrived_now_, &removed_, &scratch_u8_}) total += bytes(*c);
  total += bytes(counted_) + bytes(id_) + bytes(scratch_id_);
  total += index_of_id_.capacity() * sizeof(std::uint32_t) + arrivals_.capacity() * sizeof(CrowdAgentId);
  return total + grid_.memory_bytes() + walls_.memory_bytes();
}

}  // namespace campsim::crowd
