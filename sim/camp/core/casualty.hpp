#pragma once
// A person hurt or killed by a threat or a protest: what the medical chain treats and the world
// takes out of the population. Shared by every camp module (sim/camp/core).
#include <cstdint>
#include <optional>
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

// A person of the world: an index into its population, stable for the whole run.
struct PersonTag {};
using PersonId = engine::Id<PersonTag>;

struct Casualty {
  int id = 0;
  int incident = 0;
  SimTime time = 0;
  Point position;
  Cause cause = Cause::IndirectFire;
  Triage triage = Triage::Minimal;
  std::string contingent;  // e.g. CHN, or UN for the mixed multinational population
  bool inside_camp = true;
  std::optional<PersonId> person = std::nullopt;  // whoever was hit in the world; none for a hand-made casualty
};
using CasualtyId = engine::Id<Casualty>;  // a casualty's `id`, typed

// How a casualty's story ends: the medical chain decides it, the world acts on it (back on duty,
// gone for the run).
// InCare: still in the chain when the run ended (waiting for pickup, in hospital, waiting for a
// flight): neither back on duty nor gone.
enum class CareOutcome { Killed, DiedOfWounds, Survived, EvacuatedL3, InCare };

std::string_view cause_name(Cause cause);
std::string_view triage_name(Triage triage);
std::string_view protection_name(Protection protection);
std::string_view care_outcome_name(CareOutcome outcome);
// The person as events.jsonl writes it: the id, or -1 for nobody of the world (the log's format).
std::int64_t logged_person(const std::optional<PersonId>& person);

}  // namespace campsim::camp
