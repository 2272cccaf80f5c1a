#include "sim/camp/protest/crowd_settling.hpp"

#include <cmath>
#include <limits>

namespace campsim::camp::protest {

namespace {

constexpr float kNotWalking = std::numeric_limits<float>::quiet_NaN();

float distance(crowd::Point2 a, crowd::Point2 b) { return std::hypot(a.x - b.x, a.y - b.y); }

}  // namespace

CrowdSettling::CrowdSettling(engine::SimTime window, double progress_m) : window_(window), progress_m_(progress_m) {}

void CrowdSettling::clear() { walkers_.clear(); }

void CrowdSettling::set_off(crowd::CrowdAgentId id, crowd::Point2 from, crowd::Point2 place, engine::SimTime now) {
  if (id.value >= walkers_.size()) walkers_.resize(id.value + 1, Walker{{0.0f, 0.0f}, kNotWalking});
  walkers_[id.value] = {place, distance(from, place)};
  window_ends_ = now + window_;
}

bool CrowdSettling::at_rest(const crowd::CrowdWorld& crowd, engine::SimTime now) {
  if (now < window_ends_) return false;
  // The window's net progress over those who walked at its start: who still walks, from its
  // distance then to its distance now (negative when pushed back); who arrived, the distance it
  // had left; who left the crowd (hurt, or out of the scene) not at all.
  double gained = 0;
  std::size_t counted = 0;
  for (std::uint32_t i = 0; i < walkers_.size(); ++i) {
    Walker& w = walkers_[i];
    const crowd::CrowdAgentId id{i};
    if (std::isnan(w.from)) continue;
    if (!crowd.contains(id)) {
      w.from = kNotWalking;
    } else if (crowd.arrived(id)) {
      gained += w.from, ++counted;
      w.from = kNotWalking;
    } else {
      const float d = distance(crowd.position(id), w.place);
      gained += w.from - d, ++counted;
      w.from = d;
    }
  }
  window_ends_ = now + window_;
  return counted == 0 || gained / static_cast<double>(counted) <= progress_m_;
}

}  // namespace campsim::camp::protest
