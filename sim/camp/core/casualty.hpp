#pragma once
// A person hurt or killed by a threat or a protest: what the medical chain treats and the world
// takes out of the population. Shared by every camp module (sim/camp/core).
#include <string>
#include <string_view>

#include "sim/camp/geometry.hpp"
#include "sim/engine/sim_time.hpp"
#include "sim/engine/typed_id.hpp"

namespace campsim::camp {

using engine::SimTime;

// Stones and Fire (Molotov cocktails): thrown at the force by a protest.
enum class Cause { IndirectFire, VehicleBomb, Gunfire, RoadsideBomb, Stones, Fire };

// Triage categories of the NATO/UN system: T1 immediate (life-threatening, treatable),
// T2 delayed (serious, can wait), T3 minimal (walking wounded). Killed outright is separate.
enum class Triage { Killed, Immediate, Delayed, Minimal };

// What stood between a person and a blast.
// Where a person is when an attack reaches them. Vehicle: aboard a soft-skinned vehicle (a mounted
// patrol), which stops some fragments and none of the blast.
enum class Protection { Open, Container, Hardened, Vehicle };

struct Casualty {
  int id = 0;
  int incident = 0;
  SimTime time = 0;
  Point position;
  Cause cause = Cause::IndirectFire;
  Triage triage = Triage::Minimal;
  std::string contingent;  // e.g. CHN, or UN for the mixed multinational population
  bool inside_camp = true;
  int person = -1;  // the world's person id of whoever was hit; -1 for a hand-made casualty
};
using CasualtyId = engine::Id<Casualty>;  // a casualty's `id`, typed

// How a casualty's story ends: the medical chain decides it, the world acts on it (back on duty,
// gone for the run).
enum class CareOutcome { Killed, DiedOfWounds, Survived, EvacuatedL3 };

std::string_view cause_name(Cause cause);
std::string_view triage_name(Triage triage);
std::string_view protection_name(Protection protection);
std::string_view care_outcome_name(CareOutcome outcome);

}  // namespace campsim::camp
