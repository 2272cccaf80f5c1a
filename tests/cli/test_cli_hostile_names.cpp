// Names from a batch directory someone else wrote are data, never code (issue 24): policy and
// scenario names holding quotes, backquotes, '!', system(...), $(...), newlines and terminal
// escapes go through compare's plots (the real gnuplot) and report; nothing they name is run,
// and the plots and report still appear, showing the names as written.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "../analysis/synthetic_batch.hpp"
#include "analysis/gnuplot_text.hpp"
#include "run_cli.hpp"
#include "sim/io/visible_text.hpp"

using namespace campsim::testing;
namespace fs = std::filesystem;

namespace {

// `text` with every `from` replaced by `to`.
std::string replaced_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

std::string csv_quoted(const std::string& text) { return "\"" + replaced_all(text, "\"", "\"\"") + "\""; }

}  // namespace

TEST_CASE("hostile policy and scenario names are drawn and reported, never run", "[cli][hostile][compare]") {
  const fs::path scratch = scratch_dir("hostile-names");
  const fs::path batch = scratch / "batch";
  write_synthetic_batch(batch);
  const auto pwned = [&](int n) { return (scratch / ("PWNED" + std::to_string(n))).string(); };
  // Each name tries every way gnuplot or a shell could be made to run something.
  const std::string reference = "it's \"ref\" `touch " + pwned(1) + "` $(touch " + pwned(2) + ")\n!touch " + pwned(3);
  const std::string policy = "x' . system('touch " + pwned(4) + "') . '\nsystem(\"touch " + pwned(5) + "\") \x1b]0;title\x07\x1b[2J";
  const std::string scenario = "scen'\n!touch " + pwned(6) + "\n`touch " + pwned(7) + "`.yaml";

  auto manifest = nlohmann::json::parse(read_file(batch / "batch.json"));
  manifest["policies"][0]["name"] = reference;
  manifest["policies"][1]["name"] = policy;
  manifest["scenario"] = scenario;
  std::ofstream(batch / "batch.json") << manifest.dump(2);
  for (const char* file : {"results.csv", "care.csv"}) {
    std::string text = read_file(batch / file);
    text = replaced_all(text, ",pre_authorized_dispatch,", "," + csv_quoted(policy) + ",");
    text = replaced_all(text, ",gao_baseline,", "," + csv_quoted(reference) + ",");
    std::ofstream(batch / file, std::ios::binary) << text;
  }

  const CliResult r = run_cli("compare " + batch.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  for (int n = 1; n <= 7; ++n) CHECK_FALSE(fs::exists(pwned(n)));
  // What compare prints holds no terminal control: the escapes in the names are written out.
  CHECK(r.output.find('\x1b') == std::string::npos);
  CHECK(r.output.find('\x07') == std::string::npos);
  CHECK(r.output.find("\\x1b]0;title\\x07\\x1b[2J") != std::string::npos);

  // The plots were drawn (gnuplot ran every script to its end) and name the policies as written.
  const fs::path plots = batch / "report" / "plots";
  for (const char* figure : {"deaths", "compliance", "ecdf_on_scene_min", "timeline"}) {
    INFO(figure);
    CHECK(fs::exists(plots / (std::string(figure) + ".png")));
  }
  CHECK(read_file(plots / "ecdf_on_scene_min.gp").find("title " + campsim::analysis::gnuplot_string(policy)) != std::string::npos);
  const std::string svg = read_file(plots / "ecdf_on_scene_min.svg");
  CHECK(svg.find("system(") != std::string::npos);  // the name is on the picture, not run

  // The report holds the names, each shown on its line with its control characters written out.
  const std::string md = read_file(batch / "report" / "report.md");
  CHECK(md.find(campsim::io::visible(policy)) != std::string::npos);
  CHECK(md.find(campsim::io::visible(reference)) != std::string::npos);
  CHECK(fs::exists(batch / "report" / "report.html"));
  fs::remove_all(scratch);
}

TEST_CASE("run and validate print a scenario name's control characters written out, never raw", "[cli][hostile]") {
  const fs::path scratch = scratch_dir("terminal-escapes");
  const auto raw_free = [](const std::string& out) {
    CHECK(out.find('\x1b') == std::string::npos);
    CHECK(out.find('\x07') == std::string::npos);
    CHECK(out.find("\xc2\x9b") == std::string::npos);
    CHECK(out.find("\xe2\x80\xae") == std::string::npos);
  };
  // Clear the screen, set the window title, ring the bell, a C1 CSI and a right-to-left override:
  // control characters in a name are refused (issue 24, item 6), and the refusal shows them
  // written out.
  const fs::path file = scratch / "escapes.yaml";
  std::ofstream(file) << "extends: " << CAMPSIM_SOURCE_DIR << "/scenarios/gao_baseline.yaml\n"
                      << "scenario:\n  name: \"evil\\e[2J\\e]0;owned\\a\\x9b" "1m\\u202Etxt.exe\"\n";
  const CliResult validate = run_cli("validate " + file.string());
  INFO(validate.output);
  CHECK(validate.exit_code == 2);
  CHECK(validate.output.find("scenario.name: expected a name without control characters") != std::string::npos);
  CHECK(validate.output.find("evil\\x1b[2J\\x1b]0;owned\\x07\\u009b1m\\u202etxt.exe") != std::string::npos);
  raw_free(validate.output);
  // A right-to-left override is no control character: the name is taken, and printed written out.
  const fs::path bidi = scratch / "bidi.yaml";
  std::ofstream(bidi) << "extends: " << CAMPSIM_SOURCE_DIR << "/scenarios/gao_baseline.yaml\n"
                      << "scenario:\n  name: \"evil\\u202Etxt.exe\"\n";
  const CliResult run = run_cli("run " + bidi.string() + " --days 0.01 --out " + (scratch / "run").string());
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  CHECK(run.output.find("evil\\u202etxt.exe") != std::string::npos);
  raw_free(run.output);
  fs::remove_all(scratch);
}
