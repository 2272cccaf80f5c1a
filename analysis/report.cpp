#include "analysis/report.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include <fmt/format.h>

#include "analysis/bottom_line.hpp"
#include "analysis/display.hpp"
#include "analysis/run_noun.hpp"
#include "analysis/robustness_report.hpp"
#include "sim/engine/number_format.hpp"
#include "sim/io/run_directory.hpp"

namespace campsim::analysis {

namespace fs = std::filesystem;
using engine::format_number;

namespace {

std::string level_text(const Comparison& c) { return format_number(100 * c.options.level) + "%"; }

const PolicyResult& reference_of(const Comparison& c, const MetricResult& r) { return r.policies[c.reference]; }

std::string policy_name(const Comparison& c, std::size_t p) {
  return p == c.reference ? c.labels[p] + " (reference)" : c.labels[p];
}

bool has_design(const BatchTable& batch) {
  return batch.manifest.design_points.size() > 1 || !batch.manifest.design_points.front().settings.empty();
}

}  // namespace

std::string verdict_text(const Difference& d) {
  if (d.verdict == Verdict::identical) return "identical in all " + std::to_string(d.pairs) + " pairs";
  return to_string(d.verdict);
}

std::string verdict_basis(const Difference& d) {
  if (d.verdict == Verdict::identical || d.verdict == Verdict::not_enough_data) return d.verdict_reason;
  if (d.sign_test_p || d.verdict_reason == "the difference rounds to 0") return d.verdict_reason;
  std::string basis = std::string(to_string(d.ci.method)) + " interval " + (d.ci.excludes_zero() ? "excludes 0" : "contains 0");
  if (d.ci.method == IntervalMethod::bootstrap_bca) basis += " (" + d.method_reason + ")";
  return basis;
}

std::string what_was_run(const BatchManifest& m, bool one_protest_each) {
  std::string text = std::to_string(m.replications) + " replication" + (m.replications == 1 ? "" : "s");
  if (one_protest_each) text += " (one protest each)";
  else text += m.days ? " of " + format_number(*m.days) + " day" + (*m.days == 1 ? "" : "s") : " of each scenario's own duration";
  text += " per policy";
  const bool design = m.design_points.size() > 1 || (!m.design_points.empty() && !m.design_points.front().settings.empty());
  if (design) text += " and design point (" + std::to_string(m.design_points.size()) + " design points)";
  const std::size_t runs = m.policies.size() * static_cast<std::size_t>(std::max(0L, m.replications)) * m.design_points.size();
  text += ", " + std::to_string(m.policies.size()) + " polic" + (m.policies.size() == 1 ? "y" : "ies") + " (" +
          std::to_string(runs) + " runs), seed " + std::to_string(m.seed) + ", common random numbers";
  return text;
}

namespace {

Table estimates_table(const Comparison& c, const std::vector<const MetricResult*>& results, bool show_design_point) {
  Table t;
  t.header = {"metric", "policy", "n", "missing", "mean [" + level_text(c) + " CI]", "sd", "median", "p90", "min", "max",
              "interval", "replications for ±" + format_number(100 * c.options.target_rel_halfwidth) + "%"};
  if (show_design_point) t.header.insert(t.header.begin() + 1, "design point");
  t.right_aligned.assign(t.header.size(), true);
  t.right_aligned[0] = t.right_aligned[1] = false;
  if (show_design_point) t.right_aligned[2] = false;
  t.right_aligned[t.header.size() - 2] = false;
  for (const MetricResult* r : results) {
    const double scale = reference_of(c, *r).estimate.summary.mean;
    const int d = decimals_for(display_scale(r->metric, scale));
    const auto num = [&](double v) { return format_fixed(display_scale(r->metric, v), d); };
    for (const PolicyResult& p : r->policies) {
      const Estimate& e = p.estimate;
      std::vector<std::string> row{label_with_unit(r->metric, run_noun(c)), policy_name(c, p.policy), std::to_string(e.summary.n),
                                   std::to_string(e.summary.n_missing),
                                   format_mean_ci(r->metric, e.summary.mean, e.ci, scale), num(e.summary.sd),
                                   num(e.summary.median), num(e.summary.p90), num(e.summary.min), num(e.summary.max),
                                   std::string(to_string(e.ci.method)) + " (" + e.method_reason + ")",
                                   format_count(e.replications_needed)};
      if (show_design_point) row.insert(row.begin() + 1, std::to_string(r->design_point));
      t.rows.push_back(std::move(row));
    }
  }
  return t;
}

Table differences_table(const Comparison& c, const std::vector<const MetricResult*>& results, bool show_design_point) {
  Table t;
  t.header = {"metric", "policy", "pairs", "unmatched", "difference [" + level_text(c) + " CI]", "interval", "verdict",
              "replications for ±" + format_number(100 * c.options.target_rel_halfwidth) + "% of reference"};
  if (show_design_point) t.header.insert(t.header.begin() + 1, "design point");
  t.right_aligned.assign(t.header.size(), true);
  t.right_aligned[0] = t.right_aligned[1] = false;
  const std::size_t shift = show_design_point ? 1 : 0;
  if (show_design_point) t.right_aligned[2] = false;
  t.right_aligned[5 + shift] = t.right_aligned[6 + shift] = false;
  for (const MetricResult* r : results) {
    const double scale = reference_of(c, *r).estimate.summary.mean;
    for (const PolicyResult& p : r->policies) {
      if (!p.vs_reference) continue;
      const Difference& d = *p.vs_reference;
      std::vector<std::string> row{label_with_unit(r->metric, run_noun(c)), c.labels[p.policy],
                                   std::to_string(d.pairs), std::to_string(d.unmatched),
                                   d.verdict == Verdict::identical ? "0 (same in every run)"
                                                                   : format_difference_ci(r->metric, d.summary.mean, d.ci, scale),
                                   std::string(to_string(d.ci.method)) + " (" + d.method_reason + ")",
                                   verdict_text(d) + (d.verdict == Verdict::identical ? "" : " (" + verdict_basis(d) + ")"),
                                   format_count(d.replications_needed)};
      if (show_design_point) row.insert(row.begin() + 1, std::to_string(r->design_point));
      t.rows.push_back(std::move(row));
    }
  }
  return t;
}

std::vector<std::string> method_notes(const BatchTable& batch, const Comparison& c) {
  const std::string level = level_text(c);
  const std::string ref = c.labels[c.reference];
  return {
      "**Common random numbers.** Replication r of every policy uses the same random streams (seed " +
          std::to_string(batch.manifest.seed) +
          ", replication r), so the policies meet the same attacks. Differences are therefore taken pair by pair "
          "(policy minus " + ref + ", matched by design point and replication; pairs where either value is missing are "
          "dropped and counted as unmatched): the shared noise cancels and the interval of the difference is much "
          "narrower than the two separate intervals suggest. Do not judge a difference by whether two policies' "
          "intervals overlap.",
      "**Intervals.** Each is a " + level + " interval for a mean over replications. By default the Student t interval "
          "mean ± t(n-1) · sd / √n. The BCa bootstrap (" + std::to_string(c.options.resamples) +
          " resamples, Philox streams keyed by seed " + std::to_string(c.options.seed) +
          " and the metric, design point and policy, so the same batch gives the same bytes) is used instead when n ≥ 10 "
          "and the values are strongly skewed (|skewness| ≥ 1) or are a share with mean below 10% or above 90%. With fewer "
          "than 2 values there is no interval; below 10 values the t interval is used whatever the shape. The column "
          "\"interval\" names the method and why.",
      "**Verdicts.** \"better\" or \"worse\" only when the interval of the difference excludes zero, in the direction "
          "the metric is wanted (fewer deaths, shorter delays, higher compliance); \"higher\"/\"lower\" for metrics "
          "whose desirable direction campsim does not know; otherwise \"no clear difference\", which means the batch "
          "cannot tell, not that the policies are equal. \"Identical in all N pairs\" when every pair has the same value. "
          "Sparse differences (fewer than " + std::to_string(kMinNonZeroPairs) + " of the pairs differ at all, as with "
          "one death more or less in a few runs) get a t interval, never a bootstrap, and a verdict only when the exact "
          "two-sided sign test on the pairs that differ also rejects at the " + level + " level in the same direction; "
          "the column \"basis\" gives the counts and p. A difference that rounds to zero is never called higher or lower.",
      "**Replications needed.** The smallest n with t(n-1) · sd / √n ≤ " +
          format_number(100 * c.options.target_rel_halfwidth) +
          "% of the mean (for differences: of the reference's mean), using this batch's sd; a planning figure for the "
          "next batch, itself uncertain when the batch is small. n/a when the mean is zero or there are fewer than 2 "
          "values.",
      "**Missing values.** An empty cell (e.g. a mean time over zero casualties) is left out and counted under "
          "\"missing\"; n is the number of values used.",
  };
}

}  // namespace

bool constant_metric(const Comparison& c, const std::string& name) {
  std::optional<double> value;
  std::optional<std::size_t> missing;
  for (const MetricResult& r : c.results) {
    if (r.metric.name != name) continue;
    for (const PolicyResult& p : r.policies) {
      const Summary& s = p.estimate.summary;
      if (missing && *missing != s.n_missing) return false;
      missing = s.n_missing;
      if (s.n == 0) continue;
      if (s.min != s.max || (value && *value != s.min)) return false;
      value = s.min;
    }
  }
  return true;
}

std::vector<std::string> headline_metrics(const Comparison& c) {
  constexpr std::size_t kMost = 12;
  std::vector<std::string> chosen;
  const auto selected = [&](const std::string& name) {
    return std::find(c.metrics.begin(), c.metrics.end(), name) != c.metrics.end();
  };
  const auto take = [&](const std::string& name) {
    if (chosen.size() < kMost && selected(name) && std::find(chosen.begin(), chosen.end(), name) == chosen.end() &&
        !constant_metric(c, name))
      chosen.push_back(name);
  };
  for (const std::string& k : key_metrics()) take(k);
  for (const std::string& m : other_headline_metrics()) take(m);
  // The metrics asked for by name or pattern: every one whose better direction is known.
  if (!c.options.metric_patterns.empty())
    for (const std::string& m : c.metrics)
      if (describe_metric(m).direction != Direction::unknown) take(m);
  if (chosen.empty())
    for (const std::string& m : c.metrics)
      if (chosen.size() < 8 && !constant_metric(c, m)) chosen.push_back(m);
  return chosen;
}

Table headline_table(const Comparison& c, int design_point) {
  Table t;
  const std::string level = level_text(c);
  t.header = {"metric", "policy", "mean [" + level + " CI]", "vs " + c.labels[c.reference] + " [" + level + " CI]",
              "verdict", "basis", "n"};
  t.right_aligned = {false, false, true, true, false, false, true};
  for (const std::string& name : headline_metrics(c)) {
    const MetricResult* r = c.find(name, design_point);
    if (!r) continue;
    const double scale = reference_of(c, *r).estimate.summary.mean;
    bool first = true;
    for (const PolicyResult& p : r->policies) {
      std::string mean = format_mean_ci(r->metric, p.estimate.summary.mean, p.estimate.ci, scale);
      std::string difference = "(reference)", verdict, basis;
      if (p.vs_reference) {
        // Identical in every pair: the numbers are the reference's, said once on its row.
        if (p.vs_reference->verdict == Verdict::identical) mean = "same as reference";
        difference = p.vs_reference->verdict == Verdict::identical
                         ? "0 (same in every run)"
                         : format_difference_ci(r->metric, p.vs_reference->summary.mean, p.vs_reference->ci, scale);
        verdict = verdict_text(*p.vs_reference);
        basis = p.vs_reference->verdict == Verdict::identical ? "" : verdict_basis(*p.vs_reference);
      }
      t.rows.push_back({first ? label_with_unit(r->metric, run_noun(c)) : "", c.labels[p.policy], mean, difference, verdict, basis,
                        std::to_string(p.estimate.summary.n)});
      first = false;
    }
  }
  return t;
}

Table best_policy_table(const Comparison& c, int design_point) {
  Table t;
  const std::string& ref = c.labels[c.reference];
  t.header = {"metric", "best policy", "its mean", "change vs " + ref + " [" + level_text(c) + " CI]", "also clearly better"};
  t.right_aligned = {false, false, true, true, false};
  for (const std::string& name : headline_metrics(c)) {
    const MetricResult* r = c.find(name, design_point);
    if (!r || r->metric.direction == Direction::unknown) continue;
    const double scale = reference_of(c, *r).estimate.summary.mean;
    const PolicyResult* best = nullptr;
    std::vector<std::string> others;
    bool all_identical = true, any_worse = false;
    for (const PolicyResult& p : r->policies) {
      if (!p.vs_reference) continue;
      const Difference& d = *p.vs_reference;
      all_identical = all_identical && d.verdict == Verdict::identical;
      any_worse = any_worse || d.verdict == Verdict::worse;
      if (d.verdict != Verdict::better) continue;
      const double gain = r->metric.direction == Direction::lower_is_better ? -d.summary.mean : d.summary.mean;
      if (best) {
        const Difference& b = *best->vs_reference;
        const double best_gain = r->metric.direction == Direction::lower_is_better ? -b.summary.mean : b.summary.mean;
        if (gain <= best_gain) {
          others.push_back(c.labels[p.policy]);
          continue;
        }
        others.push_back(c.labels[best->policy]);
      }
      best = &p;
    }
    if (!best) {
      const std::string why = r->policies.size() < 2 ? "only one policy"
                              : all_identical        ? "all policies identical in every pair"
                              : any_worse            ? "none clearly better; " + ref + " (reference) is as good or better"
                                                     : "none clearly better than " + ref;
      t.rows.push_back({label_with_unit(r->metric, run_noun(c)), why, "", "", ""});
      continue;
    }
    const Difference& d = *best->vs_reference;
    std::string change = format_difference_ci(r->metric, d.summary.mean, d.ci, scale);
    if (!r->metric.share && std::isfinite(scale) && scale != 0)
      change += fmt::format(" ({:+.0f}%)", 100 * d.summary.mean / std::abs(scale));
    std::string also;
    for (const std::string& o : others) also += (also.empty() ? "" : ", ") + o;
    t.rows.push_back({label_with_unit(r->metric, run_noun(c)), c.labels[best->policy],
                      format_mean_ci(r->metric, best->estimate.summary.mean, Interval{}, scale), change, also});
  }
  return t;
}

std::vector<std::string> constant_metrics(const BatchTable& batch, const Comparison& c) {
  std::vector<std::string> constant;
  for (const std::string& name : c.metrics) {
    const auto column = static_cast<std::size_t>(batch.metric_index(name));
    bool same = true;
    for (const BatchTable::Run& run : batch.runs)
      if (run.values[column] != batch.runs.front().values[column]) {
        same = false;
        break;
      }
    if (same && !batch.runs.empty()) constant.push_back(name);
  }
  return constant;
}

Document build_report(const BatchTable& batch, const Comparison& c, const PlotOutcome& plots) {
  Document doc;
  const BatchManifest& m = batch.manifest;
  doc.title = "Policy comparison: " + (m.scenario.empty() ? batch.directory.filename().string() : m.scenario);
  const bool design = has_design(batch);
  const std::string ref = c.labels[c.reference];

  // The bottom line first: what a planner pastes into a brief, before any table.
  doc.blocks.push_back(Heading{2, "Bottom line", ""});
  for (int dp : c.design_points) {
    const std::string text = bottom_line_paragraph(bottom_line(c, dp));
    doc.blocks.push_back(Paragraph{design ? "**" + batch.design_point(dp).label() + ".** " + text : text});
  }
  doc.blocks.push_back(Paragraph{"Batch `" + batch.directory.string() + "`: " + what_was_run(m, c.one_protest_each_run) + ". Reference: **" + ref +
                                 "**. Intervals are " + level_text(c) + "; differences are paired replication by replication."});
  const std::size_t expected = m.policies.size() * static_cast<std::size_t>(std::max(0L, m.replications)) * m.design_points.size();
  if (batch.runs.size() < expected)
    doc.blocks.push_back(Paragraph{"**Incomplete batch:** results.csv holds " + std::to_string(batch.runs.size()) + " of " +
                                   std::to_string(expected) + " runs; everything below uses the runs present."});
  if (!c.key_metrics_absent.empty()) {
    std::string absent;
    for (const std::string& k : c.key_metrics_absent) absent += (absent.empty() ? "`" : ", `") + k + "`";
    doc.blocks.push_back(Paragraph{"**Not in this batch:** " + absent +
                                   " (the medical chain writes them). The tables and plots that need them are skipped."});
  }
  doc.blocks.push_back(Contents{});

  doc.blocks.push_back(Heading{2, "At a glance: best policy per headline metric", "at-a-glance"});
  doc.blocks.push_back(Paragraph{"For each headline metric whose desirable direction is known, the policy that improves it most "
                                 "among those clearly better than " + ref + " (verdict \"better\" below), by how much, and "
                                 "which others are also clearly better."});
  for (int dp : c.design_points) {
    if (design) doc.blocks.push_back(Paragraph{"**" + batch.design_point(dp).label() + "**"});
    doc.blocks.push_back(best_policy_table(c, dp));
  }

  doc.blocks.push_back(Heading{2, "Headline", "headline"});
  // One unit throughout: a run is a year, a protest, a day or a run of N days, as the bottom line says.
  const RunNoun run = run_noun(c);
  const std::string per = run.short_one == "run" ? "Mean per run" : "Mean per " + run.short_one + " (a run is one " + run.short_one + ")";
  doc.blocks.push_back(Paragraph{per + " over replications with its " + level_text(c) +
                                 " confidence interval; the paired difference from " + ref +
                                 " (same random numbers, matched replication by replication), the verdict and what it rests "
                                 "on. When fewer than " + std::to_string(kMinNonZeroPairs) +
                                 " pairs differ at all, the exact sign test must agree before a difference is called."});
  for (int dp : c.design_points) {
    if (design) doc.blocks.push_back(Heading{3, batch.design_point(dp).label(), "headline-dp" + std::to_string(dp)});
    doc.blocks.push_back(headline_table(c, dp));
  }

  if (design)
    if (const auto over = verdict_robustness(batch, c, headline_metrics(c)))
      for (Block& block : robustness_blocks(c, *over)) doc.blocks.push_back(std::move(block));

  doc.blocks.push_back(Heading{2, "Figures", "figures"});
  int figure_dp = -1;
  for (const Image& image : plots.images) {
    if (design && image.design_point != figure_dp) {
      figure_dp = image.design_point;
      doc.blocks.push_back(Heading{3, batch.design_point(figure_dp).label(), "figures-dp" + std::to_string(figure_dp)});
    }
    doc.blocks.push_back(image);
  }
  if (!plots.notes.empty()) doc.blocks.push_back(BulletList{plots.notes});
  if (!plots.images.empty() || plots.notes.empty())
    doc.blocks.push_back(Paragraph{"Each figure's data (`.dat`) and gnuplot script (`.gp`) are beside its PNG and SVG in `plots/`."});

  doc.blocks.push_back(Heading{2, "Appendix: all metrics", "all-metrics"});
  const std::vector<std::string> constant = constant_metrics(batch, c);
  std::map<std::string, std::vector<const MetricResult*>> groups;
  std::vector<std::string> order;
  for (const MetricResult& r : c.results) {
    if (std::find(constant.begin(), constant.end(), r.metric.name) != constant.end()) continue;
    if (!groups.contains(r.metric.group())) order.push_back(r.metric.group());
    groups[r.metric.group()].push_back(&r);
  }
  // The names of what never varied, folded: a reader checking one looks it up, nobody reads 160.
  const std::string left_out = std::to_string(constant.size()) + " metric" + (constant.size() == 1 ? "" : "s") +
                               " with the same value in every run of the batch";
  doc.blocks.push_back(Paragraph{"Every metric of results.csv that varies, grouped by module (the first part of its name)." +
                                 (constant.empty() ? std::string() : " Left out, and named below: " + left_out + ".")});
  if (!constant.empty()) {
    std::string names;
    for (std::size_t i = 0; i < constant.size(); ++i) names += std::string(i ? ", `" : "`") + constant[i] + "`";
    doc.blocks.push_back(Folded{"The " + left_out, names + "."});
  }
  for (const std::string& group : order) {
    const std::size_t count = groups[group].size() / std::max<std::size_t>(1, c.design_points.size());
    doc.blocks.push_back(Heading{3, group + " (" + std::to_string(count) + (count == 1 ? " metric)" : " metrics)"),
                                 "module-" + anchor_of(group)});
    doc.blocks.push_back(Paragraph{"Estimates per policy:"});
    doc.blocks.push_back(estimates_table(c, groups[group], design));
    if (c.policies.size() > 1) {
      doc.blocks.push_back(Paragraph{"Paired differences, policy minus " + ref + ":"});
      doc.blocks.push_back(differences_table(c, groups[group], design));
    }
  }

  doc.blocks.push_back(Heading{2, "Method", "method"});
  doc.blocks.push_back(BulletList{method_notes(batch, c)});
  return doc;
}

WrittenReport write_report(const BatchTable& batch, const Comparison& c, const PlotOptions& plot_options) {
  WrittenReport written;
  written.directory = batch.directory / "report";
  io::write_run_directory(written.directory, true, [&](const fs::path& tmp) {
    written.plots = make_plots(batch, c, tmp, plot_options);
    const Document doc = build_report(batch, c, written.plots);
    io::write_text_file(tmp / "report.md", render_markdown(doc));
    io::write_text_file(tmp / "report.html", render_html(doc, [&](const std::string& file) {
                          std::ifstream in(tmp / file, std::ios::binary);
                          std::ostringstream bytes;
                          bytes << in.rdbuf();
                          return bytes.str();
                        }));
  });
  return written;
}

}  // namespace campsim::analysis
