#include "analysis/robustness_report.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "analysis/display.hpp"
#include "analysis/run_noun.hpp"

namespace campsim::analysis {

namespace {

constexpr std::size_t kFactorsShown = 3;  // the strongest few; the rest are in no table

std::string two_decimals(double v) { return format_fixed(v, 2, true); }

// "p 0.031", "p < 0.001": two significant figures are all a screening p-value deserves.
std::string p_text(double p) {
  if (p < 0.001) return "p < 0.001";
  char text[32];
  std::snprintf(text, sizeof text, "p %.2g", p);
  return text;
}

// A difference on the metric's display scale (shares as percentage points).
std::string difference_text(const MetricInfo& m, double v) {
  const double shown = m.share ? 100 * v : v;
  const int decimals = difference_decimals(m, v, v);
  return format_fixed(shown, decimals, true) + (m.share ? " pp" : "");
}

std::string dependence_text(const PolicyOverDesign& p) {
  std::string flagged, strongest;
  for (std::size_t i = 0; i < p.factors.size(); ++i) {
    const FactorDependence& f = p.factors[i];
    if (!std::isfinite(f.spearman)) continue;
    const std::string item = "`" + f.key + "` (rho " + two_decimals(f.spearman) + ", " + p_text(f.p_value) + ")";
    if (f.depends) flagged += (flagged.empty() ? "" : "; ") + item;
    if (i < kFactorsShown && !f.depends && f.p_value < 0.05)
      strongest += (strongest.empty() ? "" : "; ") + item + " [not after Holm]";
  }
  if (!flagged.empty()) return flagged + (strongest.empty() ? "" : "; " + strongest);
  if (!p.factors.empty() && std::isfinite(p.factors.front().spearman)) {
    const FactorDependence& f = p.factors.front();
    return "none of the " + std::to_string(p.factors.size()) + " (strongest `" + f.key + "`, rho " + two_decimals(f.spearman) +
           ", " + p_text(f.p_value) + ")";
  }
  return "none (the difference does not vary)";
}

}  // namespace

Table ranking_table(const Comparison& c, const VerdictRobustness& r) {
  Table t;
  t.header = {"metric"};
  t.right_aligned = {false};
  for (const std::string& policy : c.labels) {
    t.header.push_back(policy + " best at");
    t.right_aligned.push_back(true);
  }
  t.header.push_back("tied");
  t.right_aligned.push_back(true);
  for (const MetricOverDesign& m : r.metrics) {
    if (m.metric.direction == Direction::unknown) continue;
    std::vector<std::string> row{label_with_unit(m.metric, run_noun(c))};
    for (int count : m.best_count) row.push_back(std::to_string(count) + " of " + std::to_string(r.points));
    row.push_back(std::to_string(m.tied));
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table dependence_table(const Comparison& c, const VerdictRobustness& r) {
  Table t;
  t.header = {"metric", "policy", "better / worse / unclear", "difference vs " + c.labels[c.reference] + " (min to max)",
              "depends on (Spearman rho, p)"};
  t.right_aligned = {false, false, true, true, false};
  for (const MetricOverDesign& m : r.metrics)
    for (const PolicyOverDesign& p : m.policies) {
      if (p.points == 0) continue;
      if (p.difference_min == 0 && p.difference_max == 0) continue;  // the same as the reference everywhere
      t.rows.push_back({label_with_unit(m.metric, run_noun(c)), c.policies[p.policy],
                        std::to_string(p.better) + " / " + std::to_string(p.worse) + " / " + std::to_string(p.unclear),
                        difference_text(m.metric, p.difference_min) + " to " + difference_text(m.metric, p.difference_max),
                        dependence_text(p)});
    }
  return t;
}

std::vector<Block> robustness_blocks(const Comparison& c, const VerdictRobustness& r) {
  std::string factors;
  for (const std::string& k : r.factor_keys) factors += (factors.empty() ? "`" : ", `") + k + "`";
  return {Heading{2, "Over the design: does the verdict hold, and on what does it depend?", "over-the-design"},
          Paragraph{"The policies ran at " + std::to_string(r.points) + " points of a design over " + factors +
                    ". A verdict that holds at every point does not depend on those parameters within their ranges; one "
                    "that changes sign does, and the table says on which. Ranking: at how many points each policy alone "
                    "has the best mean (tied: two or more share it). Dependence: Spearman's rank correlation, over the points, of the paired mean "
                    "difference (policy - " + c.policies[c.reference] + ") with each parameter's value; a parameter is "
                    "named when its p-value stays below 0.05 after Holm's correction over the parameters "
                    "(docs/analysis.md). A policy that equals the reference at every point on a metric is left out of "
                    "the second table."},
          Paragraph{"**Ranking over the design**"},
          ranking_table(c, r),
          Paragraph{"**Verdicts over the design and what they depend on**"},
          dependence_table(c, r)};
}

}  // namespace campsim::analysis
