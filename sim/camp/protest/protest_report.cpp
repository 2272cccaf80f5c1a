#include "sim/camp/protest/protest_report.hpp"

#include <algorithm>
#include <optional>

#include "sim/engine/number_format.hpp"
#include "sim/stats/sample_statistics.hpp"

namespace campsim::camp::protest {

using nlohmann::ordered_json;

namespace {

// A moment that never came is an empty cell (protests.csv's format).
std::string time_or_empty(const std::optional<SimTime>& t) { return t ? engine::format_number(*t) : std::string(); }

}  // namespace

ordered_json protest_metrics_json(const ProtestParams& params, const ProtestModel* model) {
  long protests = 0, breaches = 0, reached_gate = 0, violent = 0, with_lethal_force = 0;
  long civ_killed = 0, civ_wounded = 0, civ_to_camp = 0, police = 0, peacekeepers = 0;
  long tear_gas = 0, rounds = 0, successes = 0;
  std::vector<double> minutes, sizes, to_violence;
  // Minutes from setting off to each later rung (and to the first lethal force granted), over the
  // protests that reached it: with one protest a run, that protest's own times (the escalation
  // over time that compare draws).
  std::vector<double> to_gate, to_molotov, to_breach_attempt, to_lethal_force;
  const auto since_march = [](const ProtestRecord& r, SimTime t) { return (t - r.marched) / engine::kMinute; };
  if (model != nullptr) {
    for (const ProtestRecord& r : model->records()) {
      ++protests;
      breaches += r.end == ProtestEnd::Breach ? 1 : 0;
      reached_gate += r.at_gate ? 1 : 0;
      if (const auto& stones = r.first_at[static_cast<std::size_t>(CrowdLevel::stone_throwing)]) {
        ++violent;
        to_violence.push_back((*stones - r.marched) / engine::kMinute);
      }
      if (r.at_gate) to_gate.push_back(since_march(r, *r.at_gate));
      if (const auto& t = r.first_at[static_cast<std::size_t>(CrowdLevel::molotov)]) to_molotov.push_back(since_march(r, *t));
      if (const auto& t = r.first_at[static_cast<std::size_t>(CrowdLevel::breach_attempt)])
        to_breach_attempt.push_back(since_march(r, *t));
      if (const auto& t = r.granted[static_cast<std::size_t>(ForceStep::lethal_force)]) to_lethal_force.push_back(since_march(r, *t));
      with_lethal_force += r.lethal_force_uses > 0 ? 1 : 0;
      civ_killed += r.civilians_killed;
      civ_wounded += r.civilians_wounded;
      civ_to_camp += r.civilians_to_un_hospital;
      police += r.police_hurt;
      peacekeepers += r.peacekeepers_hurt;
      tear_gas += r.tear_gas_uses;
      rounds += r.negotiation_rounds;
      successes += r.negotiation_successes;
      if (r.ended) minutes.push_back((*r.ended - r.marched) / engine::kMinute);
      sizes.push_back(r.size);
    }
  }
  const double legit_start = params.legitimacy.baseline;
  return {{"enabled", params.enabled},
          {"protests", protests},
          {"reached_gate", reached_gate},
          {"turned_violent", violent},
          {"breaches", breaches},
          {"with_lethal_force", with_lethal_force},
          {"civilians_killed", civ_killed},
          {"civilians_wounded", civ_wounded},
          {"civilians_to_camp_hospital", civ_to_camp},
          {"police_hurt", police},
          {"peacekeepers_hurt", peacekeepers},
          {"tear_gas_uses", tear_gas},
          {"negotiation_rounds", rounds},
          {"negotiation_successes", successes},
          {"mean_crowd", stats::mean_or_null(sizes)},
          {"mean_duration_min", stats::mean_or_null(minutes)},
          {"mean_to_gate_min", stats::mean_or_null(to_gate)},
          {"mean_to_stone_throwing_min", stats::mean_or_null(to_violence)},
          {"mean_to_molotov_min", stats::mean_or_null(to_molotov)},
          {"mean_to_breach_attempt_min", stats::mean_or_null(to_breach_attempt)},
          {"mean_to_lethal_force_min", stats::mean_or_null(to_lethal_force)},
          {"legitimacy_start", legit_start},
          {"legitimacy_end", model != nullptr ? model->legitimacy() : legit_start},
          {"legitimacy_lowest", model != nullptr ? model->lowest_legitimacy() : legit_start},
          {"unexplained_decisions", model != nullptr ? model->unexplained_decisions() : 0L}};
}

const std::vector<std::string>& protest_table_columns() {
  static const std::vector<std::string> columns{
      "protest", "incident", "scripted", "marched_s", "at_gate_s", "ended_s", "end", "crowd", "peak_level",
      "civilians_killed", "civilians_wounded", "civilians_to_camp_hospital", "police_hurt",
      "peacekeepers_hurt", "legitimacy_before", "legitimacy_after", "understanding", "negotiation_rounds",
      "negotiation_successes", "tear_gas_uses", "warning_shot_uses", "lethal_force_uses",
      "stone_throwing_s", "molotov_s", "breach_attempt_s", "lethal_force_granted_s"};
  return columns;
}

engine::RecordTable protest_table(const ProtestModel& model) {
  engine::RecordTable t;
  t.columns = protest_table_columns();
  for (const ProtestRecord& r : model.records()) {
    const auto lethal = r.granted[static_cast<std::size_t>(ForceStep::lethal_force)];
    t.rows.push_back({std::to_string(r.id), std::to_string(r.incident), r.scripted ? "1" : "0",
                      engine::format_number(r.marched), time_or_empty(r.at_gate), time_or_empty(r.ended),
                      std::string(name(r.end)), std::to_string(r.size), std::string(name(r.peak)),
                      std::to_string(r.civilians_killed), std::to_string(r.civilians_wounded),
                      std::to_string(r.civilians_to_un_hospital), std::to_string(r.police_hurt),
                      std::to_string(r.peacekeepers_hurt), engine::format_number(r.legitimacy_before),
                      engine::format_number(r.legitimacy_after), engine::format_number(r.understanding),
                      std::to_string(r.negotiation_rounds), std::to_string(r.negotiation_successes),
                      std::to_string(r.tear_gas_uses), std::to_string(r.warning_shot_uses),
                      std::to_string(r.lethal_force_uses),
                      time_or_empty(r.first_at[static_cast<std::size_t>(CrowdLevel::stone_throwing)]),
                      time_or_empty(r.first_at[static_cast<std::size_t>(CrowdLevel::molotov)]),
                      time_or_empty(r.first_at[static_cast<std::size_t>(CrowdLevel::breach_attempt)]),
                      lethal ? engine::format_number(*lethal) : std::string()});
  }
  return t;
}

}  // namespace campsim::camp::protest
