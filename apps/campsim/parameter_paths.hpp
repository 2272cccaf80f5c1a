#pragma once
// Every parameter a scenario's readers read, as flat paths: the run's resolved parameters (every
// value read, defaults included: sim/scenario/reader.hpp) walked down to their leaves. The
// parameter register (docs/provenance.yaml) is keyed by these paths, so what the readers read and
// what the register lists can be compared key for key.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/scenario/node.hpp"

namespace campsim::cli {

struct ParameterValue {
  // The register's key: list indices written as [] ("camp.towers[].range_m"), so one entry covers
  // every tower. A list of maps is itself a parameter too (how many towers), under its own path.
  std::string key;
  std::string path;         // this value's place: "camp.towers[3].range_m"
  nlohmann::ordered_json value;
  bool set_in_file = false;  // written in the scenario (or a file it extends), not the reader's default
};

// Leaves of `resolved` in read order. A distribution (a map with "dist") and a list of scalars are
// leaves; maps are walked into; a list of maps is a leaf ("N items") and is walked into with [].
// `tree` is the scenario as merged (extends, --set), to tell values written from defaults.
std::vector<ParameterValue> parameter_values(const nlohmann::ordered_json& resolved, const scenario::Node& tree);

// A value as a scenario would write it: numbers and text as they are, a distribution or other map
// as {dist: exponential, mean: 5min}, a list as [a, b]; a list of maps as "N items".
std::string value_text(const nlohmann::ordered_json& value);

}  // namespace campsim::cli
