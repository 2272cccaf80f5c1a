#include "analysis/gnuplot_text.hpp"

#include "sim/io/visible_text.hpp"

namespace campsim::analysis {

std::string gnuplot_string(std::string_view text) {
  std::string out = "'";
  for (char c : io::visible(text)) {
    if (c == '\'') out += "''";
    else out += c;
  }
  return out + "'";
}

std::string gnuplot_lines(const std::vector<std::string>& lines) {
  if (lines.empty()) return gnuplot_string("");
  std::string out;
  for (const std::string& line : lines) out += (out.empty() ? "" : ".\"\\n\".") + gnuplot_string(line);
  return out;
}

std::string gnuplot_data_string(std::string_view text) {
  std::string out = "\"";
  for (char c : io::visible(text)) out += c == '"' ? '\'' : c;
  return out + "\"";
}

}  // namespace campsim::analysis
