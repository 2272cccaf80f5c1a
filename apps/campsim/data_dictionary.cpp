#include "apps/campsim/data_dictionary.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <sstream>

#include "sim/batch/batch_plan.hpp"
#include "sim/batch/row_text.hpp"
#include "sim/batch/job_rows.hpp"
#include "sim/batch/metrics_columns.hpp"
#include "sim/batch/plan_loader.hpp"
#include "sim/camp/camp_run.hpp"
#include "sim/camp/medical/care_record.hpp"
#include "sim/camp/medical/medical_report.hpp"
#include "sim/camp/protest/escalation_ladder.hpp"
#include "sim/camp/protest/protest_model.hpp"
#include "sim/camp/protest/protest_report.hpp"
#include "sim/camp/core/casualty.hpp"
#include "sim/camp/threats/threat_report.hpp"

namespace campsim::cli {

namespace {

struct ColumnDoc {
  std::string type;
  std::string unit;
  std::string meaning;
};

// The names an enum's values are written as, generated from its name function: every value from
// 0 up until the function repeats itself or gives its fallback ("unknown", "?", ""), so a value
// added to the enum reaches the dictionary without an edit here.
template <typename Enum, typename NameOf>
std::vector<std::string> names_of(NameOf name_of, int first = 0) {
  std::vector<std::string> names;
  for (int i = first; i < 64; ++i) {
    const std::string n(name_of(static_cast<Enum>(i)));
    if (n.empty() || n == "unknown" || n == "?" || std::find(names.begin(), names.end(), n) != names.end()) break;
    names.push_back(n);
  }
  return names;
}

// "a (what a is), b (what b is)": each value with its gloss where there is one.
std::string glossed(const std::vector<std::string>& values, const std::map<std::string, std::string>& gloss) {
  std::string out;
  for (const std::string& v : values) {
    out += (out.empty() ? "" : ", ") + v;
    if (const auto g = gloss.find(v); g != gloss.end()) out += " (" + g->second + ")";
  }
  return out;
}

// The fixed columns, by name. One meaning per name across files: `casualty` is the same id in a
// run's casualties.csv (`id`) and care.csv. Times in care.csv other than injury_h are minutes
// since that casualty's injury.
const std::map<std::string, ColumnDoc>& fixed_columns() {
  static const std::map<std::string, ColumnDoc> docs{
      // keys of every batch table
      {"design_point", {"integer", "id", "design point, numbered as batch.json lists them (0 without a design)"}},
      {"policy", {"text", "", "policy name: the file stem of the scenario or policy file"}},
      {"replication", {"integer", "id", "replication number r; replication r of every policy uses the same random numbers"}},
      {"seed", {"integer", "id", "the batch's seed (random streams are keyed by seed and replication)"}},
      // timeseries.csv
      {"t_s", {"number", "s", "time since the run's start"}},
      {"time_of_day_h", {"number", "h", "local time of day, 0-24"}},
      {"guards_required", {"integer", "people", "sentries the posts require at this time"}},
      {"guards_on_post", {"integer", "people", "sentries standing at their posts at this time"}},
      {"mean_vigilance", {"number", "0-1", "mean vigilance of the sentries on post (NA when nobody is)"}},
      {"min_vigilance", {"number", "0-1", "lowest vigilance of a sentry on post (NA when nobody is)"}},
      {"soldiers_unfit", {"integer", "people", "soldiers of the company unfit for duty today"}},
      {"unit_experience", {"number", "0-1", "experience of the unit in theatre (learning curve after rotation)"}},
      // timeseries.csv: the census; the six counts add up to the world's population at every sample
      {"people_present", {"integer", "people", "in the camp, fit, going about the day (on post, at work, at home)"}},
      {"people_away",
       {"integer", "people",
        "alive and fit but out of the camp: on the routes or in town by the schedule, or a guard unit gone home after rotation"}},
      {"people_sheltering",
       {"integer", "people", "answering an alarm: running to a bunker, at its door, inside, or stranded outside full ones"}},
      {"people_wounded_in_care", {"integer", "people", "hurt and not yet back on duty"}},
      {"people_evacuated", {"integer", "people", "flown out to a Level 3 hospital, gone for the rest of the run"}},
      {"people_dead", {"integer", "people", "killed outright or died of wounds, to this time"}},
      // casualties.csv (the run's list of injuries)
      {"id", {"integer", "id", "casualty id (the `casualty` column of care.csv)"}},
      {"incident", {"integer", "id", "incident id: the attack or protest that caused the injury, as in events.jsonl"}},
      {"x_m", {"number", "m", "position east of the camp origin"}},
      {"y_m", {"number", "m", "position north of the camp origin"}},
      {"cause",
       {"text", "",
        "what injured them: " +
            glossed(names_of<camp::Cause>(camp::cause_name),
                    {{"indirect_fire", "rockets and mortars"},
                     {"vehicle_bomb", "a vehicle-borne bomb at the wall or a gate"},
                     {"gunfire", "shots: intruders and the fight of an infiltration or complex attack, and the force's "
                                 "live fire at a protest, whose civilian casualties have contingent civilian; in "
                                 "external.csv an ambush or attack by gunfire outside the camp"},
                     {"roadside_bomb", "an IED or mine against a convoy, patrol or base outside the camp"},
                     {"stones", "thrown by a protest at the force and the police"},
                     {"fire", "Molotov cocktails thrown by a protest"}})}},
      {"triage",
       {"text", "",
        "triage category: " + glossed(names_of<camp::Triage>(camp::triage_name),
                                      {{"killed", "killed outright"},
                                       {"T1_immediate", "life-threatening, treatable"},
                                       {"T2_delayed", "serious, can wait"},
                                       {"T3_minimal", "walking wounded"}})}},
      {"contingent",
       {"text", "",
        "whose person was hurt: a national contingent code of the scenario's layout (e.g. CHN for the Chinese lines), "
        "UN for the mission's mixed multinational staff and residents and for casualties from outside the camp, "
        "UNPOL for the formed police unit at a protest, civilian for a protester hurt by the force"}},
      {"inside_camp", {"0/1", "", "1 if injured inside the perimeter"}},
      {"person",
       {"integer", "id",
        "the world's person who was hurt (a route's victims too: people of the convoy's contingent out of the camp); NA "
        "for someone who is not one of the camp's people: a protester, a police officer at a protest, a QRF member"}},
      // care.csv (each casualty's path through the medical chain)
      {"casualty", {"integer", "id", "casualty id (the `id` column of the run's casualties.csv)"}},
      {"same_nation", {"0/1", "", "1 if the casualty's nation runs the approval chain (same-nation request)"}},
      {"injury_h", {"number", "h", "time of injury since the run's start"}},
      {"first_aid_min", {"number", "min", "first aid began, minutes after injury (NA: never)"}},
      {"first_aid_by",
       {"text", "",
        "who gave first aid: " + glossed(names_of<camp::FirstAidBy>(camp::first_aid_by_name, 1), {}) + " (NA: nobody)"}},
      {"request_min", {"number", "min", "CASEVAC requested, minutes after injury"}},
      {"approved_min", {"number", "min", "CASEVAC approved, minutes after injury"}},
      {"approval_delay_min", {"number", "min", "time the approval chain took (request to approval)"}},
      {"assigned_min", {"number", "min", "ambulance assigned, minutes after injury"}},
      {"dispatched_min", {"number", "min", "ambulance left, minutes after injury"}},
      {"escort_wait_min", {"number", "min", "time the ambulance waited for its escort"}},
      {"on_scene_min", {"number", "min", "ambulance on scene, minutes after injury"}},
      {"left_scene_min", {"number", "min", "ambulance left the scene, minutes after injury"}},
      {"at_hospital_min", {"number", "min", "arrived at the Level 2 hospital, minutes after injury"}},
      {"ambulance", {"integer", "id", "ambulance that carried the casualty (NA: none)"}},
      {"resuscitation_min", {"number", "min", "resuscitation began, minutes after injury"}},
      {"needs_surgery", {"0/1", "", "1 if the wound needs surgery (NA for those killed outright)"}},
      {"surgery_min", {"number", "min", "surgery began, minutes after injury"}},
      {"bed_min", {"number", "min", "admitted to an ICU or ward bed, minutes after injury"}},
      {"icu_bed", {"0/1", "", "1 if the bed was in the ICU (medical.care_needs), 0 a ward bed (NA: no bed)"}},
      {"left_hospital_min", {"number", "min", "left the Level 2 hospital, minutes after injury"}},
      {"died_min", {"number", "min", "died, minutes after injury (0 for killed outright; NA: survived)"}},
      {"died_where",
       {"text", "",
        "where a died-of-wounds casualty died: " + glossed(names_of<camp::DeathPlace>(camp::death_place_name, 1), {}) +
            " (NA: did not)"}},
      {"outcome",
       {"text", "",
        "how the casualty left the chain: " +
            glossed(names_of<camp::CareOutcome>(camp::care_outcome_name),
                    {{"killed", "killed outright"},
                     {"died_of_wounds", "died after injury, in the chain's care"},
                     {"survived", "treated and returned to duty"},
                     {"evacuated_l3", "flown out to a Level 3 hospital"},
                     {"in_care", "still in the chain's care when the run ended (awaiting pickup, in hospital or "
                                 "waiting for a flight)"}})}},
      // external.csv (one row per casualty from outside the camp)
      {"external_casualty",
       {"integer", "id", "number of the casualty from outside the camp, in the order they were hurt (not a camp casualty id)"}},
      {"external_incident",
       {"integer", "id",
        "the incident outside the camp that hurt them: the inflow's own count from 0, or for a scripted one its index in "
        "medical.external.scripted"}},
      {"external_scripted", {"0/1", "", "1 if the incident is one of medical.external.scripted, 0 if drawn at random"}},
      {"transport",
       {"text", "", "how they reached the Level 2: helicopter (flown in to Gao airport) or road (with their convoy)"}},
      // protests.csv (one row per protest)
      {"protest", {"integer", "id", "protest number within the run, in order of marching"}},
      {"scripted", {"0/1", "", "1 if the scenario scripted this protest (a replay), 0 if the town decided to march"}},
      {"marched_s", {"number", "s", "the crowd set off from town, seconds since the run's start"}},
      {"at_gate_s", {"number", "s", "the crowd assembled at the gate (NA: never got there)"}},
      {"ended_s", {"number", "s", "the protest ended (NA: still going when the run ended)"}},
      {"end",
       {"text", "",
        "how it ended: " + glossed([] {
          std::vector<std::string> v = names_of<camp::protest::ProtestEnd>(
              [](camp::protest::ProtestEnd e) { return camp::protest::name(e); });
          v.erase(std::remove(v.begin(), v.end(), "ongoing"), v.end());
          return v;
        }(),
                                   {{"dispersed", "the crowd dispersed"},
                                    {"melted_away", "the crowd went home"},
                                    {"dusk", "it lasted crowd.max_duration, the longest a protest goes on"},
                                    {"breach", "the crowd broke into the camp"},
                                    {"run_ended", "still going when the run ended"}})}},
      {"crowd", {"integer", "people", "protesters who set off from town"}},
      {"peak_level",
       {"text", "",
        "highest rung of the crowd's escalation ladder reached: " +
            glossed(names_of<camp::protest::CrowdLevel>([](camp::protest::CrowdLevel l) { return camp::protest::name(l); }),
                    {})}},
      {"civilians_killed", {"integer", "people", "protesters killed by the force's fire"}},
      {"civilians_wounded", {"integer", "people", "protesters wounded, not killed, by the force's fire"}},
      {"civilians_to_camp_hospital",
       {"integer", "people", "wounded protesters brought to the camp's own hospital (the rest go to Gao's)"}},
      {"police_hurt", {"integer", "people", "UN police (UNPOL) hurt by stones and Molotov cocktails"}},
      {"peacekeepers_hurt", {"integer", "people", "soldiers of the force hurt by stones and Molotov cocktails"}},
      {"legitimacy_before", {"number", "0-1", "the force's legitimacy in the town's eyes when the crowd set off"}},
      {"legitimacy_after", {"number", "0-1", "the force's legitimacy in the town's eyes when the protest ended"}},
      {"understanding", {"number", "0-1", "share of the crowd the force can address in its own language (interpreters)"}},
      {"negotiation_rounds", {"integer", "count", "rounds of talks between the force and the crowd's leaders"}},
      {"negotiation_successes", {"integer", "count", "rounds of talks that sent part of the crowd home"}},
      {"tear_gas_uses", {"integer", "count", "canisters of tear gas fired"}},
      {"warning_shot_uses", {"integer", "count", "bursts of warning shots fired over the crowd"}},
      {"lethal_force_uses", {"integer", "count", "bursts of live fire aimed at the crowd"}},
      {"stone_throwing_s", {"number", "s", "the crowd first threw stones, seconds since the run's start (NA: never)"}},
      {"molotov_s", {"number", "s", "the crowd first threw Molotov cocktails, seconds since the run's start (NA: never)"}},
      {"breach_attempt_s", {"number", "s", "the crowd first tried to break in, seconds since the run's start (NA: never)"}},
      {"lethal_force_granted_s",
       {"number", "s", "the chain of command authorised lethal force, seconds since the run's start (NA: never)"}},
  };
  return docs;
}

// A metric column's unit and meaning, from the path in metrics.json: families with a name in the
// middle (a post, a kind of attack, a hospital resource) by rule, the rest by name. Nothing for a
// column not described here yet (the dictionary's test fails on it).
struct MetricDoc {
  std::string unit, meaning;
};

std::vector<std::string> parts_of(const std::string& name) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t dot = name.find('.'); dot != std::string::npos; dot = name.find('.', start)) {
    parts.push_back(name.substr(start, dot - start));
    start = dot + 1;
  }
  parts.push_back(name.substr(start));
  return parts;
}

