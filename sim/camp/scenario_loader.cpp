#include <cstdint>

#include <fmt/format.h>

#include "sim/camp/medical/medical_reader.hpp"
#include "sim/camp/protest/protest_reader.hpp"
#include "sim/camp/road_graph.hpp"
#include "sim/camp/scenario.hpp"
#include "sim/camp/scenario_readers.hpp"
#include "sim/camp/threats/common_readers.hpp"
#include "sim/scenario/document.hpp"
#include "sim/scenario/reader.hpp"

namespace campsim::camp {

namespace {
// FNV-1a 64 of the resolved parameters' canonical JSON text: equal inputs give equal hashes.
std::string parameter_hash(const nlohmann::ordered_json& resolved) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : resolved.dump()) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return fmt::format("fnv1a64:{:016x}", hash);
}

// Threat parameters that name things in the layout must name things that exist.
void check_threat_targets(scenario::MapReader threats, const Scenario& s) {
  for (const std::string& gate : s.threats.vehicle_bomb.gates) {
    bool found = false;
    for (const Gate& g : s.layout.gates) found |= g.name == gate;
    if (!found) threats.map("vehicle_bomb").fail("gates", "names of gates in camp.gates", "'" + gate + "'");
  }
}

}  // namespace

LoadedScenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides) {
  scenario::Node tree = scenario::load_scenario_tree(file);
  for (const std::string& assignment : overrides) scenario::apply_override(tree, assignment);

  scenario::Reader reader(tree);
  scenario::MapReader root = reader.root();
  LoadedScenario loaded;
  loaded.file = file;
  Scenario& s = loaded.scenario;
  s.meta = read_meta(root.map("scenario", scenario::Need::Required));
  s.layout = read_layout(root.map("camp", scenario::Need::Required));
  s.guards = read_guards(root.map("force"), root.map("guards", scenario::Need::Required), s.layout);
  s.world = read_world(root.map("world"));
  scenario::MapReader threats = root.map("threats");
  s.threats = read_threats(threats);
  check_threat_targets(threats, s);
  scenario::MapReader qrf = root.map("qrf", scenario::Need::Required);
  read_qrf(qrf, s.qrf);
  if (!s.layout.road_nodes.empty() && !find_road_node(s.layout, s.qrf.base))
    qrf.fail("base", "the name of a road node in camp.roads.nodes", "'" + s.qrf.base + "'");
  // A scenario without a medical section has no medical chain (older scenarios, guard studies).
  s.medical.enabled = root.has("medical");
  read_medical(root.map("medical"), s.layout, s.medical);
  // Likewise protests: only a scenario with a protests section has a town that may march (and
  // `protests.enabled` is recorded, so re-running the resolved parameters gives the same run).
  s.protests = protest::read_protests(root.map("protests"), s.layout, root.has("protests"));
  s.metrics = read_metrics(root.map("metrics"));
  // A scripted event after the end of the run would never happen: a mistake in the times or in
  // scenario.duration, not a plan (the run's length can still be changed by --days).
  const auto after_end = [&](scenario::MapReader in, std::string_view key, const std::vector<double>& times) {
    for (const double t : times)
      if (t > s.meta.duration) {
        in.fail(key,
                fmt::format("times within the run (scenario.duration, {:g} days)", s.meta.duration / engine::kDay),
                fmt::format("{:g} days", t / engine::kDay));
        return;
      }
  };
  const auto arrivals_of = [&](const char* kind) { return threats.map(kind).map("arrivals"); };
  after_end(arrivals_of("indirect_fire"), "scripted", {s.threats.indirect_fire.arrivals.scripted.begin(), s.threats.indirect_fire.arrivals.scripted.end()});
  after_end(arrivals_of("vehicle_bomb"), "scripted", {s.threats.vehicle_bomb.arrivals.scripted.begin(), s.threats.vehicle_bomb.arrivals.scripted.end()});
  after_end(arrivals_of("infiltration"), "scripted", {s.threats.infiltration.arrivals.scripted.begin(), s.threats.infiltration.arrivals.scripted.end()});
  after_end(arrivals_of("complex_attack"), "scripted", {s.threats.complex_attack.arrivals.scripted.begin(), s.threats.complex_attack.arrivals.scripted.end()});
  after_end(threats.map("roadside_bomb"), "scripted", {s.threats.roadside_bomb.scripted.begin(), s.threats.roadside_bomb.scripted.end()});
  if (root.has("protests")) {
    std::vector<double> at;
    for (const auto& p : s.protests.scripted) at.push_back(p.at);
    scenario::MapReader protests = root.map("protests");
    for (std::size_t i = 0; i < at.size(); ++i)
      if (at[i] > s.meta.duration) {
        protests.fail("scripted", fmt::format("protests within the run (scenario.duration, {:g} days)", s.meta.duration / engine::kDay),
                      fmt::format("one at {:g} days", at[i] / engine::kDay));
        break;
      }
  }
  reader.finish();  // throws if anything above was wrong, or a key was never read
  loaded.resolved = reader.resolved();
  loaded.warnings = reader.warnings();
  loaded.hash = parameter_hash(loaded.resolved);
  return loaded;
}

}  // namespace campsim::camp
