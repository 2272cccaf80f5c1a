#pragma once
// Turns the medical chain's outcome into the run's `medical` metrics (10-1-2 compliance, deaths
// of wounds, dispatch latency and its components, waits and occupancy by resource) and the
// per-casualty table (care.csv). The metrics' shape depends on the parameters only, never on
// what happened: a mean over no casualties is null, not missing.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sim/camp/medical/medical_chain.hpp"
#include "sim/engine/record_table.hpp"

namespace campsim::camp {

// The 10-1-2 targets, seconds from injury (UN DOS/2020.7 CASEVAC policy).
inline constexpr SimTime kFirstAidTarget = 10 * engine::kMinute;
inline constexpr SimTime kResuscitationTarget = engine::kHour;
inline constexpr SimTime kSurgeryTarget = 2 * engine::kHour;

nlohmann::ordered_json medical_metrics_json(const MedicalParams& params, const MedicalOutcome& outcome);

// One row per casualty, killed outright included. Times are minutes since injury (empty when
// never reached); one `approval.<level>_min` column per level of either chain.
engine::RecordTable care_record_table(const MedicalParams& params, const MedicalOutcome& outcome);

// external.csv: one row per casualty from outside the camp (medical.external), in the order they
// were hurt: what hurt them (the incident's cause), their triage, how they came and their path
// through the hospital. Times are minutes since injury, as in care.csv. Its columns never depend
// on the parameters (external_record_columns()).
const std::vector<std::string>& external_record_columns();
engine::RecordTable external_record_table(const MedicalOutcome& outcome);

}  // namespace campsim::camp
