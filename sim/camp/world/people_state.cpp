#include "sim/camp/world/people_state.hpp"

namespace campsim::camp {

void PeopleState::resize(std::size_t n) {
  motion.resize(n, Motion::Scheduled);
  bunker_of.resize(n);
  held_at.resize(n);
  walk_to.resize(n);
  walk_from.resize(n, 0);
  walk_until.resize(n, -engine::kNever);
  tried.resize(n, 0);
  sheltered_at.resize(n, engine::kNever);
  back_on_duty.resize(n, -engine::kNever);
  run_speed.resize(n, 0.f);
  cover.resize(n, Protection::Open);
  sets_off.resize(n, 0.0);
  census.grow(n);
}

}  // namespace campsim::camp
