#include "analysis/metric_catalogue.hpp"

#include <array>
#include <optional>

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

// Columns a planner reads but the headline does not show unless a batch varies them: the harm of
// attacks beyond deaths, and what a protest costs (docs/protest.md). Every one is "lower is
// better" except the force's legitimacy, which the crowd's restraint depends on.
constexpr std::array kOther{
    KnownMetric{"threats.casualties.total", "hurt or killed in attacks", "per run", Direction::lower_is_better, false,
                "casualties of attacks (killed and wounded)"},
    KnownMetric{"protests.civilians_killed", "civilians killed in protests", "per run", Direction::lower_is_better, false,
                "civilians killed in protests"},
    KnownMetric{"protests.civilians_wounded", "civilians wounded in protests", "per run", Direction::lower_is_better, false,
                "civilians wounded in protests"},
    KnownMetric{"protests.police_hurt", "police hurt in protests", "per run", Direction::lower_is_better, false,
                "police hurt in protests"},
    KnownMetric{"protests.peacekeepers_hurt", "peacekeepers hurt in protests", "per run", Direction::lower_is_better,
                false, "peacekeepers hurt in protests"},
    KnownMetric{"protests.breaches", "breaches of the camp", "per run", Direction::lower_is_better, false,
                "breaches of the camp by protesters"},
    KnownMetric{"protests.with_lethal_force", "protests met with lethal force", "per run", Direction::lower_is_better,
                false, "protests met with lethal force"},
    KnownMetric{"protests.turned_violent", "protests turned violent", "per run", Direction::lower_is_better, false,
                "protests that turned to stone throwing"},
    KnownMetric{"protests.mean_duration_min", "protest duration (mean)", "min", Direction::lower_is_better, false,
                "the protests' duration"},
    KnownMetric{"protests.legitimacy_end", "legitimacy at the end (0-1)", "", Direction::higher_is_better, false,
                "the force's legitimacy at the end"},
    KnownMetric{"protests.legitimacy_lowest", "lowest legitimacy (0-1)", "", Direction::higher_is_better, false,
                "the force's lowest legitimacy"},
    KnownMetric{"threats.fight.hits_by_attackers", "fight: hits by intruders", "per run", Direction::lower_is_better,
                false, "intruders' hits on camp people"},
    KnownMetric{"threats.fight.friendly_hits", "fight: friendly hits", "per run", Direction::lower_is_better, false,
                "friendly hits"},
    KnownMetric{"threats.fight.attackers_gone", "fight: intruders escaped", "per run", Direction::lower_is_better,
                false, "intruders who escaped"},
    KnownMetric{"threats.fight.stopped_outside", "fight: stopped at the wire", "per run", Direction::higher_is_better,
                false, "fights stopped at the wire"},
    KnownMetric{"threats.fight.mean_minutes_first_shot_to_end", "fight: first shot to end (mean)", "min",
                Direction::lower_is_better, false, "the fight from first shot to end"},
    KnownMetric{"threats.fight.mean_minutes_detection_to_qrf_contact", "fight: detection to QRF contact (mean)", "min",
                Direction::lower_is_better, false, "the time from detection to QRF contact"},
};

// threats.by_kind.<kind>.*: the kind in words, as the subject of a phrase ("deaths in infiltrations").
struct ThreatKind {
  const char* id;
  const char* plural;
};
constexpr std::array kThreatKinds{ThreatKind{"indirect_fire", "indirect fire"}, ThreatKind{"vehicle_bomb", "vehicle bombs"},
                                  ThreatKind{"infiltration", "infiltrations"}, ThreatKind{"complex_attack", "complex attacks"},
                                  ThreatKind{"roadside_bomb", "roadside bombs"}};

