#include "sim/camp/threats/threat_report.hpp"

#include <map>

#include "sim/engine/number_format.hpp"
#include "sim/io/csv.hpp"
#include "sim/stats/sample_statistics.hpp"

namespace campsim::camp {

using nlohmann::ordered_json;

namespace {

constexpr ThreatKind kKinds[] = {ThreatKind::IndirectFire, ThreatKind::VehicleBomb, ThreatKind::Infiltration,
                                 ThreatKind::ComplexAttack, ThreatKind::RoadsideBomb};
constexpr Cause kCauses[] = {Cause::IndirectFire, Cause::VehicleBomb, Cause::Gunfire, Cause::RoadsideBomb};
constexpr Triage kTriage[] = {Triage::Killed, Triage::Immediate, Triage::Delayed, Triage::Minimal};

ordered_json triage_counts(const std::vector<Casualty>& casualties, auto&& keep) {
  ordered_json counts = ordered_json::object();
  long total = 0;
  for (Triage t : kTriage) {
    long n = 0;
    for (const Casualty& c : casualties) n += (keep(c) && c.triage == t) ? 1 : 0;
    counts[std::string(triage_name(t))] = n;
    total += n;
  }
  counts["total"] = total;
  return counts;
}

}  // namespace

ordered_json threat_metrics_json(const std::vector<Incident>& all_incidents, const std::vector<Casualty>& all_casualties,
                                 const std::vector<std::string>& known_contingents) {
  // Attacks only: a protest's incident and casualties are the protest model's to report
  // (protest_report.hpp), so a civilian shot at the gate never counts as a hostile act's victim.
  std::vector<Incident> incidents;
  for (const Incident& i : all_incidents)
    if (i.kind != ThreatKind::Protest) incidents.push_back(i);
  std::vector<Casualty> casualties;
  for (const Casualty& c : all_casualties) {
    const auto i = static_cast<std::size_t>(c.incident);
    const bool protest = c.incident >= 0 && i < all_incidents.size() && all_incidents[i].kind == ThreatKind::Protest;
    if (!protest) casualties.push_back(c);
  }
  ordered_json by_kind = ordered_json::object();
  for (ThreatKind kind : kKinds) {
    long count = 0, detected = 0, killed = 0, wounded = 0;
    std::vector<double> detect_min, alerted_min, on_scene_min, contained_min;
    for (const Incident& i : incidents) {
      if (i.kind != kind) continue;
      ++count;
      killed += i.killed;
      wounded += i.wounded;
      if (i.detected) {
        ++detected;
        detect_min.push_back((i.detected_at - i.time) / engine::kMinute);
      }
      if (i.qrf) {
        // Response times are counted from detection (or the alarm the attack itself raised).
        alerted_min.push_back((i.qrf->alerted - i.qrf->detected) / engine::kMinute);
        on_scene_min.push_back((i.qrf->on_scene - i.qrf->detected) / engine::kMinute);
        contained_min.push_back((i.qrf->contained - i.qrf->detected) / engine::kMinute);
      }
    }
    by_kind[std::string(threat_kind_name(kind))] = {
        {"incidents", count},
        {"detected", detected},
        {"detected_share", count > 0 ? ordered_json(static_cast<double>(detected) / static_cast<double>(count)) : ordered_json(nullptr)},
        {"mean_minutes_to_detection", stats::mean_or_null(detect_min)},
        {"mean_minutes_detection_to_qrf_alert", stats::mean_or_null(alerted_min)},
        {"mean_minutes_detection_to_qrf_on_scene", stats::mean_or_null(on_scene_min)},
        {"mean_minutes_detection_to_contained", stats::mean_or_null(contained_min)},
        {"killed", killed},
        {"wounded", wounded}};
  }
  // Fights in the world (infiltrations fought out by agents): shots, hits, attackers and how long
  // from the first shot to the end, and from detection to the QRF's first contact.
  long fights = 0, shots = 0, hits = 0, hits_by_camp = 0, hits_by_attackers = 0, stray_hits = 0, friendly_hits = 0;
  long attackers = 0, neutralized = 0, attackers_killed = 0, attackers_wounded = 0, attackers_captured = 0, attackers_gone = 0;
  long stopped_outside = 0;
  std::vector<double> shot_to_end_min, detection_to_contact_min;
  for (const Incident& i : incidents) {
    if (!i.fight) continue;
    const FightSummary& f = *i.fight;
    ++fights;
    shots += f.shots;
    hits += f.hits;
    hits_by_camp += f.hits_by_camp;
    hits_by_attackers += f.hits_by_attackers;
    stray_hits += f.stray_hits;
    friendly_hits += f.friendly_hits;
    attackers += f.attackers;
    neutralized += f.neutralized();
    attackers_killed += f.attackers_killed;
    attackers_wounded += f.attackers_wounded;
    attackers_captured += f.attackers_captured;
    attackers_gone += f.attackers_gone;
    stopped_outside += f.stopped_outside ? 1 : 0;
    if (f.first_shot && f.ended) shot_to_end_min.push_back((*f.ended - *f.first_shot) / engine::kMinute);
    if (f.qrf_contact && i.detected) detection_to_contact_min.push_back((*f.qrf_contact - i.detected_at) / engine::kMinute);
  }
  const ordered_json fight = {{"incidents", fights},
                              {"shots", shots},
                              {"hits", hits},
                              {"hits_by_camp", hits_by_camp},
                              {"hits_by_attackers", hits_by_attackers},
                              {"stray_hits", stray_hits},
                              {"friendly_hits", friendly_hits},
                              {"attackers", attackers},
                              {"attackers_neutralized", neutralized},
                              {"attackers_killed", attackers_killed},
                              {"attackers_wounded", attackers_wounded},
                              {"attackers_captured", attackers_captured},
                              {"attackers_gone", attackers_gone},
                              {"stopped_outside", stopped_outside},
                              {"mean_minutes_first_shot_to_end", stats::mean_or_null(shot_to_end_min)},
                              {"mean_minutes_detection_to_qrf_contact", stats::mean_or_null(detection_to_contact_min)}};
  ordered_json by_cause = ordered_json::object();
  for (Cause cause : kCauses)
    by_cause[std::string(cause_name(cause))] = triage_counts(casualties, [cause](const Casualty& c) { return c.cause == cause; });
  // Every known contingent is listed, hurt or not, so the metrics' shape depends on the scenario
  // only (batch tables need the same columns in every replication).
  std::map<std::string, int> contingents;
  for (const std::string& name : known_contingents) contingents[name] += 0;
  for (const Casualty& c : casualties) contingents[c.contingent] += 1;
  ordered_json by_contingent = ordered_json::object();
  for (const auto& [name, n] : contingents) {
    (void)n;
    const std::string who = name;
    by_contingent[who] = triage_counts(casualties, [who](const Casualty& c) { return c.contingent == who; });
  }
  return {{"incidents", static_cast<long>(incidents.size())},
          {"by_kind", by_kind},
          {"fight", fight},
          {"casualties", triage_counts(casualties, [](const Casualty&) { return true; })},
          {"casualties_by_cause", by_cause},
          {"casualties_by_contingent", by_contingent}};
}

void write_casualties_csv(std::ostream& out, const std::vector<Casualty>& casualties) {
  out << "id,incident,t_s,x_m,y_m,cause,triage,contingent,inside_camp,person\n";
  for (const Casualty& c : casualties) {
    // NA: not one of the camp's people (a protester, the police at a protest, a QRF member).
    // The contingent is a name from the scenario file: written by the one CSV rule.
    out << io::csv_line({std::to_string(c.id), std::to_string(c.incident), engine::format_number(c.time),
                         engine::format_number(c.position.x), engine::format_number(c.position.y),
                         std::string(cause_name(c.cause)), std::string(triage_name(c.triage)), c.contingent,
                         c.inside_camp ? "1" : "0",  // booleans are 0/1 in every file
                         c.person ? std::to_string(c.person->value) : "NA"});
  }
}

}  // namespace campsim::camp
