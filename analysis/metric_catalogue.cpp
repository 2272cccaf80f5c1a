#include "analysis/metric_catalogue.hpp"

#include <array>

namespace campsim::analysis {

namespace {

struct KnownMetric {
  const char* name;
  const char* label;
  const char* unit;
  Direction direction;
  bool share;
  const char* phrase;
};

// The columns batch-format.md singles out, with the words a planner uses for them.
constexpr std::array kKnown{
    KnownMetric{"medical.died_of_wounds", "died of wounds", "per run", Direction::lower_is_better, false, "deaths of wounds"},
    KnownMetric{"threats.casualties.killed", "killed", "per run", Direction::lower_is_better, false, "deaths in attacks"},
    KnownMetric{"medical.compliance.first_aid_10min", "first aid within 10 min", "%", Direction::higher_is_better, true,
                "the share given first aid within 10 min"},
    KnownMetric{"medical.compliance.resuscitation_1h", "resuscitation within 1 h", "%", Direction::higher_is_better,
                true, "the share resuscitated within 1 h"},
    KnownMetric{"medical.compliance.surgery_2h", "surgery within 2 h", "%", Direction::higher_is_better, true,
                "the share operated on within 2 h"},
    KnownMetric{"medical.dispatch.approval_delay_mean_min", "approval delay (mean)", "min", Direction::lower_is_better,
                false, "the approval delay"},
    KnownMetric{"medical.dispatch.request_to_on_scene_mean_min", "request to on scene (mean)", "min",
                Direction::lower_is_better, false, "the time from CASEVAC request to ambulance on scene"},
};

bool contains(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }
bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

std::string MetricInfo::group() const { return name.substr(0, name.find('.')); }

MetricInfo describe_metric(const std::string& name) {
  const bool mean_of_means = contains(name, "_mean_") || ends_with(name, "_mean");
  for (const KnownMetric& k : kKnown)
    if (name == k.name) return {name, k.label, k.unit, k.direction, k.share, k.phrase, mean_of_means};
  MetricInfo info{name, name, "", Direction::unknown, false, name, mean_of_means};
  // Only rules that cannot be misread: compliance is a share planners want high; harm and
  // delays they want low. Everything else keeps an unknown direction.
  if (contains(name, ".compliance.")) {
    info.unit = "%";
    info.share = true;
    info.direction = Direction::higher_is_better;
  } else if (contains(name, "died_of_wounds") || ends_with(name, ".killed") || ends_with(name, ".wounded")) {
    info.unit = "per run";
    info.direction = Direction::lower_is_better;
  } else if (contains(name, "delay") && ends_with(name, "_min")) {
    info.unit = "min";
    info.direction = Direction::lower_is_better;
  } else if (ends_with(name, "_min")) {
    info.unit = "min";
  } else if (ends_with(name, "_share") || ends_with(name, ".share")) {
    info.unit = "%";
    info.share = true;
  }
  return info;
}

const std::vector<std::string>& key_metrics() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const KnownMetric& k : kKnown) out.emplace_back(k.name);
    return out;
  }();
  return names;
}

const std::vector<std::string>& compliance_metrics() {
  static const std::vector<std::string> names{"medical.compliance.first_aid_10min", "medical.compliance.resuscitation_1h",
                                              "medical.compliance.surgery_2h"};
  return names;
}

}  // namespace campsim::analysis
