#include "sim/camp/protest/civil_violence.hpp"

#include <cmath>
#include <stdexcept>

#include "sim/engine/portable_math.hpp"

namespace campsim::camp::protest {

Resident draw_resident(engine::RandomStream& random) {
  Resident r;
  r.hardship = random.uniform01();
  r.risk_aversion = random.uniform01();
  return r;
}

double grievance(double hardship, double legitimacy) { return hardship * (1.0 - legitimacy); }

double estimated_arrest_probability(int cops_in_vision, int other_actives_in_vision, double arrest_constant) {
  if (cops_in_vision < 0 || other_actives_in_vision < 0)
    throw std::invalid_argument("estimated_arrest_probability: counts must be >= 0");
  const double ratio = static_cast<double>(cops_in_vision) / (1.0 + other_actives_in_vision);
  return 1.0 - math::exp(-arrest_constant * ratio);
}

double net_risk(double risk_aversion, double arrest_probability) { return risk_aversion * arrest_probability; }

bool is_active(const Resident& resident, double legitimacy, int cops_in_vision, int other_actives_in_vision,
               const CivilViolenceParams& params) {
  const double g = grievance(resident.hardship, legitimacy);
  const double p = estimated_arrest_probability(cops_in_vision, other_actives_in_vision, params.arrest_constant);
  return g - net_risk(resident.risk_aversion, p) > params.threshold;
}

}  // namespace campsim::camp::protest
