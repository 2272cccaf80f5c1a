#include "analysis/figure_files.hpp"

#include <fstream>
#include <optional>

#include "analysis/gnuplot_runner.hpp"
#include "sim/io/run_directory.hpp"

namespace campsim::analysis {

namespace fs = std::filesystem;

namespace {

bool is_png(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  char magic[8] = {};
  in.read(magic, 8);
  return in.gcount() == 8 && std::string(magic, 8) == "\x89PNG\r\n\x1a\n";
}

}  // namespace

std::string gnuplot_preamble(const std::string& name, const std::string& title, const std::string& xlabel,
                             const std::string& ylabel, int width, int height) {
  const std::string size = std::to_string(width) + "," + std::to_string(height);
  return "# Written by campsim; redraw with: gnuplot " + name + ".gp\n"
         "if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {\n"
         "  set terminal pngcairo size " + size + " noenhanced font 'sans,10'\n"
         "} else {\n"
         "  set terminal png size " + size + " noenhanced\n"
         "}\n"
         "set output '" + name + ".png'\n"
         "set title " + gnuplot_string(title) + "\n"
         "set xlabel " + gnuplot_string(xlabel) + "\n"
         "set ylabel " + gnuplot_string(ylabel) + "\n"
         "set grid\n";
}

PlotOutcome draw_figures(const fs::path& report_dir, const std::vector<FigureFiles>& figures, const PlotOptions& options) {
  PlotOutcome outcome;
  if (!options.enabled) {
    outcome.notes.push_back("Plots were not drawn: `--no-plots` was given.");
    return outcome;
  }
  const fs::path plots = report_dir / "plots";
  fs::create_directories(plots);
  const std::string program = gnuplot_program(options.gnuplot);
  std::optional<GnuplotFailure> cannot_run;  // drawing stopped: no gnuplot, or one hit the time limit
  for (const FigureFiles& f : figures) {
    io::write_text_file(plots / (f.name + ".dat"), f.data);
    io::write_text_file(plots / (f.name + ".gp"), f.script);
    if (cannot_run) continue;
    if (std::optional<GnuplotFailure> failure = run_gnuplot(program, plots / (f.name + ".gp"))) {
      if (failure->give_up()) cannot_run = failure;
      else outcome.notes.push_back("No " + f.name + ".png: " + failure->message + ".");
      continue;
    }
    const fs::path png = plots / (f.name + ".png");
    if (!fs::exists(png) || fs::file_size(png) == 0 || !is_png(png)) {
      outcome.notes.push_back("No " + f.name + ".png: gnuplot ran but wrote no valid PNG.");
      continue;
    }
    outcome.images.push_back({"plots/" + f.name + ".png", f.caption, {}, 0});
  }
  if (cannot_run) outcome.notes.insert(outcome.notes.begin(), plots_absent_note(*cannot_run));
  return outcome;
}

}  // namespace campsim::analysis
