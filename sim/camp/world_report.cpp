#include "sim/camp/world_report.hpp"

#include <array>
#include <map>
#include <string_view>
#include <utility>

namespace campsim::camp {

nlohmann::ordered_json world_metrics_json(const World& world, const QrfForce& qrf, const engine::LoopStats&) {
  // Counted by the role's number, then named: a name per person cost a string and a map lookup
  // each, every replication of a batch (issue 25). The names go out in alphabetical order, the
  // roles nobody has are left out.
  std::array<long, kPersonRoles> count_of{};
  for (const PersonRecord& p : world.population().people()) ++count_of[static_cast<std::size_t>(p.role)];
  std::map<std::string_view, long> by_role;
  for (std::size_t r = 0; r < kPersonRoles; ++r)
    if (count_of[r] > 0) by_role[person_role_name(static_cast<PersonRole>(r))] = count_of[r];
  nlohmann::ordered_json roles = nlohmann::ordered_json::object();
  for (const auto& [role, count] : by_role) roles[std::string(role)] = count;
  const WorldStats& s = world.stats();
  return {{"people", static_cast<long>(world.population().size())},
          {"people_by_role", std::move(roles)},
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
