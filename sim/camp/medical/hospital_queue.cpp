#include "sim/camp/medical/hospital_queue.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <queue>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace campsim::camp {

namespace {

int queue_rank_of(Triage t) {
  switch (t) {
    case Triage::Immediate: return 0;
    case Triage::Delayed: return 1;
    case Triage::Minimal: return 2;
    case Triage::Killed: return 3;
  }
  return 3;
}

// Time average of a count that is +1 on [a_i, b_i) for each interval, over [from, until].
double time_average(const std::vector<std::pair<SimTime, SimTime>>& intervals, SimTime from, SimTime until) {
  const SimTime width = until - from;
  if (!(width > 0)) return 0.0;
  double total = 0.0;
  for (const auto& [a, b] : intervals) {
    const SimTime lo = std::max(a, from), hi = std::min(b, until);
    if (hi > lo) total += hi - lo;
  }
  return total / width;
}

// The largest number of intervals [a, b) open at once.
int max_overlap(const std::vector<std::pair<SimTime, SimTime>>& intervals) {
  std::vector<std::pair<SimTime, int>> events;
  events.reserve(2 * intervals.size());
  for (const auto& [a, b] : intervals) {
    if (!(b > a)) continue;
    events.emplace_back(a, +1);
    events.emplace_back(b, -1);
  }
  std::sort(events.begin(), events.end());  // at equal times, -1 before +1 (half-open intervals)
  int now = 0, best = 0;
  for (const auto& [t, d] : events) best = std::max(best, now += d);
  return best;
}

}  // namespace

QueueResult run_queue(const std::vector<QueueArrival>& arrivals, const QueueOptions& options) {
  if (options.servers < 1) throw std::invalid_argument("run_queue: servers must be at least 1");
  const std::size_t n = arrivals.size();
  for (const auto& a : arrivals)
    if (!std::isfinite(a.arrival) || !std::isfinite(a.service))
      throw std::invalid_argument("run_queue: arrival and service times must be finite");

  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t i, std::size_t j) { return arrivals[i].arrival < arrivals[j].arrival; });

  // Waiting line: smallest key first.
  using Key = std::tuple<int, SimTime, std::size_t>;
  std::priority_queue<Key, std::vector<Key>, std::greater<>> waiting;
  // Servers by (free at, index): the idle server free longest, lowest index among equals.
  using Server = std::pair<SimTime, int>;
  std::priority_queue<Server, std::vector<Server>, std::greater<>> servers;
  const SimTime start_time = n > 0 ? arrivals[order.front()].arrival : 0.0;
  for (int s = 0; s < options.servers; ++s) servers.emplace(start_time, s);

  QueueResult result;
  result.patients.resize(n);
  std::size_t next = 0;
  while (next < n || !waiting.empty()) {
    const auto [free_at, server] = servers.top();
    // The next decision: when the earliest server frees, or the next arrival if nobody waits.
    SimTime decide = free_at;
    if (waiting.empty()) decide = std::max(decide, arrivals[order[next]].arrival);
    while (next < n && arrivals[order[next]].arrival <= decide) {
      const std::size_t i = order[next++];
      const int rank = options.priority_by_triage ? queue_rank_of(arrivals[i].triage) : 0;
      waiting.emplace(rank, arrivals[i].arrival, i);
    }
    const std::size_t i = std::get<2>(waiting.top());
    waiting.pop();
    servers.pop();
    QueuedPatient& p = result.patients[i];
    p.arrival = arrivals[i].arrival;
    p.start = std::max(decide, p.arrival);
    p.wait = p.start - p.arrival;
    p.departure = p.start + std::max(0.0, arrivals[i].service);
    p.server = server;
    servers.emplace(p.departure, server);
  }

  std::vector<std::pair<SimTime, SimTime>> in_system, in_queue, in_service;
  in_system.reserve(n);
  in_queue.reserve(n);
  in_service.reserve(n);
  double wait_sum = 0, sojourn_sum = 0;
  SimTime first = std::numeric_limits<double>::infinity(), last = -std::numeric_limits<double>::infinity();
  // Sums in arrival order, so that reordering the input (without ties) changes no total.
  for (const std::size_t i : order) {
    const QueuedPatient& p = result.patients[i];
    in_system.emplace_back(p.arrival, p.departure);
    in_queue.emplace_back(p.arrival, p.start);
    in_service.emplace_back(p.start, p.departure);
    wait_sum += p.wait;
    sojourn_sum += p.departure - p.arrival;
    first = std::min(first, p.arrival);
    last = std::max(last, p.departure);
  }
  if (n == 0) first = last = 0;
  result.observe_from = options.observe_from.value_or(first);
  result.observe_until = options.observe_until.value_or(last);
  result.mean_in_system = time_average(in_system, result.observe_from, result.observe_until);
  result.mean_in_queue = time_average(in_queue, result.observe_from, result.observe_until);
  result.mean_busy = time_average(in_service, result.observe_from, result.observe_until);
  if (n > 0) {
    result.mean_wait = wait_sum / static_cast<double>(n);
    result.mean_time_in_system = sojourn_sum / static_cast<double>(n);
  }
  result.max_in_queue = max_overlap(in_queue);
  result.max_in_system = max_overlap(in_system);
  return result;
}

}  // namespace campsim::camp
