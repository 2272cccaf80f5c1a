#include "sim/camp/guard_roster.hpp"

namespace campsim::camp {

std::optional<int> pick_sentry(const std::vector<Soldier>& soldiers, SimTime due_on_post, SimTime min_rest) {
  std::optional<int> best;
  for (int i = 0, n = static_cast<int>(soldiers.size()); i < n; ++i) {
    const Soldier& s = soldiers[i];
    if (!s.in_theatre || !s.fit_today || s.unavailable_until > due_on_post) continue;
    // busy_until is the planned end of his latest duty, known as soon as he is rostered, so the
    // rest rule holds even when the next roster runs before that duty has ended.
    if (s.busy_until > due_on_post || due_on_post - s.busy_until < min_rest) continue;
    // Strictly fewer hours wins; equal hours keep the earlier (lower-numbered) soldier.
    if (!best || s.committed_duty_s < soldiers[static_cast<std::size_t>(*best)].committed_duty_s) best = i;
  }
  return best;
}

}  // namespace campsim::camp
