#include "apps/campsim/summary.hpp"

#include <cmath>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "analysis/display.hpp"
#include "sim/version.hpp"
#include "sim/io/visible_text.hpp"

namespace campsim::cli {

namespace {
// The hour of day whose mean vigilance is lowest, with that mean.
std::pair<int, double> lowest_hour(const nlohmann::ordered_json& by_hour) {
  int best = -1;
  double value = 2;
  for (int h = 0; h < 24; ++h) {
    const auto& v = by_hour["mean"][h];
    if (!v.is_null() && v.get<double>() < value) {
      value = v.get<double>();
      best = h;
    }
  }
  return {best, value};
}
std::string pretty(std::string name) {
  for (char& c : name)
    if (c == '_') c = ' ';
  return name;
}

void print_threat_summary(std::ostream& out, const nlohmann::ordered_json& t) {
  const long incidents = t["incidents"].get<long>();
  std::string kinds;
  long detected = 0;
  double on_scene_sum = 0;
  long on_scene_n = 0;
  for (const auto& [kind, k] : t["by_kind"].items()) {
    const long n = k["incidents"].get<long>();
    if (n == 0) continue;
    kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", n, pretty(kind));
    detected += k["detected"].get<long>();
    if (!k["mean_minutes_detection_to_qrf_on_scene"].is_null()) {
      on_scene_sum += k["mean_minutes_detection_to_qrf_on_scene"].get<double>() * static_cast<double>(n);
      on_scene_n += n;
    }
  }
  if (incidents == 0) {
    fmt::print(out, "  threats    no incidents\n");
    return;
  }
  fmt::print(out, "  threats    {} incident{} ({}); {} detected", incidents, incidents == 1 ? "" : "s", kinds, detected);
  if (on_scene_n > 0) fmt::print(out, "; QRF on scene {:.1f} min after detection (mean)", on_scene_sum / static_cast<double>(on_scene_n));
  fmt::print(out, "\n");
  // Fights in the world: what the shooting came to, so an analyst sees that an infiltration
  // was fought out and how (docs/threats/fight.md).
  if (t.contains("fight") && t["fight"]["incidents"].get<long>() > 0) {
    const auto& f = t["fight"];
    fmt::print(out, "  fight      {} attacker{} in {} fight{}: {} down ({} killed, {} wounded, {} captured), {} got away; {} shots, {} hits ({} on "
                    "attackers)",
               f["attackers"].get<long>(), f["attackers"].get<long>() == 1 ? "" : "s", f["incidents"].get<long>(),
               f["incidents"].get<long>() == 1 ? "" : "s", f["attackers_neutralized"].get<long>(),
               f["attackers_killed"].get<long>(), f["attackers_wounded"].get<long>(), f["attackers_captured"].get<long>(), f["attackers_gone"].get<long>(),
               f["shots"].get<long>(), f["hits"].get<long>(), f["hits_by_camp"].get<long>());
    if (!f["mean_minutes_first_shot_to_end"].is_null())
      fmt::print(out, "; first shot to end {:.1f} min (mean)", f["mean_minutes_first_shot_to_end"].get<double>());
    fmt::print(out, "\n");
  }
  const auto& c = t["casualties"];
  std::string causes;
  for (const auto& [cause, counts] : t["casualties_by_cause"].items())
    if (counts["total"].get<long>() > 0)
      causes += fmt::format("{}{} {}", causes.empty() ? "" : ", ", pretty(cause), counts["total"].get<long>());
  fmt::print(out, "  casualties {} killed, {} wounded (T1 {}, T2 {}, T3 {}){}{}\n", c["killed"].get<long>(),
             c["total"].get<long>() - c["killed"].get<long>(), c["T1_immediate"].get<long>(), c["T2_delayed"].get<long>(),
             c["T3_minimal"].get<long>(), causes.empty() ? "" : "; ", causes);
}

std::string percent_or_dash(const nlohmann::ordered_json& share) {
  return share.is_null() ? std::string("-") : fmt::format("{:.0f}%", 100 * share.get<double>());
}

// "40% (2 of 5)": with a handful of casualties the percentage alone overstates what is known.
std::string share_of_eligible(const nlohmann::ordered_json& share, const nlohmann::ordered_json& eligible) {
  if (share.is_null() || !eligible.is_number()) return "-";
  const long whole = eligible.get<long>();
  return analysis::format_share_of(std::lround(share.get<double>() * static_cast<double>(whole)), whole);
}
// A share of time, as a percentage: whole percents, but one decimal under 1% so that a table busy
// 0.4% of the year does not read as never used ("0.4%", "under 0.1%", "0%" only when none).
std::string percent_of_time(double share) {
  const double percent = 100 * share;
  if (percent <= 0) return "0%";
  if (percent < 0.05) return "under 0.1%";
  if (percent < 0.95) return fmt::format("{:.1f}%", percent);
  return fmt::format("{:.0f}%", percent);
}

std::string minutes_or_dash(const nlohmann::ordered_json& minutes) {
  return minutes.is_null() ? std::string("-") : fmt::format("{:.1f}", minutes.get<double>());
}

// Only for scenarios with protests: how many marched, how violent, who was hurt, legitimacy.
void print_protest_summary(std::ostream& out, const nlohmann::ordered_json& p) {
  if (!p.is_object() || p["enabled"] != true) return;
  const long n = p["protests"].get<long>();
  if (n == 0) {
    fmt::print(out, "  protests   none (legitimacy {:.2f} -> {:.2f}, {} unexplained decisions)\n",
               p["legitimacy_start"].get<double>(), p["legitimacy_end"].get<double>(), p["unexplained_decisions"].get<long>());
    return;
  }
  fmt::print(out, "  protests   {} march{} (mean crowd {:.0f}, mean {:.0f} min), {} turned violent, {} breach{}, live fire in {}\n",
             n, n == 1 ? "" : "es", p["mean_crowd"].get<double>(), p["mean_duration_min"].get<double>(),
             p["turned_violent"].get<long>(), p["breaches"].get<long>(), p["breaches"].get<long>() == 1 ? "" : "es",
             p["with_lethal_force"].get<long>());
  fmt::print(out, "  crowd hurt {} protesters killed and {} wounded by the force ({} brought to the camp's hospital); "
                  "{} police and {} peacekeepers hurt; legitimacy {:.2f} -> {:.2f} (lowest {:.2f})\n",
             p["civilians_killed"].get<long>(), p["civilians_wounded"].get<long>(),
             p["civilians_to_camp_hospital"].get<long>(), p["police_hurt"].get<long>(), p["peacekeepers_hurt"].get<long>(),
             p["legitimacy_start"].get<double>(), p["legitimacy_end"].get<double>(), p["legitimacy_lowest"].get<double>());
}

void print_medical_summary(std::ostream& out, const nlohmann::ordered_json& m) {
  if (!m["enabled"].get<bool>()) {
    fmt::print(out, "  medical    off (medical.enabled: false)\n");
    return;
  }
  const auto& c = m["casualties"];
  const auto& comp = m["compliance"];
  const auto& d = m["dispatch"];
  const auto& h = m["hospital"];
  fmt::print(out, "  medical    {} wounded: {} died of wounds ({} before pickup, {} in transit, {} at hospital), {} flown to L3\n",
             c["wounded"].get<long>(), c["died_of_wounds"].get<long>(), c["died_before_pickup"].get<long>(),
             c["died_in_transit"].get<long>(), c["died_at_hospital"].get<long>(), c["evacuated_l3"].get<long>());
  fmt::print(out, "  10-1-2     first aid <=10 min {} | resuscitation <=1 h {} | surgery <=2 h {}\n",
             share_of_eligible(comp["first_aid_10min"], comp["first_aid_eligible"]),
             share_of_eligible(comp["resuscitation_1h"], comp["resuscitation_eligible"]),
             share_of_eligible(comp["surgery_2h"], comp["surgery_eligible"]));
  if (d["transported"].get<long>() > 0) {
    const auto& k = d["components_mean_min"];
    fmt::print(out,
               "  dispatch   {} request{}; injury to hospital {} min (mean) = request {} + approval {} + waiting {} + "
               "mobilization/escort {} + drive {} + loading {} + drive {}; approvals {} of the delay\n",
               d["requests"].get<long>(), d["requests"].get<long>() == 1 ? "" : "s",
               minutes_or_dash(d["injury_to_hospital_mean_min"]), minutes_or_dash(k["injury_to_request"]),
               minutes_or_dash(k["approval"]), minutes_or_dash(k["waiting_for_vehicle_or_crew"]),
               minutes_or_dash(k["mobilization_and_escort"]), minutes_or_dash(k["drive_to_scene"]),
               minutes_or_dash(k["loading"]), minutes_or_dash(k["drive_to_hospital"]),
               percent_or_dash(d["approval_share_of_delay"]));
  }
  const auto& r = h["resources"];
  fmt::print(out, "  hospital   {} routine admissions; ward {} and ICU {} occupied; tables {} busy; "
                  "longest wait for a table {:.0f} min",
             h["routine_admissions"].get<long>(), percent_of_time(r["ward_beds"]["utilisation"].get<double>()),
             percent_of_time(r["icu_beds"]["utilisation"].get<double>()),
             percent_of_time(r["operating_tables"]["utilisation"].get<double>()),
             r["operating_tables"]["wait_max_min"].get<double>());
  // After a hit took every operating table: who was sent elsewhere for an operation.
  const long elsewhere = h["surgery_elsewhere"].get<long>(), referred = h["routine_referred"].get<long>();
  if (elsewhere + referred > 0)
    fmt::print(out, "; no table left after a hit: {} casualt{} flown out for an operation, {} routine case{} referred",
               elsewhere, elsewhere == 1 ? "y" : "ies", referred, referred == 1 ? "" : "s");
  fmt::print(out, "\n");
  // Casualties from outside the camp: apart from the camp's own lines above (medical.external).
  const auto& x = m["external"];
  if (!x["enabled"].get<bool>()) return;
  fmt::print(out,
             "  external   {} incident{} outside the camp: {} wounded brought in ({} by helicopter, {} by road), "
             "{} operated, {} to ICU, {} flown to L3, {} died ({} on the way)\n",
             x["incidents"].get<long>(), x["incidents"].get<long>() == 1 ? "" : "s", x["casualties"].get<long>(), x["by_helicopter"].get<long>(),
             x["by_road"].get<long>(), x["operated"].get<long>(), x["icu"].get<long>(), x["evacuated_l3"].get<long>(),
             x["died"].get<long>(), x["died_before_arrival"].get<long>());
}

}  // namespace

void print_run_summary(std::ostream& out, const camp::LoadedScenario& loaded, const camp::RunResult& result,
                       const std::filesystem::path& run_dir, bool verbose) {
  const auto& m = result.metrics;
  const auto& camp = m["camp"];
  const auto& g = m["guards"];
  const auto& cov = g["coverage"];
  const auto& ho = g["handover"];
  const auto& vig = g["vigilance"];
  const auto& duty = g["duty_hours_per_soldier_per_day"];
  const auto [low_hour, low_mean] = lowest_hour(vig["by_hour"]);

  const double days = m["duration_days"].get<double>();
  fmt::print(out, "{}: {:g} day{} simulated, seed {} (campsim {}, {:.2f} s)\n", io::visible(loaded.scenario.meta.name), days,
             days == 1 ? "" : "s", m["seed"].get<std::uint64_t>(), kVersion, result.wall_seconds);
  if (verbose)
    fmt::print(out, "  engine     {} events, {} ticks, {} jumps\n", result.loop.events, result.loop.ticks, result.loop.jumps);
  // The bunkers' places beside the night's occupants: when they are fewer, the world line's "took
  // cover in the open" follows from the layout, and a planner should see that first.
  const std::size_t bunkers = loaded.scenario.layout.bunkers.size();
  fmt::print(out, "  camp       {:.1f} km perimeter, {:.0f} ha, {} gates, {} towers watching {:.0f}% of the fence; {} bunker{}, {} "
                  "places for {} sleeping in the camp\n",
             camp["perimeter_m"].get<double>() / 1000, camp["area_ha"].get<double>(), camp["gates"].get<int>(),
             camp["towers"].get<int>(), 100 * camp["perimeter_watched_share"].get<double>(), bunkers, bunkers == 1 ? "" : "s",
             camp["bunker_places"].get<long>(), camp["occupants_night"].get<long>());
  fmt::print(out, "  guards     {} of a {}-strong company on the roster, {} posts\n",
             loaded.scenario.guards.force.guard_pool, loaded.scenario.guards.force.company_size,
             loaded.scenario.guards.posts.size());
  fmt::print(out, "  coverage   {:.1f}% of {:.0f} required guard-hours manned; {} of {} duties unfilled\n",
             100 * cov["overall"].get<double>(), cov["required_guard_hours"].get<double>(),
             cov["unfilled_duties"].get<long>(), cov["duties"].get<long>());
  fmt::print(out, "  handovers  {} changes of sentry, {:.1f}% left a gap (mean {:.1f} min, longest {:.1f} min)\n",
             ho["handovers"].get<long>(), 100 * ho["gap_share"].get<double>(), ho["gap_mean_minutes"].get<double>(),
             ho["gap_max_minutes"].get<double>());
  fmt::print(out, "  vigilance  mean {:.2f}, lowest sentry {:.2f}; worst hour {:02d}:00 (mean {:.2f})\n",
             vig["mean"].get<double>(), vig["min"].get<double>(), low_hour, low_mean);
  fmt::print(out, "  duty       {:.1f} h per soldier per day (p10 {:.1f}, p90 {:.1f}, max {:.1f}); {} soldier-days unfit\n",
             duty["mean"].get<double>(), duty["p10"].get<double>(), duty["p90"].get<double>(),
             duty["max"].get<double>(), g["force"]["soldier_days_unfit"].get<long>());
  print_threat_summary(out, m["threats"]);
  print_protest_summary(out, m["protests"]);
  // What the coupling of one world changes: people running for cover, bunkers full, the QRF busy,
  // posts left empty by casualties.
  const auto& w = m["world"];
  const auto& q = w["qrf"];
  fmt::print(out, "  world      {} people; {} alarm{}: {} ran for cover, {} got in, {} found a bunker full, {} took cover "
                  "in the open\n",
             w["people"].get<long>(), w["alarms"].get<long>(), w["alarms"].get<long>() == 1 ? "" : "s",
             w["shelter_runs"].get<long>(), w["sheltered"].get<long>(), w["found_bunker_full"].get<long>(),
             w["stranded"].get<long>());
  fmt::print(out, "  shared     QRF called out {} time{}, {} waited for it busy elsewhere ({:.0f} min lost); "
                  "{} ambulance escort{} ({} waited for a team, {:.0f} min); "
                  "{} sentr{} hit on post, {:.1f} guard-hours unmanned\n",
             q["dispatches"].get<long>(), q["dispatches"].get<long>() == 1 ? "" : "s", q["waited_for_busy_qrf"].get<long>(),
             q["wait_total_minutes"].get<double>(), q["escorts"].get<long>(), q["escorts"].get<long>() == 1 ? "" : "s",
             q["escorts_waited_for_busy_qrf"].get<long>(), q["escort_wait_total_minutes"].get<double>(),
             cov["sentry_casualties"].get<long>(),
             cov["sentry_casualties"].get<long>() == 1 ? "y" : "ies", cov["casualty_unmanned_guard_hours"].get<double>());
  if (const auto& care = w["left_care"]; care.is_object() && m["medical"]["enabled"] != false)
    fmt::print(out, "  back       {} wounded back on duty when the hospital let them go, {} flown out, {} died of wounds\n",
               care["returned_to_duty"].get<long>(), care["evacuated_l3"].get<long>(), care["died_of_wounds"].get<long>());
  print_medical_summary(out, m["medical"]);
  const bool external = m["medical"]["enabled"] != false && m["medical"]["external"]["enabled"] == true;
  fmt::print(out, "  output     {}/ (manifest.json, events.jsonl, metrics.json, timeseries.csv, casualties.csv, care.csv{}{})\n",
             io::visible(run_dir.string()), external ? ", external.csv" : "",
             m["protests"]["enabled"] == true ? ", protests.csv" : "");
}

}  // namespace campsim::cli
