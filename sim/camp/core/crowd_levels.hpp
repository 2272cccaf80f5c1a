#pragma once
// The rungs a protest climbs and the steps the force takes against it (the escalation ladder,
// sim/camp/protest/escalation_ladder.hpp): shared names, since snapshots, recordings and the
// viewer show them too.
#include <cstdint>
#include <string_view>

namespace campsim::camp::protest {

enum class CrowdLevel : std::uint8_t { dispersed, gathering, chanting, stone_throwing, molotov, breach_attempt };
inline constexpr int kCrowdLevels = 6;
std::string_view name(CrowdLevel level);

// What the force did since the last evaluation (the strongest step used).
enum class ForceAction : std::uint8_t { none, negotiate, warn, barrier, tear_gas, warning_shots, lethal_force };
inline constexpr int kForceActions = 7;
std::string_view name(ForceAction action);

}  // namespace campsim::camp::protest
