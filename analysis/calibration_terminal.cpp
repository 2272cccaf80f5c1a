#include "analysis/calibration_terminal.hpp"

#include <algorithm>

#include "analysis/bottom_line.hpp"

namespace campsim::analysis {

namespace {

// Columns a cell takes: one per character, not per byte ("∞" is three bytes, one column).
std::size_t columns(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

}  // namespace

std::string terminal_target_table(const CalibrationStudy& s, std::size_t set, std::size_t width) {
  const Table full = target_table(s, set);
  // Columns kept: per, record, simulated mean, 90% band, implausibility, inside?, runs (the target
  // heads its rows; the source is long and in the report).
  const std::vector<std::size_t> kept{1, 2, 4, 5, 6, 7, 8};
  std::vector<std::size_t> w;
  for (std::size_t c : kept) {
    std::size_t most = columns(full.header[c]);
    for (const auto& row : full.rows) most = std::max(most, columns(row[c]));
    w.push_back(most);
  }
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string out = "  ";
    for (std::size_t i = 0; i < kept.size(); ++i) {
      const std::string& text = cells[kept[i]];
      const std::string pad(w[i] - columns(text), ' ');
      out += (i ? "  " : "") + (full.right_aligned[kept[i]] ? pad + text : text + pad);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = "target\n" + line(full.header);
  for (std::size_t t = 0; t < s.targets.size(); ++t) {
    const CalibrationTarget& target = s.targets[t];
    out += wrap_text(target.note.empty() ? target.metric : target.note, width, 0);
    out += line(full.rows[t]);
  }
  return out;
}

Table terminal_parameter_table(const CalibrationStudy& s) {
  Table t = parameter_table(s);
  // Backticks mark code in the report; on a terminal they are two more columns of noise.
  for (auto& row : t.rows) row[0].erase(std::remove(row[0].begin(), row[0].end(), '`'), row[0].end());
  return t;
}

}  // namespace campsim::analysis
