#include "sim/camp/medical/medical_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/camp/medical/patient_draws.hpp"
#include "sim/engine/number_format.hpp"
#include "sim/stats/sample_statistics.hpp"

namespace campsim::camp {

namespace {

using nlohmann::ordered_json;

constexpr double kMin = engine::kMinute;

ordered_json share_or_null(long hits, long of) {
  if (of <= 0) return nullptr;
  return static_cast<double>(hits) / static_cast<double>(of);
}

bool reached_within(SimTime at, SimTime injury, SimTime target) { return std::isfinite(at) && at - injury <= target; }

// Level names of both chains, in order of first appearance.
std::vector<std::string> approval_level_names(const MedicalParams& params) {
  std::vector<std::string> names;
  for (const ApprovalChain* chain : {&params.casevac.approval.other_nation, &params.casevac.approval.same_nation})
    for (const ApprovalLevel& level : chain->levels)
      if (std::find(names.begin(), names.end(), level.name) == names.end()) names.push_back(level.name);
  return names;
}

ordered_json compliance_json(const MedicalOutcome& outcome) {
  long wounded = 0, first_aid_ok = 0, resus_eligible = 0, resus_ok = 0, surgery_eligible = 0, surgery_ok = 0;
  for (const CareRecord& r : outcome.casualties) {
    if (r.triage == Triage::Killed) continue;
    ++wounded;
    first_aid_ok += reached_within(r.first_aid, r.injury, kFirstAidTarget) ? 1 : 0;
    if (r.triage == Triage::Immediate || r.triage == Triage::Delayed) {
      ++resus_eligible;
      resus_ok += reached_within(r.resuscitation, r.injury, kResuscitationTarget) ? 1 : 0;
    }
    if (r.needs_surgery) {
      ++surgery_eligible;
      surgery_ok += reached_within(r.surgery, r.injury, kSurgeryTarget) ? 1 : 0;
    }
  }
  return {{"first_aid_10min", share_or_null(first_aid_ok, wounded)},
          {"resuscitation_1h", share_or_null(resus_ok, resus_eligible)},
          {"surgery_2h", share_or_null(surgery_ok, surgery_eligible)},
          {"first_aid_eligible", wounded},
          {"resuscitation_eligible", resus_eligible},
          {"surgery_eligible", surgery_eligible}};
}

ordered_json outcomes_json(const MedicalOutcome& outcome) {
  long wounded = 0, killed = 0, dow = 0, before = 0, transit = 0, hospital = 0, survived = 0, flown = 0, in_care = 0,
       reached = 0;
  for (const CareRecord& r : outcome.casualties) {
    if (r.outcome == CareOutcome::Killed) {
      ++killed;
      continue;
    }
    ++wounded;
    reached += std::isfinite(r.at_hospital) && !(r.died < r.at_hospital) ? 1 : 0;
    switch (r.outcome) {
      case CareOutcome::DiedOfWounds:
        ++dow;
        before += r.died_where == DeathPlace::BeforePickup ? 1 : 0;
        transit += r.died_where == DeathPlace::InTransit ? 1 : 0;
        hospital += r.died_where == DeathPlace::AtHospital ? 1 : 0;
        break;
      case CareOutcome::Survived: ++survived; break;
      case CareOutcome::EvacuatedL3: ++flown; break;
      case CareOutcome::InCare: ++in_care; break;
      case CareOutcome::Killed: break;
    }
  }
  // By cause, every cause listed (batch tables need the same columns in every run): the deaths
  // inside the camp and on the routes are separate targets (docs/calibration.md).
  ordered_json dow_by_cause = ordered_json::object();
  for (Cause cause : {Cause::IndirectFire, Cause::VehicleBomb, Cause::Gunfire, Cause::RoadsideBomb, Cause::Stones, Cause::Fire}) {
    long n = 0;
    for (const CareRecord& r : outcome.casualties) n += r.outcome == CareOutcome::DiedOfWounds && r.cause == cause ? 1 : 0;
    dow_by_cause[std::string(cause_name(cause))] = n;
  }
  return {{"wounded", wounded},         {"killed_outright", killed},    {"died_of_wounds", dow},
          {"died_before_pickup", before}, {"died_in_transit", transit}, {"died_at_hospital", hospital},
          {"survived", survived},       {"evacuated_l3", flown},        {"in_care", in_care},
          {"reached_hospital", reached},
          {"died_of_wounds_share", share_or_null(dow, wounded)},
          {"died_of_wounds_by_cause", dow_by_cause}};
}

// The road from injury to the hospital door, cut into its steps, for casualties who made it.
ordered_json dispatch_json(const MedicalParams& params, const MedicalOutcome& outcome) {
  std::vector<double> request, approval, waiting, mobilization, drive_out, loading, drive_in, total, on_scene, escort;
  double approval_sum = 0, total_sum = 0;
  for (const CareRecord& r : outcome.casualties) {
    if (r.triage == Triage::Killed || !std::isfinite(r.at_hospital) || r.died < r.at_hospital) continue;
    // A casualty hurt after its incident's request (or approval) went up waits for neither: the
    // steps are clipped at the injury so they still add up to injury -> hospital.
    const SimTime requested = std::max(r.requested, r.injury);
    const SimTime approved = std::max(r.approved, r.injury);
    request.push_back((requested - r.injury) / kMin);
    approval.push_back((approved - requested) / kMin);
    waiting.push_back((r.assigned - approved) / kMin);
    mobilization.push_back((r.dispatched - r.assigned) / kMin);
    drive_out.push_back((r.on_scene - r.dispatched) / kMin);
    loading.push_back((r.left_scene - r.on_scene) / kMin);
    drive_in.push_back((r.at_hospital - r.left_scene) / kMin);
    total.push_back((r.at_hospital - r.injury) / kMin);
    on_scene.push_back((r.on_scene - r.requested) / kMin);
    escort.push_back(r.escort_wait / kMin);
    approval_sum += approved - requested;
    total_sum += r.at_hospital - r.injury;
  }
  // Requests: one per incident and chain; taken from the first casualty of each.
  std::vector<double> request_approval, request_unavailable;
  const std::vector<std::string> level_names = approval_level_names(params);
  std::vector<std::vector<double>> per_level(level_names.size());
  std::vector<std::pair<int, bool>> seen;
  for (const CareRecord& r : outcome.casualties) {
    if (r.triage == Triage::Killed || !std::isfinite(r.requested)) continue;
    const auto key = std::make_pair(r.incident, r.same_nation);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(key);
    request_approval.push_back(r.approval.total_delay / kMin);
    request_unavailable.push_back(r.approval.unavailability_delay / kMin);
    for (const ApprovalStep& step : r.approval.steps) {
      if (step.skipped) continue;
      const auto at = std::find(level_names.begin(), level_names.end(), step.name) - level_names.begin();
      per_level[static_cast<std::size_t>(at)].push_back(step.delay / kMin);
    }
  }
  ordered_json levels = ordered_json::object();
  for (std::size_t i = 0; i < level_names.size(); ++i) levels[level_names[i]] = stats::mean_or_null(per_level[i]);
  ordered_json p90 = nullptr;
  if (!request_approval.empty()) p90 = stats::quantile_type7(request_approval, 0.9);
  return {{"requests", static_cast<long>(request_approval.size())},
          {"approval_delay_mean_min", stats::mean_or_null(request_approval)},
          {"approval_delay_p90_min", p90},
          {"approval_unavailability_mean_min", stats::mean_or_null(request_unavailable)},
          {"approval_levels_mean_min", levels},
          {"transported", static_cast<long>(total.size())},
          {"request_to_on_scene_mean_min", stats::mean_or_null(on_scene)},
          {"injury_to_hospital_mean_min", stats::mean_or_null(total)},
          {"approval_share_of_delay", total_sum > 0 ? ordered_json(approval_sum / total_sum) : ordered_json(nullptr)},
          {"escort_wait_mean_min", stats::mean_or_null(escort)},
          {"components_mean_min",
           {{"injury_to_request", stats::mean_or_null(request)},
            {"approval", stats::mean_or_null(approval)},
            {"waiting_for_vehicle_or_crew", stats::mean_or_null(waiting)},
            {"mobilization_and_escort", stats::mean_or_null(mobilization)},
            {"drive_to_scene", stats::mean_or_null(drive_out)},
            {"loading", stats::mean_or_null(loading)},
            {"drive_to_hospital", stats::mean_or_null(drive_in)}}}};
}

// Casualties from outside the camp, counted apart from the camp's own (medical.external).
// "arrivals_share": of the casualties who reached the hospital alive, camp and external
// together, the external share (the inflow's part of the L2's combat casework).
ordered_json external_json(const MedicalParams& params, const MedicalOutcome& outcome) {
  long immediate = 0, delayed = 0, minimal = 0, helicopter = 0, road = 0, arrived = 0, admitted = 0, operated = 0,
       icu = 0, evacuated = 0, returned = 0, died = 0, died_before_arrival = 0, in_care = 0;
  for (const CareRecord& r : outcome.external) {
    immediate += r.triage == Triage::Immediate ? 1 : 0;
    delayed += r.triage == Triage::Delayed ? 1 : 0;
    minimal += r.triage == Triage::Minimal ? 1 : 0;
    (r.by_helicopter ? helicopter : road) += 1;
    arrived += std::isfinite(r.at_hospital) ? 1 : 0;
    admitted += std::isfinite(r.bed) ? 1 : 0;
    operated += std::isfinite(r.surgery) ? 1 : 0;
    icu += std::isfinite(r.bed) && r.icu_bed ? 1 : 0;
    evacuated += r.outcome == CareOutcome::EvacuatedL3 ? 1 : 0;
    returned += r.outcome == CareOutcome::Survived ? 1 : 0;
    in_care += r.outcome == CareOutcome::InCare ? 1 : 0;
    died += r.outcome == CareOutcome::DiedOfWounds ? 1 : 0;
    died_before_arrival += r.outcome == CareOutcome::DiedOfWounds && r.died_where == DeathPlace::InTransit ? 1 : 0;
  }
  long camp_arrived = 0;
  for (const CareRecord& r : outcome.casualties)
    camp_arrived += std::isfinite(r.at_hospital) && !(r.died < r.at_hospital) ? 1 : 0;
  return {{"enabled", params.external.enabled},
          {"incidents", outcome.external_incidents},
          {"casualties", static_cast<long>(outcome.external.size())},
          {"immediate", immediate},
          {"delayed", delayed},
          {"minimal", minimal},
          {"by_helicopter", helicopter},
          {"by_road", road},
          {"arrived", arrived},
          {"admitted", admitted},
          {"operated", operated},
          {"icu", icu},
          {"evacuated_l3", evacuated},
          {"returned_to_duty", returned},
          {"in_care", in_care},
          {"died", died},
          {"died_before_arrival", died_before_arrival},
          {"arrivals_share", share_or_null(arrived, arrived + camp_arrived)}};
}

ordered_json resource_json(const CareResourceStats& s) {
  return {{"capacity", s.capacity},
          {"requests", s.requests},
          {"served", s.served},
          {"wait_mean_min", s.mean_wait() / kMin},
          {"wait_max_min", s.wait_max / kMin},
          {"max_queue", s.max_queue},
          {"mean_busy", s.mean_busy()},
          {"mean_queue", s.mean_queue()},
          {"utilisation", s.utilisation()}};
}

std::string minutes_since(SimTime t, SimTime injury) {
  return std::isfinite(t) ? engine::format_number((t - injury) / kMin) : std::string();
}

}  // namespace

nlohmann::ordered_json medical_metrics_json(const MedicalParams& params, const MedicalOutcome& outcome) {
  ordered_json outcomes = outcomes_json(outcome);
  ordered_json resources = ordered_json::object();
  for (const CareResourceStats& s : outcome.resources) resources[s.name] = resource_json(s);
  const double window = outcome.resources.empty() ? 0.0 : outcome.resources.front().window;
  const double vehicle_seconds = window * static_cast<double>(outcome.ambulances.vehicles);
  return {{"enabled", true},
          {"died_of_wounds", outcomes["died_of_wounds"]},
          {"casualties", outcomes},
          {"compliance", compliance_json(outcome)},
          {"dispatch", dispatch_json(params, outcome)},
          {"ambulances",
           {{"vehicles", outcome.ambulances.vehicles},
            {"trips", outcome.ambulances.trips},
            {"crew_call_ins", outcome.ambulances.crew_call_ins},
            {"utilisation", vehicle_seconds > 0 ? outcome.ambulances.busy_seconds / vehicle_seconds : 0.0}}},
          {"hospital",
           {{"routine_admissions", outcome.routine_admissions},
            {"routine_surgeries", outcome.routine_surgeries},
            {"mass_casualty_declarations", outcome.mass_casualty_declarations},
            {"surgery_elsewhere", outcome.surgery_elsewhere},
            {"routine_referred", outcome.routine_referred},
            {"resources", resources}}},
          {"external", external_json(params, outcome)}};
}

engine::RecordTable care_record_table(const MedicalParams& params, const MedicalOutcome& outcome) {
  engine::RecordTable table;
  table.columns = {"casualty",        "incident",          "cause",         "triage",           "contingent",
                   "same_nation",     "injury_h",          "first_aid_min", "first_aid_by",     "request_min",
                   "approved_min",    "approval_delay_min", "assigned_min", "dispatched_min",   "escort_wait_min",
                   "on_scene_min",    "left_scene_min",    "at_hospital_min", "ambulance",      "resuscitation_min",
                   "needs_surgery",   "surgery_min",       "bed_min",       "icu_bed",         "left_hospital_min", "died_min",
                   "died_where",      "outcome"};
  const std::vector<std::string> levels = approval_level_names(params);
  for (const std::string& level : levels) table.columns.push_back("approval." + level + "_min");
  for (const CareRecord& r : outcome.casualties) {
    const bool killed = r.triage == Triage::Killed;
    std::vector<std::string> row = {
        std::to_string(r.casualty),
        std::to_string(r.incident),
        std::string(cause_name(r.cause)),
        std::string(triage_name(r.triage)),
        r.contingent,
        r.same_nation ? "1" : "0",
        engine::format_number(r.injury / engine::kHour),
        minutes_since(r.first_aid, r.injury),
        std::string(first_aid_by_name(std::isfinite(r.first_aid) ? r.first_aid_by : FirstAidBy::None)),
        killed ? "" : minutes_since(r.requested, r.injury),
        killed ? "" : minutes_since(r.approved, r.injury),
        killed || !std::isfinite(r.requested) ? "" : engine::format_number(r.approval.total_delay / kMin),
        minutes_since(r.assigned, r.injury),
        minutes_since(r.dispatched, r.injury),
        std::isfinite(r.assigned) ? engine::format_number(r.escort_wait / kMin) : "",
        minutes_since(r.on_scene, r.injury),
        minutes_since(r.left_scene, r.injury),
        minutes_since(r.at_hospital, r.injury),
        r.ambulance ? std::to_string(r.ambulance->value) : "",
        minutes_since(r.resuscitation, r.injury),
        killed ? "" : (r.needs_surgery ? "1" : "0"),
        minutes_since(r.surgery, r.injury),
        minutes_since(r.bed, r.injury),
        std::isfinite(r.bed) ? (r.icu_bed ? "1" : "0") : "",
        minutes_since(r.left_hospital, r.injury),
        killed ? "0" : minutes_since(r.died, r.injury),
        std::string(death_place_name(r.died_where)),
        std::string(care_outcome_name(r.outcome))};
    for (const std::string& level : levels) {
      std::string cell;
      for (const ApprovalStep& step : r.approval.steps)
        if (step.name == level && !step.skipped && !killed) cell = minutes_since(step.decided, r.injury);
      row.push_back(cell);
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

const std::vector<std::string>& external_record_columns() {
  static const std::vector<std::string> columns = {
      "external_casualty", "external_incident", "external_scripted", "cause",           "triage",
      "transport",         "injury_h",          "first_aid_min",     "at_hospital_min", "resuscitation_min",
      "needs_surgery",     "surgery_min",       "bed_min",           "icu_bed",         "left_hospital_min",
      "died_min",          "died_where",        "outcome"};
  return columns;
}

engine::RecordTable external_record_table(const MedicalOutcome& outcome) {
  engine::RecordTable table;
  table.columns = external_record_columns();
  for (const CareRecord& r : outcome.external) {
    // Scripted incidents are numbered from kScriptedExternalBase inside the chain; the file gives
    // their index in medical.external.scripted instead, with external_scripted 1.
    const auto incident = static_cast<std::uint64_t>(r.incident);
    const bool scripted = incident >= kScriptedExternalBase;
    table.rows.push_back({std::to_string(r.casualty),
                          std::to_string(scripted ? incident - kScriptedExternalBase : incident),
                          scripted ? "1" : "0",
                          std::string(cause_name(r.cause)),
                          std::string(triage_name(r.triage)),
                          r.by_helicopter ? "helicopter" : "road",
                          engine::format_number(r.injury / engine::kHour),
                          minutes_since(r.first_aid, r.injury),
                          minutes_since(r.at_hospital, r.injury),
                          minutes_since(r.resuscitation, r.injury),
                          r.needs_surgery ? "1" : "0",
                          minutes_since(r.surgery, r.injury),
                          minutes_since(r.bed, r.injury),
                          std::isfinite(r.bed) ? (r.icu_bed ? "1" : "0") : "",
                          minutes_since(r.left_hospital, r.injury),
                          minutes_since(r.died, r.injury),
                          std::string(death_place_name(r.died_where)),
                          std::string(care_outcome_name(r.outcome))});
  }
  return table;
}

}  // namespace campsim::camp