std::optional<MetricDoc> triage_count_doc(const std::string& field, const std::string& whose) {
  static const std::map<std::string, std::string> what{{"killed", "people killed outright"},
                                                       {"T1_immediate", "people wounded T1 (immediate: life-threatening)"},
                                                       {"T2_delayed", "people wounded T2 (delayed: serious, can wait)"},
                                                       {"T3_minimal", "people wounded T3 (minimal: walking wounded)"},
                                                       {"total", "people killed or wounded"}};
  const auto at = what.find(field);
  if (at == what.end()) return std::nullopt;
  return MetricDoc{"people", at->second + " " + whose + " (protests' casualties are counted under protests)"};
}

std::optional<MetricDoc> metric_doc(const std::string& name) {
  const std::vector<std::string> p = parts_of(name);
  const std::string& leaf = p.back();
  static const std::map<std::string, std::string> kinds{{"indirect_fire", "indirect-fire attacks (rockets, mortars)"},
                                                        {"vehicle_bomb", "vehicle-bomb attacks"},
                                                        {"infiltration", "infiltrations (intruders through the wire)"},
                                                        {"complex_attack", "complex attacks (bomb, fire and assault together)"},
                                                        {"roadside_bomb", "roadside bombs against convoys and patrols"}};
  // guards.posts.<post>.<field> and guards.coverage.<field>: the same fields, one post or all.
  if (p.size() == 4 && p[0] == "guards" && p[1] == "posts") {
    const std::string post = "post " + p[2];
    static const std::map<std::string, MetricDoc> fields{
        {"coverage", {"0-1", "share of the sentry-hours {P} required that were manned"}},
        {"required_guard_hours", {"h", "sentry-hours {P} required over the run (sentries required times hours)"}},
        {"manned_guard_hours", {"h", "sentry-hours actually stood at {P}"}},
        {"duties", {"count", "duty periods (one sentry for one shift) scheduled at {P}"}},
        {"unfilled_duties", {"count", "duty periods at {P} nobody could be found to stand"}},
        {"casualty_unmanned_guard_hours", {"h", "sentry-hours {P} stood empty because its sentry had been hit"}}};
    if (const auto f = fields.find(p[3]); f != fields.end()) {
      MetricDoc d = f->second;
      d.meaning.replace(d.meaning.find("{P}"), 3, post);
      return d;
    }
  }
  if (p.size() == 3 && p[0] == "guards" && p[1] == "duty_hours_per_soldier_per_day") {
    if (leaf == "soldiers") return MetricDoc{"people", "soldiers of every unit that served, over whom the duty statistics are taken"};
    static const std::map<std::string, std::string> stat{{"mean", "mean"}, {"min", "fewest"}, {"p10", "10th percentile of"},
                                                         {"median", "median"}, {"p90", "90th percentile of"}, {"max", "most"}};
    if (const auto s = stat.find(leaf); s != stat.end())
      return MetricDoc{"h", s->second + " hours on post a day in theatre, over the soldiers who served"};
  }
  // threats.by_kind.<kind>.<field>
  if (p.size() == 4 && p[0] == "threats" && p[1] == "by_kind") {
    const std::string k = kinds.count(p[2]) ? kinds.at(p[2]) : p[2] + " attacks";
    static const std::map<std::string, MetricDoc> fields{
        {"incidents", {"count", "{K} in the run"}},
        {"detected", {"count", "{K} the camp detected (a sentry, a radar or the attack's own noise)"}},
        {"detected_share", {"0-1", "share of {K} detected (NA: none happened)"}},
        {"mean_minutes_to_detection", {"min", "mean time from the start of {K} to detection, over those detected"}},
        {"mean_minutes_detection_to_qrf_alert", {"min", "mean time from detection to the QRF's alert, over {K} the QRF answered"}},
        {"mean_minutes_detection_to_qrf_on_scene", {"min", "mean time from detection to the QRF on scene, over {K} the QRF answered"}},
        {"mean_minutes_detection_to_contained", {"min", "mean time from detection to the attack contained, over {K} the QRF answered"}},
        {"killed", {"people", "people killed outright by {K}"}},
        {"wounded", {"people", "people wounded (T1 to T3) by {K}"}}};
    if (const auto f = fields.find(p[3]); f != fields.end()) {
      MetricDoc d = f->second;
      d.meaning.replace(d.meaning.find("{K}"), 3, k);
      return d;
    }
  }
  if (p.size() == 3 && p[0] == "threats" && p[1] == "casualties") return triage_count_doc(leaf, "by attacks of every kind");
  if (p.size() == 4 && p[0] == "threats" && p[1] == "casualties_by_cause")
    return triage_count_doc(leaf, "by " + p[2] + (p[2] == "gunfire" ? " (intruders' shots)" : ""));
  if (p.size() == 4 && p[0] == "medical" && p[1] == "casualties" && p[2] == "died_of_wounds_by_cause")
    return MetricDoc{"people", "wounded hurt by " + p[3] + " who died of their wounds in the chain's care"};
  if (p.size() == 4 && p[0] == "threats" && p[1] == "casualties_by_contingent")
    return triage_count_doc(leaf, "of contingent " + p[2] + " in attacks");
  // medical.hospital.resources.<resource>.<field>
  if (p.size() == 5 && p[0] == "medical" && p[2] == "resources") {
    static const std::map<std::string, std::string> nouns{{"helicopters", "medevac helicopters"},
                                                          {"icu_beds", "ICU beds"},
                                                          {"operating_tables", "operating tables"},
                                                          {"resuscitation_bays", "resuscitation bays"},
                                                          {"ward_beds", "ward beds"}};
    const std::string r = nouns.count(p[3]) ? nouns.at(p[3]) : p[3];
    static const std::map<std::string, MetricDoc> fields{
        {"capacity", {"count", "{R} the Level 2 hospital has"}},
        {"requests", {"count", "patients (casualties and routine cases) who needed one of the {R}"}},
        {"served", {"count", "patients who got one of the {R} before the run ended"}},
        {"wait_mean_min", {"min", "mean wait for one of the {R}, over those served"}},
        {"wait_max_min", {"min", "longest wait for one of the {R}"}},
        {"max_queue", {"people", "most patients waiting for one of the {R} at once"}},
        {"mean_busy", {"count", "time-average number of {R} in use"}},
        {"mean_queue", {"people", "time-average number of patients waiting for one of the {R}"}},
        {"utilisation", {"0-1", "share of the {R}' time in use (mean busy over capacity)"}}};
    if (const auto f = fields.find(p[4]); f != fields.end()) {
      MetricDoc d = f->second;
      d.meaning.replace(d.meaning.find("{R}"), 3, r);
      return d;
    }
  }
  if (p.size() == 4 && p[0] == "medical" && p[2] == "approval_levels_mean_min")
    return MetricDoc{"min", "mean time the " + p[3] + " level of the approval chain took per CASEVAC request that reached it"};
  if (p.size() == 3 && p[0] == "world" && p[1] == "people_by_role")
    return MetricDoc{"people", "people in the camp whose role is " + p[2] + " at the run's end"};

  static const std::map<std::string, MetricDoc> named{
      {"duration_days", {"d", "simulated length of the run (the scenario's duration or --days)"}},
      {"events_logged", {"count", "records written to the run's events.jsonl"}},
      // camp layout
      {"camp.perimeter_m", {"m", "length of the perimeter fence"}},
      {"camp.area_ha", {"ha", "area inside the perimeter"}},
      {"camp.gates", {"count", "gates through the perimeter fence (the layout's)"}},
      {"camp.towers", {"count", "watchtowers on the perimeter"}},
      {"camp.perimeter_watched_share", {"0-1", "share of the perimeter fence seen from at least one tower"}},
      {"camp.perimeter_watched_by_two_share", {"0-1", "share of the perimeter fence seen from two or more towers"}},
      {"camp.bunker_places", {"people", "people all the bunkers hold together"}},
      {"camp.occupants_night", {"people", "people the layout's zones hold at night"}},
      {"camp.road_network_m", {"m", "length of the camp's roads"}},
      // guards
      {"guards.coverage.overall", {"0-1", "share of all posts' required sentry-hours that were manned"}},
      {"guards.coverage.required_guard_hours", {"h", "sentry-hours all posts required over the run"}},
      {"guards.coverage.manned_guard_hours", {"h", "sentry-hours actually stood at all posts"}},
      {"guards.coverage.duties", {"count", "duty periods (one sentry for one shift) scheduled at all posts"}},
      {"guards.coverage.unfilled_duties", {"count", "duty periods nobody could be found to stand, all posts"}},
      {"guards.coverage.casualty_unmanned_guard_hours", {"h", "sentry-hours posts stood empty because a sentry had been hit"}},
      {"guards.coverage.sentry_casualties", {"people", "sentries hit while on post"}},
      {"guards.handover.handovers", {"count", "shift changes at the posts"}},
      {"guards.handover.gaps", {"count", "shift changes that left a post empty for a while (the relief came late)"}},
      {"guards.handover.gap_share", {"0-1", "share of shift changes that left a post empty"}},
      {"guards.handover.gap_total_minutes", {"min", "total time posts stood empty between shifts"}},
      {"guards.handover.gap_mean_minutes", {"min", "mean length of an empty spell between shifts (0 without any)"}},
      {"guards.handover.gap_max_minutes", {"min", "longest empty spell between shifts"}},
      {"guards.vigilance.mean", {"0-1", "mean vigilance of the sentries on post, over every sample of the run"}},
      {"guards.vigilance.min", {"0-1", "lowest vigilance of any sentry on post at any sample"}},
      {"guards.vigilance.samples", {"count", "vigilance samples taken (one per sentry on post per sampling time)"}},
      {"guards.force.guard_pool", {"people", "soldiers available for guard duty (the scenario's force.guard_pool)"}},
      {"guards.force.soldier_days_unfit", {"count", "soldier-days lost to soldiers unfit for duty (sickness, injury)"}},
      {"guards.force.rotations", {"count", "unit rotations in the run (a new unit arriving in theatre)"}},
      // medical
      {"medical.enabled", {"0/1", "1 if the scenario models the medical chain"}},
      {"medical.died_of_wounds", {"people", "wounded who died after injury, in the chain's care (same as medical.casualties.died_of_wounds)"}},
      {"medical.casualties.wounded", {"people", "camp casualties who reached the chain alive (T1 to T3)"}},
      {"medical.casualties.killed_outright", {"people", "camp casualties dead at the point of injury, never treated"}},
      {"medical.casualties.died_of_wounds", {"people", "wounded who died after injury, in the chain's care"}},
      {"medical.casualties.died_before_pickup", {"people", "wounded who died before an ambulance reached them"}},
      {"medical.casualties.died_in_transit", {"people", "wounded who died in the ambulance"}},
      {"medical.casualties.died_at_hospital", {"people", "wounded who died at the Level 2 hospital"}},
      {"medical.casualties.survived", {"people", "wounded treated and returned to duty"}},
      {"medical.casualties.evacuated_l3", {"people", "wounded flown out to a Level 3 hospital"}},
      {"medical.casualties.in_care", {"people", "wounded still in the chain's care when the run ended"}},
      {"medical.casualties.reached_hospital", {"people", "wounded who reached the Level 2 hospital alive"}},
      {"medical.casualties.died_of_wounds_share", {"0-1", "share of the wounded who died of their wounds (NA: no wounded)"}},
      {"medical.compliance.first_aid_10min", {"0-1", "share of the wounded given first aid within 10 minutes of injury (the 10 of 10-1-2)"}},
      {"medical.compliance.resuscitation_1h", {"0-1", "share of T1 and T2 wounded resuscitated within 1 hour of injury (the 1 of 10-1-2)"}},
      {"medical.compliance.surgery_2h", {"0-1", "share of wounded needing surgery operated on within 2 hours of injury (the 2 of 10-1-2)"}},
      {"medical.compliance.first_aid_eligible", {"people", "wounded counted for first aid within 10 minutes (the share's denominator)"}},
      {"medical.compliance.resuscitation_eligible", {"people", "T1 and T2 wounded counted for resuscitation within 1 hour (the denominator)"}},
      {"medical.compliance.surgery_eligible", {"people", "wounded needing surgery counted for surgery within 2 hours (the denominator)"}},
      {"medical.dispatch.requests", {"count", "CASEVAC requests (one per incident and approval chain)"}},
      {"medical.dispatch.approval_delay_mean_min", {"min", "mean time from CASEVAC request to approval, over requests"}},
      {"medical.dispatch.approval_delay_p90_min", {"min", "90th percentile of the time from CASEVAC request to approval"}},
      {"medical.dispatch.approval_unavailability_mean_min", {"min", "mean part of the approval time spent waiting for an approver who was away"}},
      {"medical.dispatch.transported", {"people", "wounded carried to the hospital by ambulance"}},
      {"medical.dispatch.request_to_on_scene_mean_min", {"min", "mean time from CASEVAC request to the ambulance on scene, over those transported"}},
      {"medical.dispatch.injury_to_hospital_mean_min", {"min", "mean time from injury to the hospital door, over those transported"}},
      {"medical.dispatch.approval_share_of_delay", {"0-1", "approval's share of all the time from injury to hospital, over those transported"}},
      {"medical.dispatch.escort_wait_mean_min", {"min", "mean time ambulances waited for their escort, over those transported"}},
      {"medical.dispatch.components_mean_min.injury_to_request", {"min", "mean time from injury until the CASEVAC request was sent"}},
      {"medical.dispatch.components_mean_min.approval", {"min", "mean time from CASEVAC request to approval, per casualty transported"}},
      {"medical.dispatch.components_mean_min.waiting_for_vehicle_or_crew", {"min", "mean time from approval until an ambulance and crew were assigned"}},
      {"medical.dispatch.components_mean_min.mobilization_and_escort", {"min", "mean time from assignment until the ambulance left, escort included"}},
      {"medical.dispatch.components_mean_min.drive_to_scene", {"min", "mean drive from the ambulance's start to the casualty"}},
      {"medical.dispatch.components_mean_min.loading", {"min", "mean time on scene, loading the casualty"}},
      {"medical.dispatch.components_mean_min.drive_to_hospital", {"min", "mean drive from the scene to the hospital"}},
      {"medical.ambulances.vehicles", {"count", "ambulances the camp has"}},
      {"medical.ambulances.trips", {"count", "ambulance trips to casualties"}},
      {"medical.ambulances.crew_call_ins", {"count", "times an off-duty crew had to be called in"}},
      {"medical.ambulances.utilisation", {"0-1", "share of ambulance time spent on trips"}},
      {"medical.hospital.routine_admissions", {"people", "routine (non-combat) patients admitted to the hospital"}},
      {"medical.hospital.routine_surgeries", {"count", "routine (non-combat) operations"}},
      {"medical.hospital.mass_casualty_declarations", {"count", "times the hospital declared a mass-casualty situation"}},
      {"medical.hospital.surgery_elsewhere",
       {"people", "casualties flown out for an operation because no operating table was left after a hit"}},
      {"medical.hospital.routine_referred",
       {"people", "routine admissions referred elsewhere for an operation because no operating table was left"}},
      {"medical.external.enabled", {"0/1", "1 if casualties from outside the camp come to its hospital"}},
      {"medical.external.incidents", {"count", "incidents outside the camp that sent casualties to its hospital"}},
      {"medical.external.casualties", {"people", "casualties from outside the camp (other units of the mission)"}},
      {"medical.external.immediate", {"people", "casualties from outside triaged T1 (immediate)"}},
      {"medical.external.delayed", {"people", "casualties from outside triaged T2 (delayed)"}},
      {"medical.external.minimal", {"people", "casualties from outside triaged T3 (minimal)"}},
      {"medical.external.by_helicopter", {"people", "casualties from outside flown in"}},
      {"medical.external.by_road", {"people", "casualties from outside brought in by road"}},
      {"medical.external.arrived", {"people", "casualties from outside who reached the hospital"}},
      {"medical.external.admitted", {"people", "casualties from outside given a ward or ICU bed"}},
      {"medical.external.operated", {"people", "casualties from outside operated on"}},
      {"medical.external.icu", {"people", "casualties from outside given an ICU bed"}},
      {"medical.external.evacuated_l3", {"people", "casualties from outside flown on to a Level 3 hospital"}},
      {"medical.external.returned_to_duty", {"people", "casualties from outside treated and returned to duty"}},
      {"medical.external.in_care", {"people", "casualties from outside still in the hospital's care when the run ended"}},
      {"medical.external.died", {"people", "casualties from outside who died of their wounds"}},
      {"medical.external.died_before_arrival", {"people", "casualties from outside who died on the way in"}},
      {"medical.external.arrivals_share", {"0-1", "share of all casualties reaching the hospital alive who came from outside the camp"}},
      // threats
      {"threats.incidents", {"count", "attacks of every kind (protests not included)"}},
      {"threats.fight.incidents", {"count", "attacks fought out in the world by agents who see, move and shoot"}},
      {"threats.fight.shots", {"count", "aimed shots fired by both sides in those fights"}},
      {"threats.fight.hits", {"count", "people struck by a round in those fights, both sides, aimed or stray"}},
      {"threats.fight.hits_by_camp", {"count", "people struck by rounds of sentries and the QRF (intruders, or by a stray round someone of the camp)"}},
      {"threats.fight.hits_by_attackers", {"count", "people struck by intruders' rounds (camp people, or by a stray round another intruder)"}},
      {"threats.fight.stray_hits", {"count", "rounds that missed the one they were aimed at, flew on and struck someone else near their line"}},
      {"threats.fight.friendly_hits", {"count", "people struck by a round of their own side: a stray round that missed an enemy"}},
      {"threats.fight.attackers", {"people", "intruders who took part"}},
      {"threats.fight.attackers_neutralized", {"people", "intruders out of the fight: killed, wounded or captured"}},
      {"threats.fight.attackers_killed", {"people", "intruders shot dead by sentries or the QRF"}},
      {"threats.fight.attackers_wounded", {"people", "intruders wounded out of the fight whom the QRF had not yet taken prisoner when it ended"}},
      {"threats.fight.attackers_captured", {"people", "wounded intruders the QRF reached and took prisoner"}},
      {"threats.fight.attackers_gone", {"people", "intruders who withdrew after their time inside and got away"}},
      {"threats.fight.stopped_outside", {"count", "fights in which no intruder got through the wire"}},
      {"threats.fight.mean_minutes_first_shot_to_end", {"min", "mean time from a fight's first shot to its end"}},
      {"threats.fight.mean_minutes_detection_to_qrf_contact", {"min", "mean time from detection to the QRF's first contact with intruders"}},
      // protests
      {"protests.enabled", {"0/1", "1 if the scenario models protests at the gate"}},
      {"protests.protests", {"count", "crowds that marched on the camp"}},
      {"protests.reached_gate", {"count", "protests whose crowd assembled at the gate"}},
      {"protests.turned_violent", {"count", "protests whose crowd reached stone throwing"}},
      {"protests.breaches", {"count", "protests whose crowd broke into the camp"}},
      {"protests.with_lethal_force", {"count", "protests at which the force fired live rounds at the crowd"}},
      {"protests.civilians_killed", {"people", "protesters killed by the force's fire"}},
      {"protests.civilians_wounded", {"people", "protesters wounded, not killed, by the force's fire"}},
      {"protests.civilians_to_camp_hospital", {"people", "wounded protesters brought to the camp's own hospital"}},
      {"protests.police_hurt", {"people", "UN police (UNPOL) hurt by stones and Molotov cocktails"}},
      {"protests.peacekeepers_hurt", {"people", "soldiers of the force hurt by stones and Molotov cocktails"}},
      {"protests.tear_gas_uses", {"count", "canisters of tear gas fired, over all protests"}},
      {"protests.negotiation_rounds", {"count", "rounds of talks with the crowds' leaders, over all protests"}},
      {"protests.negotiation_successes", {"count", "rounds of talks that sent part of a crowd home"}},
      {"protests.mean_crowd", {"people", "mean size of a crowd when it set off, over protests (NA: none)"}},
      {"protests.mean_duration_min", {"min", "mean time from marching to the end, over protests that ended (NA: none)"}},
      {"protests.mean_to_gate_min", {"min", "mean time from marching to assembling at the gate, over protests that reached it (NA: none)"}},
      {"protests.mean_to_stone_throwing_min", {"min", "mean time from marching to the first stones, over violent protests (NA: none)"}},
      {"protests.mean_to_molotov_min", {"min", "mean time from marching to the first Molotov cocktails, over protests that threw them (NA: none)"}},
      {"protests.mean_to_breach_attempt_min",
       {"min", "mean time from marching to the first attempt on the gate, over protests that made one (NA: none)"}},
      {"protests.mean_to_lethal_force_min",
       {"min", "mean time from marching until lethal force was granted, over protests where it was (NA: none)"}},
      {"protests.legitimacy_start", {"0-1", "the force's legitimacy in the town's eyes at the start (scenario)"}},
      {"protests.legitimacy_end", {"0-1", "the force's legitimacy in the town's eyes at the run's end"}},
      {"protests.legitimacy_lowest", {"0-1", "the lowest the force's legitimacy fell during the run"}},
      {"protests.unexplained_decisions", {"count", "decisions by the force the crowd could not understand (no interpreter)"}},
      // world
      {"world.people", {"people", "people of the camp's population at the run's end"}},
      {"world.alarms", {"count", "alarms sounded in the camp"}},
      {"world.shelter_runs", {"count", "times someone set off for a bunker on an alarm"}},
      {"world.sheltered", {"count", "times someone who ran for a bunker got in"}},
      {"world.found_bunker_full", {"count", "times someone reached a bunker door and found it full"}},
      {"world.stranded", {"count", "times someone found every bunker full and stayed in the open"}},
      {"world.agent_steps", {"count", "position updates of walking people (the movement's work, for performance)"}},
      {"world.left_care.returned_to_duty", {"people", "wounded people the medical chain sent back to duty"}},
      {"world.left_care.evacuated_l3", {"people", "wounded people flown out to Level 3 (gone for the rest of the run)"}},
      {"world.left_care.died_of_wounds", {"people", "wounded people who died in the chain's care"}},
      {"world.qrf.dispatches", {"count", "times the quick reaction force (QRF) was sent to an incident"}},
      {"world.qrf.waited_for_busy_qrf", {"count", "dispatches that waited because the QRF was busy elsewhere"}},
      {"world.qrf.wait_total_minutes", {"min", "total time dispatches waited for a busy QRF"}},
      {"world.qrf.escorts", {"count", "ambulance escorts the QRF gave"}},
      {"world.qrf.escorts_waited_for_busy_qrf", {"count", "escorts that waited because the QRF was busy"}},
      {"world.qrf.escort_wait_total_minutes", {"min", "total time ambulances waited for a busy QRF's escort"}},
  };
  if (const auto at = named.find(name); at != named.end()) return at->second;
  return std::nullopt;
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
  input.files.push_back({"run/casualties.csv", batch::row_cells(header)});
  input.files.push_back({"run/care.csv", run.care_records.columns});
  // Written only by scenarios with the external inflow on; its columns do not depend on the scenario.
  input.files.push_back({"run/external.csv", camp::external_record_columns()});
  // Written only by scenarios with protests; its columns do not depend on the scenario.
  input.files.push_back({"run/protests.csv", camp::protest::protest_table_columns()});

  // The batch files, from the batch's own header probe.
  const batch::TableHeader probe = batch::probe_header(plan, 1);
  for (const auto& [file, line] : {std::pair<std::string, std::string>{"batch/results.csv", batch::results_header_line(plan, probe)},
                                   {"batch/care.csv", batch::casualties_header_line(probe)}}) {
    std::string text = line;
    if (!text.empty() && text.back() == '\n') text.pop_back();
    input.files.push_back({file, batch::row_cells(text)});
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
      "- The unit column: `people` counts persons, `count` counts events or things, `0-1` is a share or an index from "
      "0 to 1, `id` is an identifier (not a quantity); text and 0/1 columns have none. A metric column is the value "
      "of one run (one replication): `people` and `count` metrics are per run, so per year in a 365-day run.\n"
      "- Booleans are `0`/`1` everywhere. An empty cell means NA (not applicable or not reached), never zero; "
      "numbers are the shortest text that reads back to the same double.\n"
      "- care.csv and external.csv times (`*_min`) are minutes since that casualty's injury; `injury_h` alone is hours since the run's start. "
      "timeseries.csv and casualties.csv count seconds since the run's start (`t_s`).\n"
      "- Every batch table starts with `design_point`, `policy`, `replication`, `seed`; join results.csv and care.csv on them.\n"
      "- In a run directory `casualties.csv` lists the injuries and `care.csv` each casualty's care (the camp's own); "
      "`external.csv` lists the casualties from outside the camp brought to the hospital, with their cause; a batch has "
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
      {"run/external.csv",
       "Run: `external.csv` (one row per casualty from outside the camp, brought to the Level 2 by their own units; "
       "only in runs of scenarios with `medical.external.enabled`)"},
      {"run/protests.csv", "Run: `protests.csv` (one row per protest; only in runs of scenarios with protests)"},
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
        if (const auto doc = metric_doc(name)) {
          unit = doc->unit == "0/1" ? "" : doc->unit;
          meaning = doc->meaning;
        } else {
          unit = unit_of_column(name);
          meaning = "metric: " + pretty_path(name) + " (no description yet: add it to apps/campsim/data_dictionary.cpp)";
        }
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
         "- `manifest.json` (run) and `batch.json` (batch): what was run: version, git revision (of the sources the "
         "program was built from, written at every build: 12 hex digits, with `-dirty` when tracked files had "
         "uncommitted edits, `unknown` outside a git checkout), scenario and its hash, "
         "seed, overrides, every resolved parameter (run), policies and design (batch).\n"
         "- `metrics.json` (run): the run's metrics, nested; each numeric leaf is the results.csv column of the same "
         "path. Arrays (profiles by hour) and strings are in metrics.json only.\n"
         "- `events.jsonl` (run): one JSON object per event, in time order.\n"
         "- `summary.md` (batch): the headline comparison, by the same statistics as `campsim compare`.\n";
  return out;
}

}  // namespace campsim::cli
