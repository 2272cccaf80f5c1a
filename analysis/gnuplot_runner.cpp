#include "analysis/gnuplot_runner.hpp"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "sim/io/subprocess.hpp"
#include "sim/io/visible_text.hpp"

namespace campsim::analysis {

namespace fs = std::filesystem;

std::string gnuplot_program(const std::string& option) {
  if (!option.empty()) return option;
  if (const char* env = std::getenv("CAMPSIM_GNUPLOT"); env && *env) return env;
  return "gnuplot";
}

std::chrono::milliseconds gnuplot_time_limit() {
  if (const char* env = std::getenv("CAMPSIM_GNUPLOT_TIMEOUT"); env && *env) {
    char* end = nullptr;
    const double seconds = std::strtod(env, &end);
    if (*end == '\0' && std::isfinite(seconds) && seconds > 0 && seconds <= 86400)
      return std::chrono::milliseconds(static_cast<long>(std::ceil(seconds * 1000)));
  }
  return std::chrono::seconds(60);
}

std::optional<GnuplotFailure> run_gnuplot(const std::string& program, const fs::path& script) {
  const fs::path dir = script.parent_path();
  const fs::path log = dir / (script.stem().string() + ".stderr");
  // An absolute program path still works after the child changes directory.
  const std::string resolved = program.find('/') != std::string::npos ? fs::absolute(program).string() : program;
  const std::string script_name = script.filename().string();
  io::ProgramRun run;
  run.argv = {resolved, script_name};
  run.directory = dir;
  run.stderr_file = log.filename();
  run.limit = gnuplot_time_limit();
  run.no_new_processes = true;  // gnuplot's system(), `!` and backquotes fail even if a script asked for them
  const io::ProgramOutcome outcome = io::run_program(run);
  std::ostringstream messages;
  if (outcome.kind != io::ProgramOutcome::Kind::cannot_start) messages << std::ifstream(log).rdbuf();
  std::error_code ignored;
  fs::remove(log, ignored);
  if (outcome.ok()) return std::nullopt;

  GnuplotFailure failure;
  if (outcome.kind == io::ProgramOutcome::Kind::cannot_start) {
    failure.kind = GnuplotFailure::Kind::cannot_start;
    failure.message = "cannot run gnuplot '" + program + "': " + std::strerror(outcome.code);
    return failure;
  }
  if (outcome.kind == io::ProgramOutcome::Kind::timed_out) failure.kind = GnuplotFailure::Kind::timed_out;
  failure.message = "gnuplot " + io::describe(outcome, run.limit);
  std::string text = messages.str();
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  if (text.size() > 400) text = text.substr(0, 400) + "...";
  if (!text.empty()) failure.message += ": " + io::visible(text);  // it may echo a name from the data
  failure.message += " (on " + script_name + ")";
  return failure;
}

std::string plots_absent_note(const GnuplotFailure& failure) {
  if (failure.kind == GnuplotFailure::Kind::timed_out)
    return "Plots stopped: " + failure.message +
           "; the figures after it were not drawn. The data and gnuplot scripts are in plots/: run `gnuplot NAME.gp` there "
           "to draw them.";
  return "Plots are absent: " + failure.message +
         ". The data and gnuplot scripts are in plots/; install gnuplot (Debian: gnuplot-nox) or pass --gnuplot PATH, or run "
         "`gnuplot NAME.gp` in plots/ to draw them.";
}

}  // namespace campsim::analysis
