#include "sim/camp/guard_roster.hpp"

#include <utility>

namespace campsim::camp {

namespace {

// The rules pick_sentry applies to every soldier, apart from the preference between them.
bool qualifies(const Soldier& s, SimTime due_on_post, SimTime min_rest) {
  if (!s.in_theatre || !s.fit_today || s.unavailable_until > due_on_post) return false;
  // busy_until is the planned end of his latest duty, known as soon as he is rostered, so the
  // rest rule holds even when the next roster runs before that duty has ended.
  return !(s.busy_until > due_on_post || due_on_post - s.busy_until < min_rest);
}

}  // namespace

std::optional<int> pick_sentry(const std::vector<Soldier>& soldiers, SimTime due_on_post, SimTime min_rest) {
  std::optional<int> best;
  for (int i = 0, n = static_cast<int>(soldiers.size()); i < n; ++i) {
    const Soldier& s = soldiers[i];
    if (!qualifies(s, due_on_post, min_rest)) continue;
    // Strictly fewer hours wins; equal hours keep the earlier (lower-numbered) soldier.
    if (!best || s.committed_duty_s < soldiers[static_cast<std::size_t>(*best)].committed_duty_s) best = i;
  }
  return best;
}

void SentryQueue::add_duty(std::vector<Soldier>& soldiers, int index, double seconds) {
  Soldier& s = soldiers[static_cast<std::size_t>(index)];
  const auto at = order_.find({s.committed_duty_s, index});
  s.committed_duty_s += seconds;
  if (at == order_.end()) return;  // out of theatre: no longer rostered
  // The soldier's node is taken out, re-keyed and put back: no node freed and allocated again.
  auto node = order_.extract(at);
  node.value().first = s.committed_duty_s;
  order_.insert(std::move(node));
}

std::optional<int> SentryQueue::pick(const std::vector<Soldier>& soldiers, SimTime due_on_post, SimTime min_rest) const {
  for (const auto& [committed, index] : order_)
    if (qualifies(soldiers[static_cast<std::size_t>(index)], due_on_post, min_rest)) return index;
  return std::nullopt;
}

}  // namespace campsim::camp
