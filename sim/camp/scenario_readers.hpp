#pragma once
// Readers from the located YAML tree into the camp model's parameter structs. Each records every
// problem it finds in the scenario::Reader (with file, line and column) and carries on, so one
// run of `campsim validate` lists all of them.
#include "sim/camp/scenario.hpp"
#include "sim/scenario/reader.hpp"

namespace campsim::camp {

ScenarioMeta read_meta(scenario::MapReader in);
CampLayout read_layout(scenario::MapReader in);
GuardParams read_guards(scenario::MapReader force, scenario::MapReader guards, const CampLayout& layout);
MetricsParams read_metrics(scenario::MapReader in);

}  // namespace campsim::camp
