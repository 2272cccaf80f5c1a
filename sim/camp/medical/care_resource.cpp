#include "sim/camp/medical/care_resource.hpp"

#include <algorithm>
#include <stdexcept>

namespace campsim::camp {

CareResource::CareResource(std::string name, int capacity, SimTime observe_until)
    : capacity_(std::max(0, capacity)), observe_until_(observe_until) {
  stats_.name = std::move(name);
  stats_.capacity = capacity_;
}

// Integrates the state held since the last change up to `now`, clipped to the window.
void CareResource::advance(SimTime now) {
  const SimTime to = std::min(now, observe_until_);
  if (to > last_) {
    const double dt = to - last_;
    stats_.busy_integral += dt * static_cast<double>(in_service_.size());
    stats_.queue_integral += dt * static_cast<double>(queue_.size());
    stats_.in_system_integral += dt * static_cast<double>(in_service_.size() + queue_.size());
    stats_.capacity_integral += dt * static_cast<double>(capacity_);
  }
  last_ = std::max(last_, now);
}

bool CareResource::request(int patient, int priority, SimTime now) {
  advance(now);
  ++stats_.requests;
  if (static_cast<int>(in_service_.size()) < capacity_ && queue_.empty()) {
    in_service_.push_back({patient, now});
    ++stats_.served;
    return true;
  }
  queue_.push_back({patient, priority, next_order_++, now});
  stats_.max_queue = std::max(stats_.max_queue, static_cast<int>(queue_.size()));
  return false;
}

namespace {
bool served_first(const auto& a, const auto& b) { return a.priority != b.priority ? a.priority < b.priority : a.order < b.order; }
}  // namespace

std::vector<int> CareResource::waiting_in_order() const {
  std::vector<Waiting> in_order = queue_;
  std::sort(in_order.begin(), in_order.end(), [](const Waiting& a, const Waiting& b) { return served_first(a, b); });
  std::vector<int> patients;
  for (const Waiting& w : in_order) patients.push_back(w.patient);
  return patients;
}

std::vector<int> CareResource::start_waiting(SimTime now) {
  std::vector<int> started;
  while (!queue_.empty() && static_cast<int>(in_service_.size()) < capacity_) {
    const auto best = std::min_element(queue_.begin(), queue_.end(), [](const Waiting& a, const Waiting& b) {
      return served_first(a, b);
    });
    const double wait = now - best->since;
    stats_.wait_total += wait;
    stats_.wait_max = std::max(stats_.wait_max, wait);
    ++stats_.served;
    in_service_.push_back({best->patient, best->since});
    started.push_back(best->patient);
    queue_.erase(best);
  }
  return started;
}

std::vector<int> CareResource::release(int patient, SimTime now) {
  advance(now);
  const auto it = std::find_if(in_service_.begin(), in_service_.end(),
                               [patient](const InService& s) { return s.patient == patient; });
  if (it == in_service_.end()) throw std::logic_error(stats_.name + ": release of a patient not in service");
  stats_.sojourn_total += now - it->arrived;
  ++stats_.departed;
  in_service_.erase(it);
  return start_waiting(now);
}

bool CareResource::withdraw(int patient, SimTime now) {
  const auto it = std::find_if(queue_.begin(), queue_.end(), [patient](const Waiting& w) { return w.patient == patient; });
  if (it == queue_.end()) return false;
  advance(now);
  ++stats_.abandoned;
  queue_.erase(it);
  return true;
}

std::vector<int> CareResource::set_capacity(int capacity, SimTime now) {
  advance(now);
  capacity_ = std::max(0, capacity);
  return start_waiting(now);
}

bool CareResource::is_waiting(int patient) const {
  return std::any_of(queue_.begin(), queue_.end(), [patient](const Waiting& w) { return w.patient == patient; });
}

bool CareResource::is_served(int patient) const {
  return std::any_of(in_service_.begin(), in_service_.end(), [patient](const InService& s) { return s.patient == patient; });
}

CareResourceStats CareResource::finish() {
  advance(observe_until_);
  stats_.window = observe_until_;
  return stats_;
}

}  // namespace campsim::camp
