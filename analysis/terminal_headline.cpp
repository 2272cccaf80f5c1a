#include "analysis/terminal_headline.hpp"

#include <algorithm>

#include "analysis/bottom_line.hpp"
#include "analysis/display.hpp"
#include "analysis/run_noun.hpp"
#include "analysis/report.hpp"
#include "sim/engine/number_format.hpp"

namespace campsim::analysis {

namespace {

struct Row {
  std::size_t policy;
  std::string mean, change, verdict, n;
};

struct Section {
  std::string heading;
  std::vector<Row> rows;
  std::vector<std::pair<std::size_t, std::string>> footnotes;  // policy, what the verdict rests on
};

std::string padded(const std::string& text, std::size_t width, bool right) {
  const std::string pad(width > text.size() ? width - text.size() : 0, ' ');
  return right ? pad + text : text + pad;
}

}  // namespace

std::string terminal_headline(const Comparison& c, int design_point, std::size_t width) {
  const std::string level = engine::format_number(100 * c.options.level) + "% CI";
  std::vector<Section> sections;
  for (const std::string& name : headline_metrics(c)) {
    const MetricResult* r = c.find(name, design_point);
    if (!r) continue;
    const double scale = r->policies[c.reference].estimate.summary.mean;
    Section s{label_with_unit(r->metric, run_noun(c)), {}, {}};
    for (const PolicyResult& p : r->policies) {
      Row row{p.policy, format_mean_ci(r->metric, p.estimate.summary.mean, p.estimate.ci, scale), "(reference)", "",
              std::to_string(p.estimate.summary.n)};
      if (p.vs_reference) {
        const Difference& d = *p.vs_reference;
        if (d.verdict == Verdict::identical) {
          // Said once: the reference's row carries the interval.
          row.mean = "same as reference";
          row.change = "0 in all " + std::to_string(d.pairs) + " pairs";
          row.verdict = "identical";
        } else {
          row.change = format_difference_ci(r->metric, d.summary.mean, d.ci, scale);
          row.verdict = to_string(d.verdict);
          if (d.sign_test_p || d.verdict_reason == "the difference rounds to 0") {
            row.verdict += "*";
            s.footnotes.emplace_back(p.policy, verdict_basis(d));
          }
        }
      }
      s.rows.push_back(std::move(row));
    }
    sections.push_back(std::move(s));
  }

  // A long reference name would widen the change column past the names' room: the reference's
  // row says "(reference)" anyway.
  const std::string& reference = c.labels[c.reference];
  const std::vector<std::string> header{"policy", "mean [" + level + "]",
                                        "vs " + (reference.size() > 20 ? std::string("reference") : reference) + " [" + level + "]",
                                        "verdict", "n"};
  std::vector<std::size_t> w(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) w[i] = header[i].size();
  for (const Section& s : sections)
    for (const Row& row : s.rows) {
      w[1] = std::max(w[1], row.mean.size());
      w[2] = std::max(w[2], row.change.size());
      w[3] = std::max(w[3], row.verdict.size());
      w[4] = std::max(w[4], row.n.size());
    }
  // Policy names take what the numbers leave; a name that does not fit is cut and given a
  // numbered mark ("same_nation_secto~1") explained below the table.
  const std::size_t indent = 2, gaps = 2 * 4;
  const std::size_t others = indent + gaps + w[1] + w[2] + w[3] + w[4];
  const std::size_t room = width > others + 8 ? width - others : 8;
  // Names that share a long beginning (replay_2015-01-27_gao_protest, ..._restrained,
  // ..._by_the_book) are cut after it, so what is left tells them apart: the rest of the name, or
  // for the one that is all beginning, its last word.
  std::size_t common = c.labels.empty() ? 0 : c.labels.front().size();
  for (const std::string& name : c.labels) {
    std::size_t same = 0;
    while (same < common && same < name.size() && name[same] == c.labels.front()[same]) ++same;
    common = same;
  }
  const auto telling = [&](const std::string& name) {
    if (c.labels.size() < 2 || common < 8) return name;
    const auto separator = [](char ch) { return ch == '_' || ch == '-'; };
    std::string rest = name.substr(common);
    // Cut mid-word (policy_alpha, policy_alps), the rest would not read: the last word instead.
    if (common < name.size() && !separator(name[common]) && !separator(name[common - 1])) rest.clear();
    while (!rest.empty() && separator(rest.front())) rest.erase(rest.begin());
    if (rest.empty()) rest = name.substr(name.find_last_of("_-") == std::string::npos ? 0 : name.find_last_of("_-") + 1);
    return rest;
  };
  std::vector<std::string> shown(c.labels.size());
  std::vector<std::string> legend;
  for (std::size_t p = 0; p < c.labels.size(); ++p) {
    shown[p] = c.labels[p];
    if (shown[p].size() > room) {
      const std::string mark = "~" + std::to_string(legend.size() + 1);
      shown[p] = telling(c.labels[p]).substr(0, room - mark.size()) + mark;
      legend.push_back(mark + " = " + c.labels[p]);
    }
    w[0] = std::max(w[0], shown[p].size());
  }
  w[0] = std::max(w[0], header[0].size());

  const auto line = [&](const std::vector<std::string>& cells) {
    std::string text(indent, ' ');
    for (std::size_t i = 0; i < cells.size(); ++i) text += (i ? "  " : "") + padded(cells[i], w[i], i == 1 || i == 2 || i == 4);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text + "\n";
  };
  std::string out = line(header);
  for (const Section& s : sections) {
    out += s.heading + "\n";
    for (const Row& row : s.rows) out += line({shown[row.policy], row.mean, row.change, row.verdict, row.n});
    for (const auto& [policy, basis] : s.footnotes) out += wrap_text("* " + shown[policy] + ": " + basis, width, 4);
  }
  for (const std::string& entry : legend) out += "  " + entry + "\n";
  out += wrap_text("better / worse: the interval of the paired difference excludes 0 (fewer deaths, shorter delays, "
                   "higher compliance); higher / lower: a clear change whose desirability campsim does not judge; no "
                   "clear difference: the batch cannot tell; *: few pairs differ, so an exact sign test decided. n: runs "
                   "with a value. Each verdict's basis: report.md.",
                   width, 0);
  return out;
}

}  // namespace campsim::analysis
