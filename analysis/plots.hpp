#pragma once
// The report's figures, drawn by gnuplot: for each figure a data file (.dat) and a script (.gp)
// are written into REPORT/plots/ beside the PNG, so anyone can redraw or restyle it by running
// `gnuplot NAME.gp` in that directory. Figures whose inputs the batch lacks are skipped with a
// note; if gnuplot cannot run, the data and scripts stay and the notes say why there are no PNGs.
#include <filesystem>
#include <string>
#include <vector>

#include "analysis/batch_table.hpp"
#include "analysis/comparison.hpp"
#include "analysis/document.hpp"

namespace campsim::analysis {

struct PlotOptions {
  bool enabled = true;          // --no-plots: nothing is written, and the report says so
  std::string gnuplot;          // program to run (see gnuplot_program)
};

struct PlotOutcome {
  std::vector<Image> images;       // figures drawn; file relative to the report directory
  std::vector<std::string> notes;  // why figures are missing, one sentence each
};

// Figures are drawn for every design point with runs, as PNG and SVG.
PlotOutcome make_plots(const BatchTable& batch, const Comparison& comparison, const std::filesystem::path& report_dir,
                       const PlotOptions& options);

// The reference-policy replication whose casualties' mean time to on scene (or, without it, whose
// number of casualties) is closest to the median over replications; ties go to the lower
// replication. Only replications with at least one casualty count. Nothing if there are none.
std::optional<int> representative_replication(const BatchTable& batch, int design_point, std::size_t policy);

}  // namespace campsim::analysis
