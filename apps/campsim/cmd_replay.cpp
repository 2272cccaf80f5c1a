// campsim replay: many replications of a (historical replay) scenario, and the distribution of
// what happened in them, to set beside what was reported.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "apps/campsim/commands.hpp"
#include "apps/campsim/limits.hpp"
#include "apps/campsim/options.hpp"
#include "sim/camp/camp_run.hpp"
#include "sim/stats/sample_statistics.hpp"
#include "sim/io/visible_text.hpp"

namespace po = boost::program_options;

namespace campsim::cli {

namespace {

struct ReplicationOutcome {
  // wounded: hurt and not killed outright (the died of wounds among them).
  int incidents = 0, detected = 0, killed = 0, wounded = 0, immediate = 0, delayed = 0, minimal = 0, died_of_wounds = 0;
  int killed_with_died_of_wounds() const { return killed + died_of_wounds; }
  std::vector<double> qrf_on_scene_min;  // per incident with a QRF, from detection
};

ReplicationOutcome outcome_of(const camp::RunResult& r) {
  ReplicationOutcome o;
  for (const camp::Incident& i : r.incidents) {
    ++o.incidents;
    o.detected += i.detected ? 1 : 0;
    if (i.qrf) o.qrf_on_scene_min.push_back((i.qrf->on_scene - i.qrf->detected) / engine::kMinute);
  }
  for (const camp::Casualty& c : r.casualties) {
    (c.triage == camp::Triage::Killed ? o.killed : o.wounded) += 1;
    o.immediate += c.triage == camp::Triage::Immediate ? 1 : 0;
    o.delayed += c.triage == camp::Triage::Delayed ? 1 : 0;
    o.minimal += c.triage == camp::Triage::Minimal ? 1 : 0;
  }
  // The medical chain's count: the record's "killed" includes those who died of their wounds.
  const auto& medical = r.metrics["medical"];
  if (medical.contains("died_of_wounds")) o.died_of_wounds = medical["died_of_wounds"].get<int>();
  return o;
}

void print_distribution(std::ostream& out, const std::string& label, std::vector<double> values) {
  if (values.empty()) return;
  double sum = 0;
  long positive = 0;
  for (double v : values) {
    sum += v;
    positive += v > 0 ? 1 : 0;
  }
  fmt::print(out, "  {:<28} mean {:6.2f}  median {:5.1f}  p90 {:5.1f}  max {:5.0f}  P(>0) {:5.1f}%\n", label,
             sum / static_cast<double>(values.size()), stats::quantile_type7(values, 0.5),
             stats::quantile_type7(values, 0.9), *std::max_element(values.begin(), values.end()),
             100.0 * static_cast<double>(positive) / static_cast<double>(values.size()));
}

// The share of replications with each count, "0 10.5%  1 30.1%  ...", so that the chance of the
// reported count can be read off (and quoted in docs/replays.md by a script).
void print_counts(std::ostream& out, const std::string& label, const std::vector<double>& values) {
  std::map<long, long> by_count;
  for (double v : values) ++by_count[std::lround(v)];
  fmt::print(out, "  {:<28}", label);
  for (const auto& [count, n] : by_count)
    fmt::print(out, " {} {:.1f}%", count, 100.0 * static_cast<double>(n) / static_cast<double>(values.size()));
  fmt::print(out, "\n");
}

}  // namespace

int replay_command(const std::vector<std::string>& args) {
  ScenarioOptions scenario;
  int replications = 200;
  std::string seed_text = "1";  // parsed by limits.hpp: "-1" must not wrap round
  int threads = 1;
  std::string csv;
  po::options_description options;
  add_scenario_options(options, scenario);
  options.add_options()
      ("replications,n", po::value<int>(&replications)->default_value(200), "number of replications")
      ("seed", po::value<std::string>(&seed_text)->default_value("1"), "base seed; replication r uses (seed, r)")
      ("threads", po::value<int>(&threads)->default_value(1), "worker threads per run; never changes the results")
      ("csv", po::value<std::string>(&csv), "also write one row per replication to this CSV file");
  if (auto stop = parse_command_line(
          args, options, "campsim replay SCENARIO [--replications N] [--seed S] [--set KEY=VALUE]... [--csv FILE]",
          "Runs the scenario N times on independent random numbers and prints the distribution of\n"
          "incidents, detection, casualties and QRF response: what the model says could have happened,\n"
          "to compare with what was reported (docs/replays.md).\n\n"
          "Example:\n  campsim replay scenarios/replay_2016-05-31_gao.yaml --replications 500\n"))
    return *stop;
  if (replications < 1) {
    std::cerr << "campsim replay: --replications must be at least 1\n";
    return kBadInput;
  }
  if (const auto problem = threads_problem(threads)) {
    std::cerr << "campsim replay: " << *problem << "\n";
    return kBadInput;
  }
  std::string problem;
  const std::optional<std::uint64_t> parsed_seed = parse_seed(seed_text, problem);
  if (!parsed_seed) {
    std::cerr << "campsim replay: " << problem << "\n";
    return kBadInput;
  }
  const std::uint64_t seed = *parsed_seed;
  std::optional<camp::LoadedScenario> loaded_or_not = load_or_report(scenario);
  if (!loaded_or_not) return kBadInput;
  const camp::LoadedScenario& loaded = *loaded_or_not;
  if (const auto too_many = attack_budget_problem(loaded.scenario, loaded.scenario.meta.duration)) {
    std::cerr << "campsim replay: " << *too_many << "; nothing was run\n";
    return kBadInput;
  }

  std::vector<ReplicationOutcome> outcomes;
  std::map<std::string, std::pair<double, long>> facts;  // name -> (sum, incidents)
  for (int r = 0; r < replications; ++r) {
    camp::RunOptions run;
    run.seed = seed;
    run.replication = static_cast<std::uint64_t>(r);
    run.threads = threads;
    const camp::RunResult result = camp::run_scenario(loaded.scenario, run);
    outcomes.push_back(outcome_of(result));
    for (const camp::Incident& i : result.incidents)
      for (const auto& [name, value] : i.facts) {
        facts[name].first += value;
        facts[name].second += 1;
      }
  }

  std::vector<double> incidents, detected, killed_all, killed, died_of_wounds, wounded, immediate, delayed, minimal, on_scene;
  for (const ReplicationOutcome& o : outcomes) {
    incidents.push_back(o.incidents);
    detected.push_back(o.detected);
    killed_all.push_back(o.killed_with_died_of_wounds());
    killed.push_back(o.killed);
    died_of_wounds.push_back(o.died_of_wounds);
    wounded.push_back(o.wounded);
    immediate.push_back(o.immediate);
    delayed.push_back(o.delayed);
    minimal.push_back(o.minimal);
    on_scene.insert(on_scene.end(), o.qrf_on_scene_min.begin(), o.qrf_on_scene_min.end());
  }
  fmt::print(std::cout, "{}: {} replications, seed {}\n", io::visible(loaded.scenario.meta.name), replications, seed);
  print_distribution(std::cout, "incidents", incidents);
  print_distribution(std::cout, "incidents detected", detected);
  print_distribution(std::cout, "killed (with died of wounds)", killed_all);
  print_distribution(std::cout, "  killed outright", killed);
  print_distribution(std::cout, "  died of wounds", died_of_wounds);
  print_distribution(std::cout, "wounded", wounded);
  print_distribution(std::cout, "wounded T1 (immediate)", immediate);
  print_distribution(std::cout, "wounded T2 (delayed)", delayed);
  print_distribution(std::cout, "wounded T3 (minimal)", minimal);
  print_distribution(std::cout, "QRF on scene (min)", on_scene);
  print_counts(std::cout, "killed (with DOW), by count", killed_all);
  if (!facts.empty()) {
    fmt::print(std::cout, "  incident facts (mean per incident; 0/1 facts read as shares):\n");
    for (const auto& [name, sum_n] : facts)
      fmt::print(std::cout, "    {:<26} {:10.3f}\n", name, sum_n.first / static_cast<double>(sum_n.second));
  }
  if (!csv.empty()) {
    std::ofstream file(csv);
    // killed: outright; died_of_wounds: later, in the medical chain's care (among the wounded).
    file << "replication,seed,incidents,detected,killed,wounded,wounded_t1,died_of_wounds\n";
    for (std::size_t r = 0; r < outcomes.size(); ++r)
      file << r << ',' << seed << ',' << outcomes[r].incidents << ',' << outcomes[r].detected << ','
           << outcomes[r].killed << ',' << outcomes[r].wounded << ',' << outcomes[r].immediate << ','
           << outcomes[r].died_of_wounds << '\n';
    if (!file) {
      std::cerr << "campsim replay: cannot write " << csv << "\n";
      return kFailure;
    }
  }
  return kOk;
}

}  // namespace campsim::cli
