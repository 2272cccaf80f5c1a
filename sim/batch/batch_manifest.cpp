#include "sim/batch/batch_manifest.hpp"

#include "sim/version.hpp"

namespace campsim::batch {

using Json = nlohmann::ordered_json;

namespace {

Json design_json(const Design& design) {
  Json points = Json::array();
  for (const DesignPoint& point : design.table) {
    Json settings = Json::object();
    for (const auto& [key, value] : point.settings) settings[key] = value;
    points.push_back({{"design_point", point.index}, {"settings", settings}});
  }
  Json out = {{"kind", design_kind_name(design.kind)}, {"points", points}};
  if (design.max_abs_correlation) {  // the generated designs: lhs, nolh, decorrelated_lhs
    out["seed"] = design.seed;
    out["max_abs_correlation"] = *design.max_abs_correlation;
  }
  return out;
}

std::string shown(const Json& value) {
  const std::string text = value.dump();
  return text.size() > 120 ? text.substr(0, 117) + "..." : text;
}

}  // namespace

Json batch_manifest(const BatchPlan& plan, std::optional<Shard> shard) {
  Json policies = Json::array();
  for (const PolicyInfo& p : plan.policies) {
    Json policy{{"name", p.name}, {"file", p.file}, {"hash", p.hash}};
    if (!p.label.empty()) policy["label"] = p.label;  // absent without one: older batch.json files stay as they were
    policies.push_back(std::move(policy));
  }
  return {{"campsim_version", kVersion},
          {"git_revision", kGitRevision},
          {"scenario", plan.scenario_file},
          {"replications", plan.replications},
          {"seed", plan.seed},
          {"days", plan.days ? Json(*plan.days) : Json(nullptr)},
          {"overrides", plan.overrides},
          {"policies", policies},
          {"design", plan.design ? design_json(*plan.design) : Json(nullptr)},
          {"shard", shard ? Json{{"index", shard->index}, {"count", shard->count}} : Json(nullptr)}};
}

std::optional<std::string> manifest_mismatch(const Json& on_disk, const Json& wanted) {
  for (const auto& [key, value] : wanted.items()) {
    if (key == "git_revision") continue;
    const Json old = on_disk.contains(key) ? on_disk[key] : Json(nullptr);
    if (old != value)
      return "the batch there was made with a different " + key + " (" + shown(old) + ", this command: " + shown(value) + ")";
  }
  return std::nullopt;
}

}  // namespace campsim::batch
