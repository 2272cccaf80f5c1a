#include "sim/camp/protest/legitimacy.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "sim/engine/portable_math.hpp"

namespace campsim::camp::protest {

Legitimacy::Legitimacy(LegitimacyParams params) : params_(params), value_(params.baseline) {
  const auto share = [](double v) { return v >= 0.0 && v <= 1.0; };
  if (!share(params_.baseline) || !share(params_.fall_per_death) || !share(params_.fall_per_injury) ||
      !share(params_.fall_per_unexplained) || !share(params_.recovery_per_day))
    throw std::invalid_argument("Legitimacy: every parameter is a share in [0, 1]");
}

void Legitimacy::fall(double share, int times) {
  if (times < 0) throw std::invalid_argument("Legitimacy: a count of casualties cannot be negative");
  value_ *= math::pow(1.0 - share, times);
}

void Legitimacy::civilians_killed(int count) { fall(params_.fall_per_death, count); }
void Legitimacy::civilians_injured(int count) { fall(params_.fall_per_injury, count); }
void Legitimacy::unexplained_decision() { fall(params_.fall_per_unexplained, 1); }

void Legitimacy::engage(double days, double intensity) {
  if (!(days >= 0.0) || !(intensity >= 0.0 && intensity <= 1.0))
    throw std::invalid_argument("Legitimacy::engage: days >= 0 and intensity in [0, 1]");
  if (value_ >= params_.baseline) return;  // engagement restores, it does not raise above the baseline
  const double kept_gap = math::pow(1.0 - params_.recovery_per_day * intensity, days);
  value_ = params_.baseline - (params_.baseline - value_) * kept_gap;
}

}  // namespace campsim::camp::protest
