#include "sim/camp/world_report.hpp"

#include <map>

namespace campsim::camp {

nlohmann::ordered_json world_metrics_json(const World& world, const QrfForce& qrf, const engine::LoopStats&) {
  std::map<std::string, long> by_role;
  for (const PersonRecord& p : world.population().people()) ++by_role[std::string(person_role_name(p.role))];
  nlohmann::ordered_json roles = nlohmann::ordered_json::object();
  for (const auto& [role, count] : by_role) roles[role] = count;
  const WorldStats& s = world.stats();
  return {{"people", static_cast<long>(world.population().size())},
          {"people_by_role", roles},
          {"alarms", s.alarms},
          {"shelter_runs", s.shelter_runs},
          {"sheltered", s.sheltered},
          {"found_bunker_full", s.bunker_full},
          {"stranded", s.stranded},
          {"agent_steps", static_cast<double>(s.agent_steps)},
          // The wounded as the medical chain let them go (empty without the chain in the loop).
          {"left_care",
           {{"returned_to_duty", s.returned_to_duty}, {"evacuated_l3", s.evacuated}, {"died_of_wounds", s.died_of_wounds}}},
          {"qrf",
           {{"dispatches", qrf.dispatches()},
            {"waited_for_busy_qrf", qrf.waited()},
            {"wait_total_minutes", qrf.wait_total_s() / engine::kMinute},
            {"escorts", qrf.escorts()},
            {"escorts_waited_for_busy_qrf", qrf.escorts_waited()},
            {"escort_wait_total_minutes", qrf.escort_wait_total_s() / engine::kMinute}}}};
}

}  // namespace campsim::camp
