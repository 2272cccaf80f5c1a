// Reads and checks the medical chain's parameters: survival, first aid, CASEVAC request and
// approval, ambulances, the Level 2 hospital, routine admissions and air evacuation.
#include "sim/camp/medical/medical_reader.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sim/camp/medical/patient_draws.hpp"

namespace campsim::camp {

using engine::kDay;
using engine::kHour;
using scenario::MapReader;
using scenario::Need;
using scenario::Range;
using scenario::ValueUnit;

namespace {

constexpr Range kShare{0, 1};
constexpr Range kFactor{0, 1};         // hazard multipliers: care never raises the hazard
constexpr Range kDelay{0, kDay};       // any step of the chain: a day is already absurd
constexpr Range kLongDelay{0, 7 * kDay};
constexpr Range kStay{0, 365 * kDay};  // hospital stays
constexpr Range kCount{0, 1000};
constexpr Range kFootSpeed{0.1, 10};   // m/s
constexpr Range kDriveSpeed{0.1, 50};  // m/s
constexpr std::size_t kNamesShown = 8;

bool is_road_node(const CampLayout& layout, const std::string& name) {
  return std::any_of(layout.road_nodes.begin(), layout.road_nodes.end(),
                     [&](const RoadNode& node) { return node.name == name; });
}

// "the name of a road node in camp.roads.nodes (a, b, c)", the first few names listed.
std::string road_node_expected(const CampLayout& layout) {
  std::string names;
  for (std::size_t i = 0; i < layout.road_nodes.size() && i < kNamesShown; ++i)
    names += (i == 0 ? "" : ", ") + layout.road_nodes[i].name;
  if (layout.road_nodes.size() > kNamesShown) names += ", ...";
  return fmt::format("the name of a road node in camp.roads.nodes ({})", names);
}

// A road-node key: reported at the key when it names no node. With no road nodes at all the
// layout itself is wrong and has been reported there.
void check_road_node(MapReader& in, std::string_view key, const std::string& name, const CampLayout& layout) {
  if (!layout.road_nodes.empty() && !is_road_node(layout, name))
    in.fail(key, road_node_expected(layout), "'" + name + "'");
}

void read_hazard(MapReader in, TriageHazard& h) {
  in.duration("scale", h.scale, Need::Optional, Range{1, 100 * 365 * kDay});  // > 0
  in.number("shape", h.shape, Need::Optional, Range{0.01, 100});              // > 0
  in.number("first_aid_factor", h.first_aid_factor, Need::Optional, kFactor);
  in.number("resuscitation_factor", h.resuscitation_factor, Need::Optional, kFactor);
  in.number("surgery_factor", h.surgery_factor, Need::Optional, kFactor);
}

void read_survival(MapReader in, SurvivalParams& s) {
  in.duration("horizon", s.horizon, Need::Optional, Range{60, 365 * kDay});
  read_hazard(in.map("immediate"), s.immediate);
  read_hazard(in.map("delayed"), s.delayed);
  read_hazard(in.map("minimal"), s.minimal);
}

void read_first_aid(MapReader in, FirstAidParams& f, bool enabled, const CampLayout& layout) {
  in.number("buddy_aid_share", f.buddy_aid_share, Need::Optional, kShare);
  in.distribution("buddy_aid_delay", f.buddy_aid_delay, Need::Optional, ValueUnit::Duration, kDelay);
  in.list_of_text("responder_posts", f.responder_posts);
  if (enabled)
    for (const std::string& post : f.responder_posts) check_road_node(in, "responder_posts", post, layout);
  in.duration("responder_mobilization", f.responder_mobilization, Need::Optional, kDelay);
  in.number("responder_speed_mps", f.responder_speed_mps, Need::Optional, kFootSpeed);
  in.boolean("responders_wait_for_containment", f.responders_wait_for_containment);
}

// One chain: when the key is given its list replaces the default chain whole ([] = no levels).
void read_chain(MapReader& in, std::string_view key, ApprovalChain& chain) {
  if (!in.has(key)) return;
  std::vector<ApprovalLevel> levels;
  std::set<std::string> names;
  in.list(key, Need::Optional, [&](MapReader& item, std::size_t) {
    ApprovalLevel level;
    item.text("name", level.name, Need::Required);
    item.distribution("delay", level.delay, Need::Required, ValueUnit::Duration, kDelay);
    item.number("unavailable_probability", level.unavailable_probability, Need::Optional, kShare);
    item.duration("unavailable_extra_delay", level.unavailable_extra_delay, Need::Optional, kDelay);
    if (level.name.empty() && item.has("name")) item.fail("name", "a level name", "nothing");
    if (!level.name.empty() && !names.insert(level.name).second)
      item.fail("name", "a level name not used before in this chain", "'" + level.name + "' again");
    levels.push_back(std::move(level));
  });
  chain.levels = std::move(levels);
}

void read_casevac(MapReader in, CasevacParams& c) {
  in.distribution("request_delay", c.request_delay, Need::Optional, ValueUnit::Duration, kDelay);
  in.number("night_unavailability_factor", c.night_unavailability_factor, Need::Optional, Range{0, 100});
  in.text("hospital_nation", c.hospital_nation);
  if (c.hospital_nation.empty()) in.fail("hospital_nation", "a contingent code, like CHN", "nothing");
  MapReader approval = in.map("approval");
  approval.integer("pre_authorized_skip_levels", c.approval.pre_authorized_skip_levels, Need::Optional, Range{0, 10});
  read_chain(approval, "same_nation", c.approval.same_nation);
  read_chain(approval, "other_nation", c.approval.other_nation);
}

void read_ambulances(MapReader in, AmbulanceParams& a, bool enabled, const CampLayout& layout) {
  in.integer("vehicles", a.vehicles, Need::Optional, Range{0, 100});
  in.integer("armoured", a.armoured, Need::Optional, Range{0, 100});
  in.choice("station", a.station, Need::Optional,
            {{"hospital", AmbulanceStation::Hospital},
             {"main_gate", AmbulanceStation::MainGate},
             {"roving", AmbulanceStation::Roving}});
  in.text("hospital_node", a.hospital_node, enabled ? Need::Required : Need::Optional);
  in.text("gate_node", a.gate_node, enabled && a.station == AmbulanceStation::MainGate ? Need::Required : Need::Optional);
  in.integer("capacity", a.capacity, Need::Optional, Range{1, 20});
  in.integer("standby_crews", a.standby_crews, Need::Optional, Range{0, 100});
  in.integer("called_in_crews", a.called_in_crews, Need::Optional, Range{0, 100});
  in.duration("mobilization_day", a.mobilization_day, Need::Optional, kDelay);
  in.duration("mobilization_night", a.mobilization_night, Need::Optional, kDelay);
  in.distribution("call_in_delay", a.call_in_delay, Need::Optional, ValueUnit::Duration, kDelay);
  in.number("drive_speed_mps", a.drive_speed_mps, Need::Optional, kDriveSpeed);
  in.distribution("loading_per_casualty", a.loading_per_casualty, Need::Optional, ValueUnit::Duration, kDelay);
  in.duration("handover_at_hospital", a.handover_at_hospital, Need::Optional, kDelay);
  in.boolean("escort_required_during_attack", a.escort_required_during_attack);
  in.distribution("outside_drive", a.outside_drive, Need::Optional, ValueUnit::Duration, kDelay);

  if (a.armoured > a.vehicles)
    in.fail("armoured", fmt::format("at most vehicles ({})", a.vehicles), std::to_string(a.armoured));
  if (!enabled) return;
  if (a.vehicles < 1) in.fail("vehicles", "at least 1 while medical.enabled is true", std::to_string(a.vehicles));
  if (a.standby_crews + a.called_in_crews < 1)
    in.fail("standby_crews", "at least one crew (standby_crews + called_in_crews) while medical.enabled is true",
            "none");
  if (in.has("hospital_node")) check_road_node(in, "hospital_node", a.hospital_node, layout);
  if (in.has("gate_node")) check_road_node(in, "gate_node", a.gate_node, layout);
}

// A key that the severity -> care mapping replaced: an error that says where it went, rather
// than "unknown key", so an old scenario is fixed in one step.
void report_moved(MapReader& in, std::string_view key, std::string_view now_at) {
  if (in.has(key))
    in.fail(key, fmt::format("this value under {} (the key moved there)", now_at), fmt::format("the retired key '{}'", key));
}

void read_care_need(MapReader in, CareNeeds& c) {
  in.number("surgery", c.surgery, Need::Optional, kShare);
  in.number("icu", c.icu, Need::Optional, kShare);
  in.number("evacuation", c.evacuation, Need::Optional, kShare);
}

// One mapping per triage category; killed outright never reaches care (no key for it).
void read_care_needs(MapReader in, CareNeedsParams& c) {
  read_care_need(in.map("immediate"), c.immediate);
  read_care_need(in.map("delayed"), c.delayed);
  read_care_need(in.map("minimal"), c.minimal);
}

void read_hospital(MapReader in, HospitalParams& h) {
  in.duration("triage_time", h.triage_time, Need::Optional, kDelay);
  in.integer("resuscitation_bays", h.resuscitation_bays, Need::Optional, Range{1, kCount.max});
  in.distribution("resuscitation_time_immediate", h.resuscitation_time_immediate, Need::Optional, ValueUnit::Duration,
                  kDelay);
  in.distribution("resuscitation_time_delayed", h.resuscitation_time_delayed, Need::Optional, ValueUnit::Duration,
                  kDelay);
  in.distribution("minor_treatment_time", h.minor_treatment_time, Need::Optional, ValueUnit::Duration, kDelay);
  in.integer("operating_tables", h.operating_tables, Need::Optional, Range{1, kCount.max});
  // Teams may outnumber tables (they relieve each other) and the night may have more than the day.
  in.integer("surgical_teams_day", h.surgical_teams_day, Need::Optional, Range{1, kCount.max});
  in.integer("surgical_teams_night", h.surgical_teams_night, Need::Optional, kCount);
  in.duration("team_call_in", h.team_call_in, Need::Optional, kDelay);
  MapReader shifts = in.map("shifts");
  shifts.duration("day_start", h.shifts.day_start, Need::Optional, Range{0, kDay - 1});
  shifts.duration("night_start", h.shifts.night_start, Need::Optional, Range{0, kDay - 1});
  if (h.shifts.day_start == h.shifts.night_start)
    shifts.fail("night_start", "a time of day other than day_start", "the same time");
  report_moved(in, "surgery_share_immediate", "medical.care_needs.immediate.surgery");
  report_moved(in, "surgery_share_delayed", "medical.care_needs.delayed.surgery");
  in.distribution("surgery_time_immediate", h.surgery_time_immediate, Need::Optional, ValueUnit::Duration, kDelay);
  in.distribution("surgery_time_delayed", h.surgery_time_delayed, Need::Optional, ValueUnit::Duration, kDelay);
  in.integer("icu_beds", h.icu_beds, Need::Optional, Range{1, kCount.max});
  in.integer("ward_beds", h.ward_beds, Need::Optional, Range{1, 10 * kCount.max});
  in.distribution("icu_stay", h.icu_stay, Need::Optional, ValueUnit::Duration, kStay);
  in.distribution("ward_stay", h.ward_stay, Need::Optional, ValueUnit::Duration, kStay);
  in.integer("mass_casualty_threshold", h.mass_casualty_threshold, Need::Optional, Range{1, kCount.max});
  in.integer("surge_bays", h.surge_bays, Need::Optional, kCount);
}

void read_routine_admissions(MapReader in, RoutineAdmissionParams& r) {
  in.number("per_day", r.per_day, Need::Optional, Range{0, 1000});
  in.number("surgery_share", r.surgery_share, Need::Optional, kShare);
  in.distribution("surgery_time", r.surgery_time, Need::Optional, ValueUnit::Duration, kDelay);
  in.distribution("stay", r.stay, Need::Optional, ValueUnit::Duration, kStay);
}

void read_air_evacuation(MapReader in, AirEvacuationParams& a) {
  report_moved(in, "share_immediate", "medical.care_needs.immediate.evacuation");
  report_moved(in, "share_delayed", "medical.care_needs.delayed.evacuation");
  in.duration("stabilization", a.stabilization, Need::Optional, kLongDelay);
  in.integer("helicopters", a.helicopters, Need::Optional, Range{0, 100});  // 0: no air evacuation
  in.distribution("mission_time", a.mission_time, Need::Optional, ValueUnit::Duration, kLongDelay);
  in.boolean("night_flying", a.night_flying);
  in.number("sandstorm_day_share", a.sandstorm_day_share, Need::Optional, kShare);
}

constexpr Range kCasualtiesPerIncident{1, kMaxExternalPerIncident - 1};
constexpr Range kScriptedCount{0, kMaxExternalPerIncident - 1};
constexpr double kShareSumTolerance = 1e-9;

enum class ExternalMode { Road, Helicopter };

void read_external_script(MapReader& item, ExternalIncidentScript& s) {
  item.duration("at", s.at, Need::Required, Range{0, 100 * 365 * kDay});
  item.integer("immediate", s.immediate, Need::Optional, kScriptedCount);
  item.integer("delayed", s.delayed, Need::Optional, kScriptedCount);
  item.integer("minimal", s.minimal, Need::Optional, kScriptedCount);
  ExternalMode mode = s.by_helicopter ? ExternalMode::Helicopter : ExternalMode::Road;
  item.choice("by", mode, Need::Optional, {{"road", ExternalMode::Road}, {"helicopter", ExternalMode::Helicopter}});
  s.by_helicopter = mode == ExternalMode::Helicopter;
  item.duration("arrival_delay", s.arrival_delay, Need::Required, kLongDelay);
  const int total = s.immediate + s.delayed + s.minimal;
  if (total < 1) item.fail("immediate", "at least one casualty (immediate + delayed + minimal)", "none");
  if (total > kMaxExternalPerIncident - 1)
    item.fail("immediate", fmt::format("at most {} casualties in one incident", kMaxExternalPerIncident - 1),
              std::to_string(total));
}

void read_external(MapReader in, ExternalInflowParams& e) {
  in.boolean("enabled", e.enabled);
  in.number("incidents_per_year", e.incidents_per_year, Need::Optional, Range{0, 10000});
  in.distribution("casualties_per_incident", e.casualties_per_incident, Need::Optional, ValueUnit::Number,
                  kCasualtiesPerIncident);
  in.number("share_immediate", e.share_immediate, Need::Optional, kShare);
  in.number("share_delayed", e.share_delayed, Need::Optional, kShare);
  in.number("share_minimal", e.share_minimal, Need::Optional, kShare);
  if (const double sum = e.share_immediate + e.share_delayed + e.share_minimal;
      std::abs(sum - 1) > kShareSumTolerance)
    in.fail(in.has("share_minimal") ? "share_minimal" : in.has("share_delayed") ? "share_delayed" : "share_immediate",
            "share_immediate + share_delayed + share_minimal = 1", fmt::format("a sum of {}", sum));
  in.number("ied_share", e.ied_share, Need::Optional, kShare);
  in.number("helicopter_share", e.helicopter_share, Need::Optional, kShare);
  in.distribution("helicopter_delay", e.helicopter_delay, Need::Optional, ValueUnit::Duration, kLongDelay);
  in.distribution("road_delay", e.road_delay, Need::Optional, ValueUnit::Duration, kLongDelay);
  if (!in.has("scripted")) return;
  std::vector<ExternalIncidentScript> scripted;
  in.list("scripted", Need::Optional, [&](MapReader& item, std::size_t) {
    ExternalIncidentScript s;
    read_external_script(item, s);
    scripted.push_back(s);
  });
  e.scripted = std::move(scripted);
}

}  // namespace

void read_medical(MapReader in, const CampLayout& layout, MedicalParams& out) {
  in.boolean("enabled", out.enabled);
  read_survival(in.map("survival"), out.survival);
  read_first_aid(in.map("first_aid"), out.first_aid, out.enabled, layout);
  read_casevac(in.map("casevac"), out.casevac);
  // On, the chain needs at least the hospital's road node, so the ambulances section is required.
  read_ambulances(in.map("ambulances", out.enabled ? Need::Required : Need::Optional), out.ambulances, out.enabled,
                  layout);
  read_hospital(in.map("hospital"), out.hospital);
  read_care_needs(in.map("care_needs"), out.care_needs);
  read_routine_admissions(in.map("routine_admissions"), out.routine_admissions);
  read_air_evacuation(in.map("air_evacuation"), out.air_evacuation);
  read_external(in.map("external"), out.external);
}

}  // namespace campsim::camp
