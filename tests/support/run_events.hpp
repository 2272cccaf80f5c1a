#pragma once
// A run's event log as JSON records of one type ("shot", "detection", "casualty", ...), in the
// order the run wrote them: what the fight tests read a run's log by.
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/camp/camp_run.hpp"

namespace campsim::testing {

inline std::vector<nlohmann::json> event_records(const camp::RunResult& r, const std::string& type) {
  std::ostringstream out;
  r.events.write_jsonl(out);
  std::istringstream lines(out.str());
  std::vector<nlohmann::json> found;
  for (std::string line; std::getline(lines, line);) {
    auto j = nlohmann::json::parse(line);
    if (j["type"] == type) found.push_back(std::move(j));
  }
  return found;
}

}  // namespace campsim::testing
