#include "sim/camp/world/census_keeper.hpp"

namespace campsim::camp {

namespace {

std::size_t slot(CensusPlace place) { return static_cast<std::size_t>(place); }

}  // namespace

void CensusKeeper::grow(std::size_t n) {
  while (place_.size() < n) {
    const auto person = static_cast<std::uint32_t>(place_.size());
    place_.push_back(CensusPlace::Uncounted);
    until_.push_back(engine::kNever);
    touched_flag_.push_back(0);
    ++counts_[slot(CensusPlace::Uncounted)];
    touch(person);
  }
}

void CensusKeeper::touch(std::uint32_t person) {
  if (touched_flag_[person] != 0) return;
  touched_flag_[person] = 1;
  touched_.push_back(person);
}

void CensusKeeper::touch_all() {
  for (std::uint32_t person = 0; person < place_.size(); ++person) touch(person);
}

void CensusKeeper::put(std::uint32_t person, const CensusPlacement& placement) {
  --counts_[slot(place_[person])];
  ++counts_[slot(placement.place)];
  place_[person] = placement.place;
  until_[person] = placement.until;
  if (placement.until != engine::kNever) expiring_.emplace(placement.until, person);
  if (placement.watch) watched_.push_back(person);
}

Census CensusKeeper::count_at(SimTime t, bool working_hours, const Placer& place) {
  last_count_ = t;
  // Entries whose person was placed again since are stale: their end is no longer the person's.
  while (!expiring_.empty() && expiring_.top().first <= t) {
    const auto [until, person] = expiring_.top();
    expiring_.pop();
    if (until_[person] == until) touch(person);
  }
  for (std::uint32_t person : watched_) touch(person);
  watched_.clear();
  for (std::uint32_t person : touched_) {
    touched_flag_[person] = 0;
    put(person, place(person, t));
  }
  touched_.clear();

  const long by_hours = counts_[slot(CensusPlace::OffCampByHours)];
  Census c;
  c.present = counts_[slot(CensusPlace::Present)] + (working_hours ? 0 : by_hours);
  c.away = counts_[slot(CensusPlace::Away)] + (working_hours ? by_hours : 0);
  c.sheltering = counts_[slot(CensusPlace::Sheltering)];
  c.wounded_in_care = counts_[slot(CensusPlace::WoundedInCare)];
  c.evacuated = counts_[slot(CensusPlace::Evacuated)];
  c.dead = counts_[slot(CensusPlace::Dead)];
  return c;
}

}  // namespace campsim::camp
