#pragma once
// The YAML reader of the `medical:` section into MedicalParams. Its keys mirror the struct fields
// one for one, nested the same way (medical.hospital.icu_beds is HospitalParams::icu_beds); every
// key is optional and an absent key keeps the struct's default. docs/medical/parameters.md lists
// every key with its default, unit and source.
#include "sim/camp/layout.hpp"
#include "sim/camp/medical/medical_params.hpp"
#include "sim/scenario/reader.hpp"

namespace campsim::camp {

// Reads `in` (the `medical` map) into `out`, reporting every problem in the Reader at its key
// (file, line, column) and carrying on. When `enabled` is true: ambulances.hospital_node is
// required, and it, ambulances.gate_node and every first_aid.responder_posts entry must name a
// road node of `layout`; at least one vehicle and one crew; gate_node is required with station
// main_gate. Approval chains given in casevac.approval replace the default chain whole (an empty
// list means no approval is needed).
//
// An absent section (a MapReader of nothing) reads nothing and reports nothing, so `out` keeps
// its values: whether a scenario without `medical:` runs the medical chain is the caller's choice.
void read_medical(scenario::MapReader in, const CampLayout& layout, MedicalParams& out);

}  // namespace campsim::camp
