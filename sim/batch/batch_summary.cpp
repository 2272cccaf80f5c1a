#include "sim/batch/batch_summary.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "sim/batch/csv_text.hpp"
#include "sim/engine/number_format.hpp"
#include "sim/scenario/values.hpp"

namespace campsim::batch {

namespace {

// The figures a reader looks at first; those a batch lacks are left out.
constexpr const char* kHeadline[] = {
    "guards.coverage.overall",        "threats.casualties.total",
    "threats.casualties.killed",      "medical.died_of_wounds",
    "medical.compliance.first_aid_10min", "medical.dispatch.request_to_on_scene_mean_min",
};

struct Stats {
  double sum = 0, squares = 0;
  long n = 0;
  void add(double v) {
    sum += v;
    squares += v * v;
    ++n;
  }
  double mean() const { return n ? sum / static_cast<double>(n) : 0.0; }
  // Half-width of a normal-approximation 95% interval of the mean.
  double half_width() const {
    if (n < 2) return 0.0;
    const double var = (squares - sum * sum / static_cast<double>(n)) / static_cast<double>(n - 1);
    return 1.96 * std::sqrt(std::max(var, 0.0) / static_cast<double>(n));
  }
};

std::string number(double v) { return fmt::format("{:.4g}", v); }

}  // namespace

std::string batch_summary_markdown(const nlohmann::ordered_json& manifest, const TableText& results,
                                   std::size_t casualty_rows) {
  std::string header_line = results.header;
  if (!header_line.empty() && header_line.back() == '\n') header_line.pop_back();
  const std::vector<std::string> columns = split_csv_line(header_line);
  std::vector<std::pair<std::string, std::size_t>> headline;
  for (const char* name : kHeadline)
    for (std::size_t c = 0; c < columns.size(); ++c)
      if (columns[c] == name) headline.emplace_back(name, c);

  std::vector<std::string> policies;
  for (const auto& p : manifest["policies"]) policies.push_back(p["name"].get<std::string>());
  // value[metric][policy][(design_point, replication)]
  std::vector<std::vector<std::map<std::pair<std::string, std::string>, double>>> values(
      headline.size(), std::vector<std::map<std::pair<std::string, std::string>, double>>(policies.size()));
  for (const std::string& line : results.lines) {
    const std::vector<std::string> cells = split_csv_line(std::string_view(line).substr(0, line.size() - 1));
    if (cells.size() != columns.size()) continue;
    const auto policy = std::find(policies.begin(), policies.end(), cells[1]) - policies.begin();
    if (policy >= static_cast<long>(policies.size())) continue;
    for (std::size_t m = 0; m < headline.size(); ++m)
      if (const auto v = scenario::parse_number(cells[headline[m].second]))
        values[m][static_cast<std::size_t>(policy)][{cells[0], cells[2]}] = *v;
  }

  std::string out = fmt::format("# Batch: {}\n\n", policies.empty() ? "?" : policies.front());
  out += fmt::format("- scenario: `{}`, seed {}, {}, {} replications per policy{}\n",
                     manifest["scenario"].get<std::string>(), manifest["seed"].dump(),
                     manifest["days"].is_null() ? "the scenario's own duration"
                                                 : engine::format_number(manifest["days"].get<double>()) + " days",
                     manifest["replications"].dump(),
                     manifest["design"].is_null()
                         ? std::string()
                         : fmt::format(" and design point ({} design, {} points)", manifest["design"]["kind"].get<std::string>(),
                                       manifest["design"]["points"].size()));
  out += "- policies: ";
  for (std::size_t p = 0; p < policies.size(); ++p) out += (p ? ", " : "") + ("`" + policies[p] + "`") + (p ? "" : " (reference)");
  out += fmt::format("\n- rows: {} in results.csv, {} in casualties.csv\n", results.lines.size(), casualty_rows);
  out += "- common random numbers: replication r of every policy and design point uses the same random streams,\n"
         "  so the differences below are paired (same design point, same replication).\n";
  if (headline.empty()) return out + "\nNone of the headline metrics is in this batch.\n";

  out += "\n## Means (and paired difference to the reference, with a 95% interval)\n\n| metric |";
  for (const std::string& p : policies) out += " " + p + " |";
  out += "\n|---|";
  for (std::size_t p = 0; p < policies.size(); ++p) out += "---|";
  out += "\n";
  for (std::size_t m = 0; m < headline.size(); ++m) {
    out += "| " + headline[m].first + " |";
    for (std::size_t p = 0; p < policies.size(); ++p) {
      Stats level, diff;
      for (const auto& [key, v] : values[m][p]) {
        level.add(v);
        const auto& reference = values[m][0];
        if (const auto at = reference.find(key); p > 0 && at != reference.end()) diff.add(v - at->second);
      }
      if (level.n == 0) {
        out += " - |";
      } else if (p == 0 || diff.n == 0) {
        out += " " + number(level.mean()) + " |";
      } else {
        out += fmt::format(" {} ({:+.4g} ± {}) |", number(level.mean()), diff.mean(), number(diff.half_width()));
      }
    }
    out += "\n";
  }
  return out;
}

}  // namespace campsim::batch
