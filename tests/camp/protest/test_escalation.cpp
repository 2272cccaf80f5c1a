// The escalation ladder on scripted cases, interpreters, and the rules of engagement.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sim/camp/protest/escalation_ladder.hpp"
#include "sim/camp/protest/interpreters.hpp"
#include "sim/camp/protest/roe_reader.hpp"
#include "sim/camp/protest/rules_of_engagement.hpp"
#include "sim/scenario/diagnostic.hpp"
#include "sim/scenario/yaml_source.hpp"

using namespace campsim;
using namespace campsim::camp::protest;

namespace {
// 250 people (size weighs 0.5 x 0.2), 1 per m^2 (0.5 x 0.2), 40% active (0.4 x 0.5): pressure 0.4.
CrowdSituation angry_crowd() { return CrowdSituation{250, 1.0, 0.4, 0, 0}; }
}  // namespace

TEST_CASE("escalation pressure, hand-computed", "[protest]") {
  const EscalationParams p;
  CHECK(escalation_pressure(angry_crowd(), ForceAction::none, 1.0, p) == Approx(0.4));
  CrowdSituation s = angry_crowd();
  s.provocations = 1;
  s.losses = 1;
  CHECK(escalation_pressure(s, ForceAction::none, 1.0, p) == Approx(1.0));
  CHECK(escalation_pressure(angry_crowd(), ForceAction::negotiate, 1.0, p) == Approx(0.1));
  CHECK(escalation_pressure(angry_crowd(), ForceAction::negotiate, 0.3, p) == Approx(0.31));
  CHECK(escalation_pressure(angry_crowd(), ForceAction::lethal_force, 0.3, p) == Approx(0.7));
  // Size and density saturate.
  CHECK(escalation_pressure(CrowdSituation{5000, 9.0, 0.0, 0, 0}, ForceAction::none, 1.0, p) == Approx(0.4));
}

TEST_CASE("scripted climb: provocation, then a death at the hands of the force, up to a breach attempt",
          "[protest]") {
  const EscalationParams p;
  CrowdLevel level = CrowdLevel::gathering;
  CrowdSituation s = angry_crowd();
  level = next_level(level, s, ForceAction::none, 1.0, p);  // 0.4 >= 0.3
  CHECK(level == CrowdLevel::chanting);
  level = next_level(level, s, ForceAction::none, 1.0, p);  // 0.4 < 0.45, >= 0.2: stays
  CHECK(level == CrowdLevel::chanting);
  s.provocations = 1;  // 0.5 >= 0.45
  level = next_level(level, s, ForceAction::none, 1.0, p);
  CHECK(level == CrowdLevel::stone_throwing);
  s.provocations = 0;
  s.losses = 1;  // 0.9 >= 0.6
  level = next_level(level, s, ForceAction::none, 1.0, p);
  CHECK(level == CrowdLevel::molotov);
  level = next_level(level, s, ForceAction::none, 1.0, p);  // 0.9 >= 0.75
  CHECK(level == CrowdLevel::breach_attempt);
  level = next_level(level, s, ForceAction::none, 1.0, p);  // the top
  CHECK(level == CrowdLevel::breach_attempt);
}

TEST_CASE("scripted calm-down: negotiation in the crowd's language, and without it", "[protest]") {
  const EscalationParams p;
  const CrowdSituation s = angry_crowd();
  // Full understanding: 0.4 - 0.3 = 0.1 < 0.2, chanting descends to gathering, which holds (0.1
  // is not below 0.1); once the crowd thins (0.05) it disperses, and stays dispersed.
  CrowdLevel level = next_level(CrowdLevel::chanting, s, ForceAction::negotiate, 1.0, p);
  CHECK(level == CrowdLevel::gathering);
  CHECK(next_level(level, s, ForceAction::negotiate, 1.0, p) == CrowdLevel::gathering);
  const CrowdSituation thin{20, 0.1, 0.05, 0, 0};
  level = next_level(level, thin, ForceAction::negotiate, 1.0, p);
  CHECK(level == CrowdLevel::dispersed);
  CHECK(next_level(level, angry_crowd(), ForceAction::none, 1.0, p) == CrowdLevel::dispersed);
  // French only (understanding 0.3 with the default mix): 0.31, the crowd keeps chanting.
  const double french_only = understanding(LanguageMix{}, InterpretersAtGate{});
  CHECK(french_only == Approx(0.3));
  CHECK(next_level(CrowdLevel::chanting, s, ForceAction::negotiate, french_only, p) == CrowdLevel::chanting);
}

TEST_CASE("interpreters: understanding, and the chance and length of a negotiation round", "[protest]") {
  const LanguageMix gao;
  CHECK(understanding(gao, {false, false, false, false}) == 0.0);
  CHECK(understanding(gao, {true, false, false, false}) == Approx(0.3));
  CHECK(understanding(gao, {true, true, false, false}) == Approx(0.7 + 0.3 * 0.3));
  CHECK(understanding(gao, {true, true, true, true}) == Approx(0.92 + 0.08 * 0.3));
  CHECK(understanding(gao, {false, true, true, true}) == Approx(0.92));
  const NegotiationParams n;  // 0.6 per round, 15 min, 0.2 kept without a shared language
  CHECK(negotiation_success_chance(1.0, n) == Approx(0.6));
  CHECK(negotiation_success_chance(0.3, n) == Approx(0.6 * 0.44));
  CHECK(negotiation_success_chance(0.0, n) == Approx(0.12));
  CHECK(negotiation_round_minutes(1.0, n) == Approx(15.0));
  CHECK(negotiation_round_minutes(0.3, n) == Approx(15.0 / 0.44));
  LanguageMix bad;
  bad.other = 0.5;
  CHECK_THROWS_AS(understanding(bad, {}), std::invalid_argument);
}

