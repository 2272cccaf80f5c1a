// Figures fit for a brief (issue 22, items 3 and 4): the protest figures of a comparison of rules
// of engagement, the 10-1-2 targets only on the figures they judge, no figure when nothing varies,
// whole-number ticks on count axes, Morris labels that never overlap, units on the Morris axes,
// the calibration figure.
// The scripts and data are checked as text (gnuplot need not be installed: they are written
// whether or not it runs); what they draw was looked at when they were made.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "analysis/calibration_figure.hpp"
#include "analysis/comparison.hpp"
#include "analysis/label_placement.hpp"
#include "analysis/plot_script.hpp"
#include "analysis/report.hpp"
#include "analysis/sensitivity_figures.hpp"
#include "synthetic_batch.hpp"
#include "tests/support/scratch_files.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_analysis_test_figures {

using namespace campsim::analysis;
using namespace campsim::testing;
namespace fs = std::filesystem;

namespace {

fs::path scratch(const std::string& name) { return scratch_dir("figures", name); }

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A replay of one protest a day under two sets of rules: the reference shoots (civilians killed
// 1-3, police hurt 0-1), the policy does not (no civilian hurt, police hurt 1-3); peacekeepers hurt
// and breaches are 0 in every run; the stones come at 25 min (reference) or 30-70 min (policy).
std::vector<SyntheticMetric> protest_metrics() {
  const auto metric = [](std::string name, std::function<double(int, int)> f) {
    return SyntheticMetric{std::move(name), [f](int p, int r) { return std::optional<double>(f(p, r)); }};
  };
  return {
      metric("protests.enabled", [](int, int) { return 1.0; }),
      metric("protests.protests", [](int, int) { return 1.0; }),
      metric("protests.reached_gate", [](int, int) { return 1.0; }),
      metric("protests.turned_violent", [](int, int) { return 1.0; }),
      metric("protests.with_lethal_force", [](int p, int) { return p ? 0.0 : 1.0; }),
      metric("protests.breaches", [](int, int) { return 0.0; }),
      metric("protests.civilians_killed", [](int p, int r) { return p ? 0.0 : 1.0 + r % 3; }),
      metric("protests.civilians_wounded", [](int p, int r) { return p ? 0.0 : 2.0 + r % 4; }),
      metric("protests.police_hurt", [](int p, int r) { return p ? 1.0 + r % 3 : r % 2; }),
      metric("protests.peacekeepers_hurt", [](int, int) { return 0.0; }),
      metric("protests.mean_to_gate_min", [](int, int r) { return 10.0 + r % 2; }),
      metric("protests.mean_to_stone_throwing_min", [](int p, int r) { return p ? 30.0 + 2 * r : 25.0; }),
      metric("protests.mean_duration_min", [](int p, int r) { return p ? 480.0 - r : 45.0; }),
  };
}

bool gnuplot_installed() { return fs::exists("/usr/bin/gnuplot") || fs::exists("/usr/local/bin/gnuplot"); }

// The report of `metrics` compared with `patterns`, drawn with no gnuplot unless `draw`: the
// scripts and data are written all the same, and they are what is checked. A figure's caption is
// in report.md only when it was drawn.
fs::path report_of(const std::string& name, const std::vector<SyntheticMetric>& metrics, std::vector<std::string> patterns = {},
                   bool draw = false) {
  const fs::path dir = scratch(name);
  write_synthetic_batch(dir, metrics);
  const BatchTable batch = read_batch(dir);
  CompareOptions options;
  options.metric_patterns = std::move(patterns);
  options.resamples = 200;
  write_report(batch, compare(batch, options), {true, draw ? "" : "/nonexistent/gnuplot"});
  return dir;
}

}  // namespace

TEST_CASE("a comparison of protest metrics draws the toll per policy with intervals, leaving out what never varies",
          "[analysis][plots][protest]") {
  const fs::path dir = report_of("protest", protest_metrics(), {"protests.*"}, gnuplot_installed());
  const fs::path plots = dir / "report" / "plots";
  const std::string toll = slurp(plots / "protest_toll.dat"), script = slurp(plots / "protest_toll.gp");
  INFO(toll << script);
  CHECK(has(toll, "\"civilians killed\" 1.95 "));  // reference: 1, 2, 3, 1, ... over 20 runs
  CHECK(has(toll, "\"police hurt\""));
  CHECK_FALSE(has(toll, "peacekeepers"));  // 0 in every run: named in the caption, not drawn
  CHECK_FALSE(has(toll, "breaches"));
  // One series per policy, the reference first, with error bars from three columns each.
  CHECK(has(script, "'protest_toll.dat' using 2:3:4:xtic(1) lc rgb '#000000' dt 1 title 'gao_baseline'"));
  CHECK(has(script, "'' using 5:6:7 lc rgb '#0072B2' dt 1 title 'pre_authorized_dispatch'"));
  CHECK(has(script, "set style histogram errorbars"));
  CHECK(has(script, "set format y '%.0f'"));  // a count axis: whole numbers
  // Every run here is one protest (protests.protests = 1): the axes count per protest, the ladder
  // is a share of protests, and breaches (0 throughout, not drawn) are not in the axis title.
  CHECK(has(script, "people hurt or killed per protest, mean"));
  CHECK_FALSE(has(script, "breaches"));
  const std::string ladder_script = slurp(plots / "protest_ladder.gp");
  CHECK(has(ladder_script, "share of protests reaching the rung"));
  CHECK(has(ladder_script, "'100%%' 1"));
  CHECK(has(slurp(plots / "protest_duration.gp"), "minutes since the crowd set off, mean per protest"));
  if (gnuplot_installed()) CHECK(has(slurp(dir / "report" / "report.md"), "not drawn: peacekeepers hurt 0; breaches 0."));
  // The ladder keeps the rungs every protest climbed, as context for lethal force.
  const std::string ladder = slurp(plots / "protest_ladder.dat");
  CHECK(has(ladder, "\"marched\" 1 1 1 1 1 1"));
  CHECK(has(ladder, "\"lethal force\" 1 1 1 0 0 0"));
  fs::remove_all(dir);
}

TEST_CASE("the escalation over time is drawn per policy, a curve for each step the batch recorded",
          "[analysis][plots][protest]") {
  const fs::path dir = report_of("escalation", protest_metrics(), {"protests.*"}, gnuplot_installed());
  const fs::path plots = dir / "report" / "plots";
  // Policy 0 is the reference (gao_baseline), policy 1 pre_authorized_dispatch: a figure each.
  const std::string data = slurp(plots / "protest_escalation_p0.dat"), script = slurp(plots / "protest_escalation_p1.gp");
  INFO(data << script);
  // At the gate after 10 min in the even runs and 11 in the odd ones: 10 of 20 by minute 10, all
  // by 11. First stones at 25 min in every reference run: one step from 0 to 100%.
  CHECK(has(data, "# at the gate: 20 of 20 runs\n0 0\n10 0.05\n"));
  CHECK(has(data, "\n10 0.5\n11 0.55\n"));
  CHECK(has(data, "# first stones: 20 of 20 runs\n0 0\n25 0.05\n"));
  CHECK(has(data, "\n25 1\n"));
  // Under pre_authorized_dispatch the protest ended at 480 - r min: the last at 480, and the x
  // range runs on to the next half hour past 5% more (504 -> 510).
  CHECK(has(slurp(plots / "protest_escalation_p1.dat"), "\n480 1\n510 1\n"));
  CHECK(has(script, "title 'ended (20 of 20)'"));
  CHECK(has(script, "dt 2 title 'ended (20 of 20)'"));  // dashed: the end
  CHECK(has(script, "set xrange [0:510]"));
  if (gnuplot_installed()) CHECK(has(slurp(dir / "report" / "report.md"), "Not recorded by this batch: Molotovs, breach attempt, lethal force granted."));
  fs::remove_all(dir);

  // Two protests in a run: the per-run times are means of two protests, no one protest's times.
  std::vector<SyntheticMetric> two = protest_metrics();
  two[1].value = [](int, int r) { return std::optional<double>(r == 4 ? 2.0 : 1.0); };
  const fs::path other = report_of("escalation-two", two, {"protests.*"});
  CHECK_FALSE(fs::exists(other / "report" / "plots" / "protest_escalation_p0.gp"));
  CHECK(has(slurp(other / "report" / "report.md"), "some run had 2 protests"));
  // ... and the axes count per run, the ladder as protests per run.
  CHECK(has(slurp(other / "report" / "plots" / "protest_toll.gp"), "people hurt or killed per run, mean"));
  CHECK(has(slurp(other / "report" / "plots" / "protest_ladder.gp"), "protests per run, mean"));
  fs::remove_all(other);
}

TEST_CASE("a medical comparison gets no protest figures and no notes about them", "[analysis][plots][protest]") {
  const fs::path dir = report_of("medical", synthetic_metrics());
  CHECK_FALSE(fs::exists(dir / "report" / "plots" / "protest_toll.gp"));
  CHECK_FALSE(has(slurp(dir / "report" / "report.md"), "protest"));
  fs::remove_all(dir);
}

TEST_CASE("each 10-1-2 target is drawn only on the figures of the stage it judges", "[analysis][plots][targets]") {
  const fs::path dir = report_of("targets", synthetic_metrics(), {}, gnuplot_installed());
  const fs::path plots = dir / "report" / "plots";
  const std::string on_scene = slurp(plots / "ecdf_on_scene_min.gp"), hospital = slurp(plots / "ecdf_at_hospital_min.gp"),
                    surgery = slurp(plots / "ecdf_surgery_min.gp"), timeline = slurp(plots / "timeline.gp");
  CHECK_FALSE(has(on_scene, "set arrow"));  // no target judges the time to on scene
  CHECK_FALSE(has(on_scene, "10 min"));
  CHECK(has(hospital, "'1 h: resuscitation'"));
  CHECK_FALSE(has(hospital, "10 min"));
  CHECK_FALSE(has(hospital, "2 h"));
  CHECK(has(surgery, "'2 h: surgery'"));
  CHECK_FALSE(has(surgery, "1 h"));
  // The timeline shows every stage, so every target, each labelled with its stage.
  CHECK(has(timeline, "'10 min: first aid'"));
  CHECK(has(timeline, "'1 h: resuscitation'"));
  CHECK(has(timeline, "'2 h: surgery'"));
  if (gnuplot_installed()) CHECK(has(slurp(dir / "report" / "report.md"), "No 10-1-2 target applies to this stage"));
  fs::remove_all(dir);
}

TEST_CASE("no figure is drawn when nothing varies, and a sentence says so", "[analysis][plots][empty]") {
  std::vector<SyntheticMetric> metrics = synthetic_metrics();
  for (SyntheticMetric& m : metrics)
    if (m.name == "medical.died_of_wounds") m.value = [](int, int) { return std::optional<double>(0); };
  const fs::path dir = report_of("empty", metrics);
  CHECK_FALSE(fs::exists(dir / "report" / "plots" / "deaths.gp"));
  CHECK(has(slurp(dir / "report" / "report.md"), "No deaths chart: died of wounds was 0 in every run of every policy"));
  fs::remove_all(dir);

  std::vector<SyntheticMetric> calm = protest_metrics();
  for (SyntheticMetric& m : calm)
    if (m.name.find("civilians") != std::string::npos || m.name.find("police") != std::string::npos)
      m.value = [](int, int) { return std::optional<double>(0); };
  const fs::path quiet = report_of("empty-protest", calm, {"protests.*"});
  CHECK_FALSE(fs::exists(quiet / "report" / "plots" / "protest_toll.gp"));
  CHECK(has(slurp(quiet / "report" / "report.md"), "No protest toll chart: nothing varies between runs."));
  fs::remove_all(quiet);

  // No protest in any run, protests off (the baseline): one sentence for the protest charts, and
  // no "nan" for the times no protest recorded.
  std::vector<SyntheticMetric> off = protest_metrics();
  for (SyntheticMetric& m : off) {
    const bool time = m.name.find("_min") != std::string::npos;
    m.value = [time](int, int) { return time ? std::optional<double>() : std::optional<double>(0); };
  }
  const fs::path none = report_of("no-protest", off, {"protests.*"});
  const std::string none_md = slurp(none / "report" / "report.md");
  CHECK(has(none_md, "No protest charts: no run of any policy had a protest (protests are off in this scenario: `protests.enabled` is 0)."));
  CHECK_FALSE(has(none_md, "No protest toll chart"));
  CHECK_FALSE(has(none_md, "No escalation ladder over time"));
  CHECK_FALSE(has(none_md, "nan"));
  // The appendix names what never varied (here every metric), folded away under a count.
  CHECK(has(none_md, "Left out, and named below: 13 metrics with the same value in every run of the batch.\n"));
  CHECK(has(none_md, "<details><summary>The 13 metrics with the same value in every run of the batch</summary>\n\n`"));
  CHECK_FALSE(fs::exists(none / "report" / "plots" / "protest_toll.gp"));
  fs::remove_all(none);

  // Protests on, but a step's time recorded by no run: named as never reached, not as "nan".
  std::vector<SyntheticMetric> stoneless = protest_metrics();
  for (SyntheticMetric& m : stoneless)
    if (m.name == "protests.mean_to_stone_throwing_min") m.value = [](int, int) { return std::optional<double>(); };
    else if (m.name == "protests.mean_duration_min") m.value = [](int, int) { return std::optional<double>(45.0); };
  const fs::path calm_times = report_of("stoneless", stoneless, {"protests.*"});
  const std::string stoneless_md = slurp(calm_times / "report" / "report.md");
  CHECK(has(stoneless_md, "first stones none (no run reached it); protest ended 45."));
  CHECK_FALSE(has(stoneless_md, "nan"));
  fs::remove_all(calm_times);

  CHECK_FALSE(varies(std::vector<double>{}));
  CHECK_FALSE(varies(std::vector<double>{2, 2, 2}));
  CHECK(varies(std::vector<double>{2, 2, 3}));
}

TEST_CASE("count axes get whole-number ticks, at most eight of them", "[analysis][plots][ticks]") {
  CHECK(integer_ytics(1) == "set ytics 0, 1\nset format y '%.0f'\nset mytics 1\n");
  CHECK(has(integer_ytics(8), "set ytics 0, 1\n"));
  CHECK(has(integer_ytics(9), "set ytics 0, 2\n"));
  CHECK(has(integer_ytics(30), "set ytics 0, 5\n"));
  CHECK(has(integer_ytics(100), "set ytics 0, 20\n"));
  CHECK(has(integer_ytics(5000), "set ytics 0, 1000\n"));
  const fs::path dir = report_of("ticks", synthetic_metrics());
  CHECK(has(slurp(dir / "report" / "plots" / "deaths.gp"), "set ytics 0, 1\nset format y '%.0f'"));
  fs::remove_all(dir);
}

TEST_CASE("labels placed around crowded points never overlap each other or a point", "[analysis][plots][labels]") {
  const Box area{100, 50, 500, 400};
  std::vector<LabelRequest> labels;
  for (int i = 0; i < 12; ++i) labels.push_back({110, 440, 20, 15});  // twelve parameters with no effect, all at (0, 0)
  for (int i = 0; i < 6; ++i) labels.push_back({300.0 + i * 3, 200.0 + i * 2, 28, 15});  // six with nearly equal effects
  labels.push_back({595, 55, 20, 15});  // one in the top right corner
  const std::vector<PlacedLabel> placed = place_labels(labels, area, 5);
  REQUIRE(placed.size() == labels.size());
  for (std::size_t i = 0; i < placed.size(); ++i) {
    INFO("label " << i << " at " << placed[i].box.left << "," << placed[i].box.top);
    CHECK(placed[i].box.inside(area));
    CHECK(placed[i].box.width == labels[i].width);
    for (std::size_t j = 0; j < i; ++j) CHECK_FALSE(placed[i].box.overlaps(placed[j].box));
    for (const LabelRequest& point : labels) CHECK_FALSE(placed[i].box.overlaps({point.x - 5, point.y - 5, 10, 10}));
  }
  CHECK_FALSE(placed[0].leader);  // the first takes a place beside its point
  CHECK(placed[11].leader);       // the twelfth at the same point is pushed away, with a line back
  CHECK(placed[11].leader_x >= placed[11].box.left);
  CHECK(placed[11].leader_x <= placed[11].box.right());
}

TEST_CASE("labels keep off the marks they are told to avoid", "[analysis][plots][labels]") {
  const Box area{0, 0, 400, 300};
  const std::vector<Box> bars{{50, 147, 300, 6}, {50, 117, 300, 6}, {50, 177, 300, 6}};  // interval bars through the points
  const std::vector<LabelRequest> labels{{200, 150, 20, 15}, {200, 120, 20, 15}, {200, 180, 20, 15}};
  const std::vector<PlacedLabel> placed = place_labels(labels, area, 5, bars);
  for (std::size_t i = 0; i < placed.size(); ++i) {
    INFO("label " << i << " at " << placed[i].box.left << "," << placed[i].box.top);
    for (const Box& bar : bars) CHECK_FALSE(placed[i].box.overlaps(bar));
    for (std::size_t j = 0; j < i; ++j) CHECK_FALSE(placed[i].box.overlaps(placed[j].box));
  }
}

TEST_CASE("the Morris plot numbers its points, lists the parameters beside it and gives units", "[analysis][plots][morris]") {
  SensitivityStudy s;
  s.parameters = {{"qrf.notice_to_move_day", ""}, {"x'); system('touch pwned", ""}, {"guards.count", ""}};
  MetricSensitivity m;
  m.metric = "medical.died_of_wounds";
  m.output_sd = 1;
  MorrisResult r;
  r.factors = {{0.1, {0.5, 0.1}, 0.2, 10}, {0, {2.0, 0.3}, 1.5, 10}, {0, {0.5, 0.1}, 0.2, 10}};
  m.morris = r;
  const FigureFilesOrNote figure = sensitivity_figure(s, m);
  REQUIRE(std::holds_alternative<FigureFiles>(figure));
  const FigureFiles& f = std::get<FigureFiles>(figure);
  INFO(f.script << f.data);
  CHECK(has(f.script, "set xlabel 'mu*: mean |change| over a parameter''s range (died of wounds per run)'"));
  CHECK(has(f.script, "set ylabel 'sigma: spread of the changes (died of wounds per run)'"));
  CHECK(has(f.script, "'1  x''); system(''touch pwned'"));  // ranked first, and quoted as a string
  CHECK(has(f.script, "'2  qrf.notice_to_move_day'"));     // ties keep the file's order
  CHECK(has(f.data, "1 \"x'); system('touch pwned\" 2 1.5"));
  CHECK(has(f.script, "with labels"));
  CHECK(has(f.data, " \"1\"\n"));     // the first parameter's point has its own label
  CHECK(has(f.data, " \"2, 3\"\n"));  // the two with the same effects share one

  m.output_sd = 0;
  m.output_mean = 3;
  const FigureFilesOrNote none = sensitivity_figure(s, m);
  REQUIRE(std::holds_alternative<std::string>(none));
  CHECK(std::get<std::string>(none) == "No plot of died of wounds (medical.died_of_wounds): it was 3 at every point of the sample, so every index is 0.");
}

TEST_CASE("the calibration figure draws each target's record as a band and every set's mean, kept ones apart",
          "[analysis][plots][calibration]") {
  CalibrationStudy s;
  CalibrationTarget interval;
  interval.metric = "medical.died_of_wounds";
  interval.low = 1;
  interval.high = 3;
  interval.note = "died of wounds";
  CalibrationTarget point;
  point.metric = "threats.casualties.killed";
  point.value = 2;
  point.note = "killed'); system('x";  // a note from a file: quoted, never run
  s.targets = {interval, point};
  const auto fit = [](double a, double b, bool kept) {
    SetFit f;
    f.targets = {TargetFit{3, a, a, a, 0, 0, true, {}}, TargetFit{3, b, b, b, 0, 0, true, {}}};
    f.kept = kept;
    f.outside = kept ? 0 : 1;
    return f;
  };
  s.fits = {fit(2, 2, true), fit(5, NAN, false), fit(1.5, 2.5, true)};
  const auto figure = calibration_figure(s);
  REQUIRE(std::holds_alternative<FigureFiles>(figure));
  const FigureFiles& f = std::get<FigureFiles>(figure);
  INFO(f.script << f.data);
  CHECK(has(f.script, "set multiplot layout 2,1"));
  CHECK(has(f.script, "set object 1 rect from 1, graph 0 to 3, graph 1"));  // the interval as a band
  CHECK(has(f.script, "set arrow 1 from 2, graph 0 to 2, graph 1 nohead"));  // the point value as a line
  CHECK(has(f.script, "set title 'killed''); system(''x (per run; record 2)'"));
  CHECK(has(f.data, "0 2 -0.36 2\n1 5 -0.24 0\n2 1.5 -0.12 1\n"));  // set 0 is best (2), set 1 rejected (0), set 2 kept (1)
  CHECK(has(f.data, "1 ? -0.24 0\n"));  // no value: missing, not drawn
  CHECK(has(f.script, "title (0 == 0 ? 'kept set' : '')"));  // the legend once, on the first strip

  s.fits.clear();
  CHECK(std::get<std::string>(calibration_figure(s)) == "No calibration figure: no parameter set was run.");
}

TEST_CASE("only the surgery curve counts those whose wounds need surgery: the others count everyone not killed outright",
          "[analysis][plots]") {
  const fs::path dir = scratch("denominators");
  write_synthetic_batch(dir, synthetic_metrics());
  // care.csv with the chain's needs_surgery column, as a real batch writes it.
  std::ifstream in(dir / "care.csv");
  std::ostringstream patched;
  std::string line;
  for (bool header = true; std::getline(in, line); header = false) patched << line << (header ? ",needs_surgery" : ",1") << "\n";
  in.close();
  std::ofstream(dir / "care.csv") << patched.str();
  const BatchTable batch = read_batch(dir);
  CompareOptions options;
  options.resamples = 200;
  write_report(batch, compare(batch, options), {true, "/nonexistent/gnuplot"});
  const fs::path plots = dir / "report" / "plots";
  for (const char* stage : {"ecdf_on_scene_min.gp", "ecdf_at_hospital_min.gp"}) {
    INFO(stage);
    CHECK(has(slurp(plots / stage), "share of casualties not killed outright"));
    CHECK_FALSE(has(slurp(plots / stage), "need surgery"));
  }
  CHECK(has(slurp(plots / "ecdf_surgery_min.gp"), "share of casualties whose wounds need surgery"));
  fs::remove_all(dir);
}

}  // namespace unity_analysis_test_figures
