#pragma once
// The parameter register joined with what the readers read: the Markdown of docs/provenance.md,
// the CSV of every value in every scenario, and the check that neither side lists a parameter
// the other lacks (campsim params).
#include <string>
#include <vector>

#include "apps/campsim/parameter_paths.hpp"
#include "apps/campsim/parameter_register.hpp"

namespace campsim::cli {

struct ScenarioParameters {
  std::string name;  // the file's stem: "gao_baseline"
  std::vector<ParameterValue> values;
};

struct RegisterGaps {
  std::vector<std::string> unlisted;  // "KEY (read by NAME)": read, but not in the register
  std::vector<std::string> unread;    // in the register, but read by none of the scenarios
  bool empty() const { return unlisted.empty() && unread.empty(); }
};

RegisterGaps register_gaps(const ParameterRegister& reg, const std::vector<ScenarioParameters>& scenarios);

// The register as Markdown: sources, then one table per section with each parameter's unit, its
// value in the first scenario ("(default)" when the reader's default), its origin, and the other
// scenarios that read a different value.
std::string register_markdown(const ParameterRegister& reg, const std::vector<ScenarioParameters>& scenarios);

// The keys under `section` ("world", "protests.crowd") as a Markdown table for the scenario
// reference: key (relative to the section), unit, the first scenario's value ("(default)" when
// the reader's default), meaning, and the origin's kind. Keys only other scenarios read show "-".
// With KeyTableColumns::Origins, the meaning and the origin's kind give way to the origin written
// out (kind, source or reason, fitting, later changes), as the register has it: the parameter
// tables of docs/medical/parameters.md and docs/threats/.
enum class KeyTableColumns { Meanings, Origins };
std::string register_key_table(const ParameterRegister& reg, const std::vector<ScenarioParameters>& scenarios,
                               const std::string& section, KeyTableColumns columns = KeyTableColumns::Meanings);

// One row per value read per scenario (list items one row each), with the register's unit and origin.
std::string register_csv(const ParameterRegister& reg, const std::vector<ScenarioParameters>& scenarios);

}  // namespace campsim::cli
