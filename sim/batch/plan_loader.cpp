#include "sim/batch/plan_loader.hpp"

#include <filesystem>
#include <map>
#include <set>

#include "sim/scenario/diagnostic.hpp"

namespace campsim::batch {

namespace {

// Loads one cell, turning scenario errors into one printable message naming the cell.
camp::LoadedScenario load_cell(const std::string& file, const std::vector<std::string>& overrides,
                               const std::string& context) {
  try {
    return camp::load_scenario(file, overrides);
  } catch (const scenario::ScenarioError& e) {
    std::string message;
    for (const auto& d : e.diagnostics()) message += d.message() + "\n";
    message += std::to_string(e.diagnostics().size()) + " error(s) in " + file + context + "; nothing was run";
    throw BatchInputError(message);
  }
}

std::string key_of(const std::string& assignment) { return assignment.substr(0, assignment.find('=')); }

}  // namespace

BatchPlan load_plan(const PlanRequest& request) {
  BatchPlan plan;
  plan.scenario_file = request.scenario_file;
  plan.overrides = request.overrides;
  plan.design = request.design;
  plan.replications = request.replications;
  plan.days = request.days;

  std::vector<std::string> files{request.scenario_file};
  files.insert(files.end(), request.policy_files.begin(), request.policy_files.end());
  std::set<std::string> names;
  for (const std::string& file : files) {
    const std::string name = std::filesystem::path(file).stem().string();
    if (!names.insert(name).second)
      throw BatchInputError("two policies are both named '" + name + "' (" + file +
                            "): a policy is named by its file stem, so give each file its own name; nothing was run");
    plan.policies.push_back({name, file, "", ""});
  }
  if (plan.design) {
    for (const std::string& assignment : request.overrides)
      for (const Factor& factor : plan.design->factors)
        if (key_of(assignment) == factor.key)
          throw BatchInputError("--set " + assignment + " sets '" + factor.key +
                                "', which the design varies; drop one of them; nothing was run");
  }

  // Each policy as the command gives it: its hash names the policy in batch.json.
  for (PolicyInfo& policy : plan.policies) {
    const camp::LoadedScenario loaded = load_cell(policy.file, request.overrides, " (policy " + policy.name + ")");
    policy.hash = loaded.hash;
    policy.label = loaded.scenario.meta.label;
    if (&policy == &plan.policies.front())
      plan.seed = request.seed ? *request.seed : static_cast<std::uint64_t>(loaded.scenario.meta.seed);
    if (!plan.design) plan.cells.push_back(loaded.scenario);
  }
  // compare shows each policy by its label, or its name without one: two shown alike could not be
  // told apart in a table or a plot.
  std::map<std::string, const PolicyInfo*> shown;
  for (const PolicyInfo& policy : plan.policies) {
    const std::string& as = policy.label.empty() ? policy.name : policy.label;
    if (const auto [it, fresh] = shown.emplace(as, &policy); !fresh)
      throw BatchInputError("two policies would be shown as '" + as + "' (" + it->second->file + " and " + policy.file +
                            "): give each its own scenario.label; nothing was run");
  }
  if (plan.design) {
    for (const DesignPoint& point : plan.design->table) {
      std::vector<std::string> overrides = request.overrides;
      const std::vector<std::string> settings = point.overrides();
      overrides.insert(overrides.end(), settings.begin(), settings.end());
      std::string where;
      for (const std::string& s : settings) where += (where.empty() ? "" : ", ") + s;
      for (const PolicyInfo& policy : plan.policies)
        plan.cells.push_back(
            load_cell(policy.file, overrides,
                      " (policy " + policy.name + ", design point " + std::to_string(point.index) + ": " + where + ")")
                .scenario);
    }
  }
  return plan;
}

}  // namespace campsim::batch