// A threats.by_kind.<kind>.<field> column a planner judges one way: harm and delays lower,
// detection higher. Empty optional for the rest (incidents, detected: the threat's, not the camp's).
std::optional<MetricInfo> threat_kind_metric(const std::string& name) {
  const std::string prefix = "threats.by_kind.";
  if (name.rfind(prefix, 0) != 0) return std::nullopt;
  const std::size_t dot = name.find('.', prefix.size());
  if (dot == std::string::npos) return std::nullopt;
  const std::string kind = name.substr(prefix.size(), dot - prefix.size()), field = name.substr(dot + 1);
  std::string plural = kind;
  for (const ThreatKind& k : kThreatKinds)
    if (kind == k.id) plural = k.plural;
  const auto info = [&](std::string label, const char* unit, Direction d, bool share, std::string phrase, bool means) {
    return MetricInfo{name, std::move(label), unit, d, share, std::move(phrase), means, means ? "incidents" : ""};
  };
  if (field == "killed") return info(plural + ": killed", "per run", Direction::lower_is_better, false, "deaths in " + plural, false);
  if (field == "wounded")
    return info(plural + ": wounded", "per run", Direction::lower_is_better, false, "the wounded in " + plural, false);
  if (field == "detected_share")
    return info(plural + ": detected", "%", Direction::higher_is_better, true, "the share of " + plural + " detected", false);
  if (field == "mean_minutes_to_detection")
    return info(plural + ": to detection (mean)", "min", Direction::lower_is_better, false,
                "the time to detect " + plural, true);
  if (field == "mean_minutes_detection_to_qrf_alert")
    return info(plural + ": detection to QRF alert (mean)", "min", Direction::lower_is_better, false,
                "the time from detecting " + plural + " to alerting the QRF", true);
  if (field == "mean_minutes_detection_to_qrf_on_scene")
    return info(plural + ": detection to QRF on scene (mean)", "min", Direction::lower_is_better, false,
                "the time from detecting " + plural + " to the QRF on scene", true);
  if (field == "mean_minutes_detection_to_contained")
    return info(plural + ": detection to contained (mean)", "min", Direction::lower_is_better, false,
                "the time from detecting " + plural + " to containing them", true);
  return std::nullopt;
}

bool contains(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }
bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

std::string MetricInfo::group() const { return name.substr(0, name.find('.')); }

MetricInfo describe_metric(const std::string& name) {
  // A mean within a run: over its casualties (medical), its incidents (threats) or its protests.
  const bool mean_of_means =
      contains(name, "_mean_") || ends_with(name, "_mean") || contains(name, ".mean_minutes_") || contains(name, ".mean_duration");
  const std::string pooled = !mean_of_means                 ? ""
                             : name.rfind("threats.", 0) == 0  ? "incidents"
                             : name.rfind("protests.", 0) == 0 ? "protests"
                                                                : "casualties";
  for (const KnownMetric& k : kKnown)
    if (name == k.name) return {name, k.label, k.unit, k.direction, k.share, k.phrase, mean_of_means, pooled};
  for (const KnownMetric& k : kOther)
    if (name == k.name) return {name, k.label, k.unit, k.direction, k.share, k.phrase, mean_of_means, pooled};
  if (auto threat = threat_kind_metric(name)) return *threat;
  MetricInfo info{name, name, "", Direction::unknown, false, name, mean_of_means, pooled};
  // Only rules that cannot be misread: compliance is a share planners want high; harm and
  // delays they want low. Everything else keeps an unknown direction.
  if (contains(name, ".compliance.") && ends_with(name, "_eligible")) {
    // The compliance shares' denominators: a count of wounded per run, not a share (shown x100 as
    // a share, 22 eligible wounded read "2175%").
    info.unit = "per run";
  } else if (contains(name, ".compliance.")) {
    info.unit = "%";
    info.share = true;
    info.direction = Direction::higher_is_better;
  } else if (contains(name, "died_of_wounds") && (ends_with(name, "_share") || ends_with(name, ".share"))) {
    // The share of the wounded who died: harm, so lower is better, but a share (not a count).
    info.unit = "%";
    info.share = true;
    info.direction = Direction::lower_is_better;
  } else if (contains(name, "died_of_wounds") || ends_with(name, ".killed") || ends_with(name, ".wounded") ||
             (name.rfind("threats.casualties", 0) == 0 &&
              (ends_with(name, ".total") || ends_with(name, ".T1_immediate") || ends_with(name, ".T2_delayed") ||
               ends_with(name, ".T3_minimal")))) {
    // Casualties of attacks, killed or in any triage category, are harm.
    info.unit = "per run";
    info.direction = Direction::lower_is_better;
  } else if (contains(name, "delay") && ends_with(name, "_min")) {
    info.unit = "min";
    info.direction = Direction::lower_is_better;
  } else if (ends_with(name, "_min") || contains(name, ".mean_minutes_")) {
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

const std::vector<std::string>& other_headline_metrics() {
  static const std::vector<std::string> names{
      "threats.casualties.total",   "protests.civilians_killed", "protests.civilians_wounded",
      "protests.police_hurt",       "protests.peacekeepers_hurt", "protests.breaches",
      "protests.mean_duration_min"};
  return names;
}

const std::vector<std::string>& compliance_metrics() {
  static const std::vector<std::string> names{"medical.compliance.first_aid_10min", "medical.compliance.resuscitation_1h",
                                              "medical.compliance.surgery_2h"};
  return names;
}

}  // namespace campsim::analysis
