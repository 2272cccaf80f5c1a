#include "sim/batch/batch_summary.hpp"

#include <algorithm>

#include "analysis/batch_table.hpp"
#include "analysis/bottom_line.hpp"
#include "analysis/comparison.hpp"
#include "analysis/document.hpp"
#include "analysis/metric_catalogue.hpp"
#include "analysis/report.hpp"

namespace campsim::batch {

namespace {

constexpr std::size_t kFallbackMetrics = 8;  // shown when the batch has none of the catalogued ones

// What the summary reads of the batch's files: the metrics it may show (the key ones, the other
// catalogued harms, and the first eight, shown when none of those is there), the one compare
// reads to word a protest batch, and care.csv's count; nothing else stays in memory, so the
// summary of a million runs holds a few numbers a run.
analysis::BatchReading summary_reading() {
  analysis::BatchReading reading;
  reading.keep_casualties = false;
  std::vector<std::string> names = analysis::key_metrics();
  const std::vector<std::string>& others = analysis::other_headline_metrics();
  names.insert(names.end(), others.begin(), others.end());
  names.push_back("protests.protests");
  reading.metrics = std::move(names);
  reading.first_metrics = kFallbackMetrics;
  return reading;
}

}  // namespace

std::string batch_summary_markdown(const std::filesystem::path& batch_dir) {
  const analysis::BatchTable table = analysis::read_batch(batch_dir, summary_reading());
  analysis::CompareOptions options;  // compare's defaults: same level, seed and resamples
  // The metrics compare's headline can show (the key ones, then the other catalogued harms).
  for (const auto* names : {&analysis::key_metrics(), &analysis::other_headline_metrics()})
    for (const std::string& k : *names)
      if (table.metric_index(k) >= 0) options.metric_patterns.push_back(k);
  // Without the key metrics the headline shows the first eight: compute only those.
  for (std::size_t i = 0; options.metric_patterns.empty() && i < table.metrics.size() && i < kFallbackMetrics; ++i)
    options.metric_patterns.push_back(table.metrics[i]);
  std::vector<std::string> chosen = options.metric_patterns;
  if (chosen.empty()) options.metric_patterns.clear();

  analysis::Document doc;
  const analysis::BatchManifest& m = table.manifest;
  doc.title = "Batch: " + m.scenario;
  std::string policies;
  for (std::size_t p = 0; p < m.policies.size(); ++p)
    policies += (p ? ", `" : "`") + m.policies[p] + "`" + (p ? "" : " (reference)");
  doc.blocks.push_back(analysis::BulletList{{
      "what was run: " + analysis::what_was_run(m),
      "policies: " + policies,
      "files: `results.csv` (" + std::to_string(table.runs.size()) + " runs), `care.csv` (" +
          std::to_string(table.casualty_records) +
          " casualty records), `batch.json`; the full comparison with figures: `campsim compare` on this directory",
  }});
  if (chosen.empty() || table.runs.empty()) {
    doc.blocks.push_back(analysis::Paragraph{"This batch has no metric columns to summarise."});
    return analysis::render_markdown(doc);
  }
  const analysis::Comparison c = analysis::compare(table, options);
  const bool design = m.design_points.size() > 1 || !m.design_points.front().settings.empty();
  doc.blocks.push_back(analysis::Paragraph{
      "The same statistics as `campsim compare` (docs/analysis.md): 95% intervals, differences paired replication by "
      "replication on common random numbers, verdicts that need the exact sign test too when few pairs differ."});
  for (int dp : c.design_points) {
    if (design) doc.blocks.push_back(analysis::Heading{2, table.design_point(dp).label(), ""});
    // The bottom line in words, as compare prints it (it names the best policy per metric, so the
    // best-policy table stays in the full report).
    const std::string text = analysis::bottom_line_paragraph(analysis::bottom_line(c, dp));
    doc.blocks.push_back(analysis::Paragraph{"**Bottom line.** " + text});
    doc.blocks.push_back(analysis::Paragraph{"**Headline**"});
    doc.blocks.push_back(analysis::headline_table(c, dp));
  }
  return analysis::render_markdown(doc);
}

}  // namespace campsim::batch