TEST_CASE("a step is used only once authorized: hand case", "[protest]") {
  RulesOfEngagement roe;
  roe.steps[static_cast<std::size_t>(ForceStep::tear_gas)].delay = engine::Distribution::fixed(600.0);
  roe.steps[static_cast<std::size_t>(ForceStep::warn)].delay = engine::Distribution::fixed(60.0);
  EscalationOfForce force(roe);
  engine::RandomStream random(engine::StreamKey{1, 0, 1, 0, 0});
  // Stones at t = 0: negotiation (on scene) at once; warn, barrier and tear gas requested.
  CHECK(force.act(CrowdLevel::stone_throwing, 0.0, random) == ForceAction::negotiate);
  CHECK(force.authorizations().requested(ForceStep::tear_gas));
  CHECK_FALSE(force.authorizations().requested(ForceStep::warning_shots));  // molotov's step
  CHECK(force.act(CrowdLevel::stone_throwing, 59.0, random) != ForceAction::warn);
  CHECK(force.act(CrowdLevel::stone_throwing, 300.0, random) != ForceAction::tear_gas);
  CHECK(force.act(CrowdLevel::stone_throwing, 600.0, random) == ForceAction::tear_gas);
  // Calmer crowd: the strongest step its rung calls for, not tear gas.
  CHECK(force.act(CrowdLevel::gathering, 700.0, random) == ForceAction::negotiate);
  // A breach attempt: lethal force in self-defence needs nobody's authorization.
  CHECK(force.act(CrowdLevel::breach_attempt, 800.0, random) == ForceAction::lethal_force);
}

TEST_CASE("no step is ever used before it is authorized, nor beyond the crowd's rung, nor if forbidden",
          "[protest]") {
  RulesOfEngagement roe;
  roe.steps[static_cast<std::size_t>(ForceStep::warning_shots)].permitted = false;  // a restrained policy
  std::size_t uses = 0;
  for (std::uint64_t run = 0; run < 500; ++run) {
    engine::RandomStream random(engine::StreamKey{9, run, engine::purpose_tag("test.roe"), 0, 0});
    EscalationOfForce force(roe);
    int level = 1;
    std::vector<CrowdLevel> level_at;
    for (int k = 0; k < 240; ++k) {  // every 30 s for two hours, a random walk on the ladder
      level = std::clamp(level + static_cast<int>(random.uniform_index(3)) - 1, 1, kCrowdLevels - 1);
      level_at.push_back(static_cast<CrowdLevel>(level));
      force.act(static_cast<CrowdLevel>(level), 30.0 * k, random);
    }
    for (const EscalationOfForce::Use& use : force.uses()) {
      ++uses;
      const auto granted = force.authorizations().granted_at(use.step);
      REQUIRE(granted.has_value());
      CHECK(*granted <= use.at);
      CHECK(*force.authorizations().requested_at(use.step) <= *granted);
      CHECK(roe.rule(use.step).permitted);
      CHECK(roe.rule(use.step).earliest <= level_at[static_cast<std::size_t>(use.at / 30.0)]);
      CHECK(use.step != ForceStep::warning_shots);
    }
  }
  CHECK(uses > 10000);
}

TEST_CASE("rules of engagement from YAML, with located errors", "[protest][scenario]") {
  const scenario::Node tree = scenario::parse_yaml_text(
      "steps:\n"
      "  warning_shots: {permitted: false}\n"
      "  tear_gas: {authority: force_commander, delay: {dist: lognormal, median: 20min, p90: 1h}, earliest: molotov}\n"
      "interpreters: {songhai: true, tamasheq: true}\n",
      "roe.yaml");
  scenario::Reader reader(tree);
  const RulesOfEngagement roe = read_rules_of_engagement(reader.root());
  reader.finish();
  CHECK_FALSE(roe.rule(ForceStep::warning_shots).permitted);
  CHECK(roe.rule(ForceStep::tear_gas).authority == Authority::force_commander);
  CHECK(roe.rule(ForceStep::tear_gas).delay.kind == engine::Distribution::Kind::Lognormal);
  CHECK(roe.rule(ForceStep::tear_gas).delay.a == Approx(1200.0));
  CHECK(roe.rule(ForceStep::tear_gas).earliest == CrowdLevel::molotov);
  CHECK(roe.rule(ForceStep::warn).authority == Authority::gate_commander);  // default kept
  CHECK(roe.interpreters.french);                                           // default kept
  CHECK(roe.interpreters.songhai);
  CHECK(roe.interpreters.tamasheq);
  CHECK_FALSE(roe.interpreters.fulfulde);

  const scenario::Node bad = scenario::parse_yaml_text(
      "steps:\n  tear_gas: {authority: general, delay: -5min}\n  warn: {permited: true}\n", "bad.yaml");
  scenario::Reader bad_reader(bad);
  read_rules_of_engagement(bad_reader.root());
  try {
    bad_reader.finish();
    FAIL("expected a ScenarioError");
  } catch (const scenario::ScenarioError& e) {
    const std::string what = e.what();
    CHECK(what.find("bad.yaml:2") != std::string::npos);
    CHECK(what.find("steps.tear_gas.authority") != std::string::npos);
    CHECK(what.find("steps.tear_gas.delay") != std::string::npos);
    CHECK(what.find("permited") != std::string::npos);  // unknown key, with a hint
  }
}
