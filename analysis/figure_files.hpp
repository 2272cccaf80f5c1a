#pragma once
// Figures for the sensitivity and calibration reports, drawn as the comparison's are (plots.hpp):
// for each a data file and a gnuplot script beside the PNG in REPORT/plots/, so any figure can be
// redrawn with `gnuplot NAME.gp`; if gnuplot cannot run the data and scripts stay and a note says why.
#include <filesystem>
#include <string>
#include <vector>

#include "analysis/gnuplot_text.hpp"
#include "analysis/plots.hpp"

namespace campsim::analysis {

struct FigureFiles {
  std::string name;     // NAME.dat, NAME.gp, NAME.png
  std::string caption;
  std::string data;
  std::string script;   // starts with gnuplot_preamble(name, ...)
};

// Terminal (pngcairo, else png) of width x height pixels, output NAME.png, title and axis labels, grid.
std::string gnuplot_preamble(const std::string& name, const std::string& title, const std::string& xlabel,
                             const std::string& ylabel, int width = 900, int height = 520);

PlotOutcome draw_figures(const std::filesystem::path& report_dir, const std::vector<FigureFiles>& figures,
                         const PlotOptions& options);

}  // namespace campsim::analysis
