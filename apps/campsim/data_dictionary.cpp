#include "apps/campsim/data_dictionary.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <sstream>

#include "sim/batch/batch_plan.hpp"
#include "sim/batch/csv_text.hpp"
#include "sim/batch/job_rows.hpp"
#include "sim/batch/metrics_columns.hpp"
#include "sim/batch/plan_loader.hpp"
#include "sim/camp/camp_run.hpp"
#include "sim/camp/threats/threat_report.hpp"

namespace campsim::cli {

namespace {

struct ColumnDoc {
  const char* type;
  const char* unit;
  const char* meaning;
};

// The fixed columns, by name. One meaning per name across files: `casualty` is the same id in a
// run's casualties.csv (`id`) and care.csv. Times in care.csv other than injury_h are minutes
// since that casualty's injury.
const std::map<std::string, ColumnDoc>& fixed_columns() {
  static const std::map<std::string, ColumnDoc> docs{
      // keys of every batch table
      {"design_point", {"integer", "", "design point, numbered as batch.json lists them (0 without a design)"}},
      {"policy", {"text", "", "policy name: the file stem of the scenario or policy file"}},
      {"replication", {"integer", "", "replication number r; replication r of every policy uses the same random numbers"}},
      {"seed", {"integer", "", "the batch's seed (random streams are keyed by seed and replication)"}},
      // timeseries.csv
      {"t_s", {"number", "s", "time since the run's start"}},
      {"time_of_day_h", {"number", "h", "local time of day, 0-24"}},
      {"guards_required", {"integer", "", "sentries the posts require at this time"}},
      {"guards_on_post", {"integer", "", "sentries on post at this time"}},
      {"mean_vigilance", {"number", "0-1", "mean vigilance of the sentries on post (NA when nobody is)"}},
      {"min_vigilance", {"number", "0-1", "lowest vigilance of a sentry on post (NA when nobody is)"}},
      {"soldiers_unfit", {"integer", "", "soldiers of the company unfit for duty today"}},
      {"unit_experience", {"number", "0-1", "experience of the unit in theatre (learning curve after rotation)"}},
      // casualties.csv (the run's list of injuries)
      {"id", {"integer", "", "casualty id (the `casualty` column of care.csv)"}},
      {"incident", {"integer", "", "incident id (the attack that caused the injury)"}},
      {"x_m", {"number", "m", "position east of the camp origin"}},
      {"y_m", {"number", "m", "position north of the camp origin"}},
      {"cause", {"text", "", "what injured them: indirect_fire, vehicle_bomb, infiltration, complex_attack, roadside_bomb"}},
      {"triage", {"text", "", "triage category: killed, T1_immediate, T2_delayed, T3_minimal"}},
      {"contingent", {"text", "", "national contingent of the casualty"}},
      {"inside_camp", {"0/1", "", "1 if injured inside the perimeter"}},
      // care.csv (each casualty's path through the medical chain)
      {"casualty", {"integer", "", "casualty id (the `id` column of the run's casualties.csv)"}},
      {"same_nation", {"0/1", "", "1 if the casualty's nation runs the approval chain (same-nation request)"}},
      {"injury_h", {"number", "h", "time of injury since the run's start"}},
      {"first_aid_min", {"number", "min", "first aid began, minutes after injury (NA: never)"}},
      {"first_aid_by", {"text", "", "who gave first aid: buddy, responder, ambulance_crew, hospital (NA: nobody)"}},
      {"request_min", {"number", "min", "CASEVAC requested, minutes after injury"}},
      {"approved_min", {"number", "min", "CASEVAC approved, minutes after injury"}},
      {"approval_delay_min", {"number", "min", "time the approval chain took (request to approval)"}},
      {"assigned_min", {"number", "min", "ambulance assigned, minutes after injury"}},
      {"dispatched_min", {"number", "min", "ambulance left, minutes after injury"}},
      {"escort_wait_min", {"number", "min", "time the ambulance waited for its escort"}},
      {"on_scene_min", {"number", "min", "ambulance on scene, minutes after injury"}},
      {"left_scene_min", {"number", "min", "ambulance left the scene, minutes after injury"}},
      {"at_hospital_min", {"number", "min", "arrived at the Level 2 hospital, minutes after injury"}},
      {"ambulance", {"integer", "", "ambulance that carried the casualty (NA: none)"}},
      {"resuscitation_min", {"number", "min", "resuscitation began, minutes after injury"}},
      {"needs_surgery", {"0/1", "", "1 if the wound needs surgery (NA for those killed outright)"}},
      {"surgery_min", {"number", "min", "surgery began, minutes after injury"}},
      {"bed_min", {"number", "min", "admitted to an ICU or ward bed, minutes after injury"}},
      {"icu_bed", {"0/1", "", "1 if the bed was in the ICU (medical.care_needs), 0 a ward bed (NA: no bed)"}},
      {"left_hospital_min", {"number", "min", "left the Level 2 hospital, minutes after injury"}},
      {"died_min", {"number", "min", "died, minutes after injury (0 for killed outright; NA: survived)"}},
      {"died_where", {"text", "", "where a died-of-wounds casualty died: before_pickup, in_transit, at_hospital (NA: did not)"}},
      {"outcome", {"text", "", "killed, died_of_wounds, survived, evacuated_l3"}},
  };
  return docs;
}

std::string pretty_path(const std::string& name) {
  std::string out;
  for (char c : name) out += c == '.' ? std::string(" > ") : c == '_' ? std::string(" ") : std::string(1, c);
  return out;
}

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

}  // namespace

std::string unit_of_column(const std::string& name) {
  const std::string leaf = name.substr(name.rfind('.') == std::string::npos ? 0 : name.rfind('.') + 1);
  if (ends_with(leaf, "_min")) return "min";
  if (ends_with(leaf, "_h")) return "h";
  if (ends_with(leaf, "_s")) return "s";
  if (ends_with(leaf, "_m")) return "m";
  if (ends_with(leaf, "_ha")) return "ha";
  if (ends_with(leaf, "_share") || leaf == "share" || leaf == "coverage" || leaf.find("utilisation") != std::string::npos ||
      ends_with(name, ".coverage.overall") || (name.find(".compliance.") != std::string::npos && !ends_with(leaf, "_eligible")))
    return "share 0-1";
  // Names that spell the unit out (metrics.json keys not yet converted): the word anywhere in the path.
  if (name.find("minutes") != std::string::npos) return "min";
  if (name.find("hours") != std::string::npos) return "h";
  if (name.find("seconds") != std::string::npos) return "s";
  return "";
}

bool spells_unit_out(const std::string& name) {
  return name.find("minutes") != std::string::npos || name.find("hours") != std::string::npos ||
         name.find("seconds") != std::string::npos;
}

DictionaryInput collect_columns(const std::string& scenario_file) {
  DictionaryInput input;
  input.scenario_file = scenario_file;
  batch::PlanRequest request;
  request.scenario_file = scenario_file;
  request.replications = 1;
  const batch::BatchPlan plan = batch::load_plan(request);

  // The run files, from a one-hour run (the shape of every file depends on the scenario only).
  camp::RunOptions options;
  options.seed = plan.seed;
  options.duration = 3600;
  const camp::RunResult run = camp::run_scenario(plan.cells.front(), options);
  std::ostringstream casualties;
  camp::write_casualties_csv(casualties, {});
  std::string header = casualties.str();
  if (!header.empty() && header.back() == '\n') header.pop_back();
  input.files.push_back({"run/timeseries.csv", run.series.columns()});
  input.files.push_back({"run/casualties.csv", batch::split_csv_line(header)});
  input.files.push_back({"run/care.csv", run.care_records.columns});

  // The batch files, from the batch's own header probe.
  const batch::TableHeader probe = batch::probe_header(plan, 1);
  for (const auto& [file, line] : {std::pair<std::string, std::string>{"batch/results.csv", batch::results_header_line(plan, probe)},
                                   {"batch/care.csv", batch::casualties_header_line(probe)}}) {
    std::string text = line;
    if (!text.empty() && text.back() == '\n') text.pop_back();
    input.files.push_back({file, batch::split_csv_line(text)});
  }
  std::map<std::string, std::string> types;
  // The JSON type of each numeric leaf: what pandas and R will read it as.
  std::function<void(const nlohmann::ordered_json&, const std::string&)> walk = [&](const nlohmann::ordered_json& v,
                                                                                    const std::string& path) {
    if (v.is_object()) {
      for (const auto& [k, child] : v.items()) walk(child, path.empty() ? k : path + "." + k);
    } else if (v.is_boolean()) {
      types[path] = "0/1";
    } else if (v.is_number_integer() || v.is_number_unsigned()) {
      types[path] = "integer";
    } else if (v.is_number_float() || v.is_null()) {
      types[path] = "number";
    }
  };
  walk(run.metrics, "");
  for (const std::string& name : probe.metrics.names()) input.metric_types.emplace_back(name, types.count(name) ? types[name] : "number");
  return input;
}

std::string render_data_dictionary(const DictionaryInput& input) {
  std::string out =
      "# Data dictionary\n\n"
      "<!-- GENERATED by `campsim dictionary " + input.scenario_file + "`; do not edit. Regenerate with:\n"
      "     build/release/apps/campsim dictionary " + input.scenario_file + " > docs/data-dictionary.md\n"
      "     (tests/cli/test_cli_dictionary.cpp fails when this file and the program disagree) -->\n\n"
      "Every column of every CSV file campsim writes, for `" + input.scenario_file +
      "`, with its type, unit and meaning. The columns are taken from the program itself (a one-hour "
      "probe run and the batch's header probe), so this list is exactly what the files hold. Other scenarios "
      "have the same columns except where they name their own posts, gates, zones or approval levels.\n\n"
      "## Conventions\n\n"
      "- Names are snake_case; metric columns join the path in `metrics.json` with `.` (`guards.coverage.overall`).\n"
      "- Units are suffixes: `_min` minutes, `_h` hours, `_s` seconds, `_m` metres, `_ha` hectares, `_share` a share "
      "from 0 to 1 (not a percentage).\n"
      "- Booleans are `0`/`1` everywhere. An empty cell means NA (not applicable or not reached), never zero; "
      "numbers are the shortest text that reads back to the same double.\n"
      "- care.csv times (`*_min`) are minutes since that casualty's injury; `injury_h` alone is hours since the run's start. "
      "timeseries.csv and casualties.csv count seconds since the run's start (`t_s`).\n"
      "- Every batch table starts with `design_point`, `policy`, `replication`, `seed`; join results.csv and care.csv on them.\n"
      "- In a run directory `casualties.csv` lists the injuries and `care.csv` each casualty's care; a batch has "
      "`care.csv` (every run's care records) and `results.csv`, never a `casualties.csv`.\n\n"
      "Reading them (both give the types below; empty cells become NaN / NA):\n\n"
      "```python\nimport pandas as pd\nresults = pd.read_csv(\"batches/gao_policies/results.csv\")\n"
      "care = pd.read_csv(\"batches/gao_policies/care.csv\")\n```\n\n"
      "```r\nresults <- read.csv(\"batches/gao_policies/results.csv\", check.names = FALSE)\n"
      "care <- read.csv(\"batches/gao_policies/care.csv\", na.strings = \"\")\n```\n";
  const std::map<std::string, std::string> metric_type(input.metric_types.begin(), input.metric_types.end());
  const std::map<std::string, std::string> titles{
      {"run/timeseries.csv", "Run: `timeseries.csv` (one row per sample)"},
      {"run/casualties.csv", "Run: `casualties.csv` (one row per injury)"},
      {"run/care.csv", "Run: `care.csv` (one row per casualty: the path through the medical chain)"},
      {"batch/results.csv", "Batch: `results.csv` (one row per design point, policy and replication)"},
      {"batch/care.csv", "Batch: `care.csv` (the care records of every run, one row per casualty per run)"}};
  for (const FileColumns& f : input.files) {
    out += "\n## " + titles.at(f.file) + "\n\n| column | type | unit | meaning |\n|---|---|---|---|\n";
    for (const std::string& name : f.columns) {
      std::string type, unit, meaning;
      if (const auto at = fixed_columns().find(name); at != fixed_columns().end()) {
        type = at->second.type;
        unit = at->second.unit;
        meaning = at->second.meaning;
      } else if (const auto m = metric_type.find(name); m != metric_type.end()) {
        type = m->second;
        unit = unit_of_column(name);
        meaning = "metric: " + pretty_path(name) + " (metrics.json)";
      } else if (name.starts_with("approval.") && ends_with(name, "_min")) {
        type = "number";
        unit = "min";
        meaning = "the " + name.substr(9, name.size() - 13) + " level of the approval chain decided, minutes after injury";
      } else if (f.file == "batch/results.csv") {
        type = "text";
        meaning = "design factor: the value set for this key at this design point";
      } else {
        type = "?";
        unit = unit_of_column(name);
        meaning = "no description yet (add it to apps/campsim/data_dictionary.cpp)";
      }
      out += "| `" + cell(name) + "` | " + type + " | " + unit + " | " + cell(meaning) + " |\n";
    }
  }
  std::vector<std::string> unconverted;
  for (const auto& [name, type] : input.metric_types)
    if (spells_unit_out(name)) unconverted.push_back(name);
  if (!unconverted.empty()) {
    out += "\n## Names not yet in the convention\n\n" + std::to_string(unconverted.size()) +
           " metric names spell their unit out as a word (`gap_mean_minutes`, `required_guard_hours`) instead of a "
           "suffix; the unit column above reads the word. They are keys of `metrics.json`, named by the model modules "
           "that write them, and keep their names until those modules rename them (renaming only the CSV column would "
           "give one quantity two names):";
    for (std::size_t i = 0; i < unconverted.size(); ++i) out += std::string(i ? ", `" : " `") + unconverted[i] + "`";
    out += ".\n";
  }
  out += "\n## Other files\n\n"
         "- `manifest.json` (run) and `batch.json` (batch): what was run: version, git revision, scenario and its hash, "
         "seed, overrides, every resolved parameter (run), policies and design (batch).\n"
         "- `metrics.json` (run): the run's metrics, nested; each numeric leaf is the results.csv column of the same "
         "path. Arrays (profiles by hour) and strings are in metrics.json only.\n"
         "- `events.jsonl` (run): one JSON object per event, in time order.\n"
         "- `summary.md` (batch): the headline comparison, by the same statistics as `campsim compare`.\n";
  return out;
}

}  // namespace campsim::cli
