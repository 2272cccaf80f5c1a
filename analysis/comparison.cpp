#include "analysis/comparison.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fnmatch.h>

#include "analysis/display.hpp"

namespace campsim::analysis {

namespace {

BootstrapKey key_for(const CompareOptions& options, const std::string& metric, int design_point,
                     const std::string& policy, const char* what) {
  // Each interval resamples from its own stream, named by what it estimates, so adding a
  // metric or a policy never changes another interval's bytes.
  const std::string subject = metric + "|" + std::to_string(design_point) + "|" + policy + "|" + what;
  return {options.seed, engine::purpose_tag(subject)};
}

Sample sample_of(const KeyedSample& keyed) {
  Sample sample;
  for (const auto& [key, value] : keyed) sample.push_back(value);
  return sample;
}

// A share's interval is cut to what a share can take (0..100%, or -100..+100 points for a
// difference of two), a count's or a time's at 0, and its reason says so: "[27.3, 100.0]" alone
// would hide that t went further, which tells a planner the runs are too few for t's shape.
void keep_within(Interval& ci, std::string& reason, double lowest, double highest, const char* low_words,
                 const char* high_words) {
  const Interval whole = ci;
  ci = cut_to_range(ci, lowest, highest);
  if (ci.lower != whole.lower) reason += std::string("; cut at ") + low_words;
  if (ci.upper != whole.upper) reason += std::string("; cut at ") + high_words;
}

Estimate estimate_of(const KeyedSample& keyed, const MetricInfo& metric, const CompareOptions& options,
                     const BootstrapKey& key) {
  const Sample sample = sample_of(keyed);
  const std::vector<double> values = present_values(sample);
  Estimate e;
  e.summary = summarize(sample);
  e.method_reason = choose_interval_method(values, metric.share).reason;
  e.ci = confidence_interval(values, options.level, metric.share, key, options.resamples);
  if (metric.share) keep_within(e.ci, e.method_reason, 0, 1, "0%", "100%");
  else if (metric.cannot_be_negative())
    keep_within(e.ci, e.method_reason, 0, std::numeric_limits<double>::infinity(), "0", "");
  if (e.summary.n >= 2)
    e.replications_needed =
        replications_needed(e.summary.sd, options.target_rel_halfwidth * std::abs(e.summary.mean), options.level);
  return e;
}

Difference difference_of(const KeyedSample& policy, const KeyedSample& reference, double reference_mean,
                         const MetricInfo& metric, const CompareOptions& options, const BootstrapKey& key) {
  const PairedDifferences paired = paired_differences(policy, reference);
  Difference d;
  d.pairs = paired.differences.size();
  d.unmatched = paired.unmatched;
  d.summary = summarize(paired.differences);
  // A difference of shares is not itself bounded near 0 or 1, so only skewness (and never a
  // handful of non-zero pairs) can send it to the bootstrap.
  const IntervalChoice choice = choose_difference_method(paired.differences);
  d.method_reason = choice.reason;
  d.ci = interval_by(choice.method, paired.differences, options.level, key, options.resamples);
  // Cutting at -1 and +1 never moves the interval across 0, so the verdict below is unchanged.
  if (metric.share) keep_within(d.ci, d.method_reason, -1, 1, "-100 points", "+100 points");
  const Judgement judged = judge_difference(paired.differences, d.ci, metric.direction, options.level);
  d.verdict = judged.verdict;
  d.verdict_reason = judged.reason;
  d.signs = judged.signs;
  d.sign_test_p = judged.sign_test_p;
  // A difference too small to print (a share moving by 1e-9) is not called higher or lower.
  if (d.verdict != Verdict::identical && d.verdict != Verdict::not_enough_data && d.verdict != Verdict::no_clear_difference &&
      rounds_to_zero(metric, d.summary.mean)) {
    d.verdict = Verdict::no_clear_difference;
    d.verdict_reason = "the difference rounds to 0";
  }
  if (d.pairs >= 2 && std::isfinite(reference_mean))
    d.replications_needed =
        replications_needed(d.summary.sd, options.target_rel_halfwidth * std::abs(reference_mean), options.level);
  return d;
}

}  // namespace

bool metric_matches(const std::string& pattern, const std::string& metric) {
  return ::fnmatch(pattern.c_str(), metric.c_str(), 0) == 0;
}

const MetricResult* Comparison::find(const std::string& metric, int design_point) const {
  for (const MetricResult& r : results)
    if (r.metric.name == metric && r.design_point == design_point) return &r;
  return nullptr;
}

namespace {

bool every_run_one_protest(const BatchTable& batch) {
  const long protests = batch.metric_index("protests.protests");
  if (protests < 0) return false;
  bool any = false;
  for (int dp : batch.design_points_present())
    for (std::size_t p = 0; p < batch.manifest.policies.size(); ++p)
      for (const auto& [key, value] : batch.values(static_cast<std::size_t>(protests), dp, p)) {
        if (!value || *value != 1) return false;
        any = true;
      }
  return any;
}

}  // namespace

Comparison compare(const BatchTable& batch, const CompareOptions& options) {
  if (!(options.level > 0 && options.level < 1))
    throw CompareError("--level must lie strictly between 0 and 1, e.g. 0.95");
  if (!(options.target_rel_halfwidth > 0)) throw CompareError("--target-rel-halfwidth must be positive, e.g. 0.1");
  Comparison c;
  c.options = options;
  c.policies = batch.manifest.policies;
  c.labels = batch.manifest.labels.size() == c.policies.size() ? batch.manifest.labels : c.policies;
  c.days = batch.manifest.days;
  c.one_protest_each_run = every_run_one_protest(batch);
  if (!options.reference.empty()) {
    const auto it = std::find(c.policies.begin(), c.policies.end(), options.reference);
    if (it == c.policies.end()) {
      std::string known;
      for (const std::string& p : c.policies) known += (known.empty() ? "" : ", ") + p;
      throw CompareError("--reference " + options.reference + " is not a policy of this batch (policies: " + known + ")");
    }
    c.reference = static_cast<std::size_t>(it - c.policies.begin());
  }
  c.design_points = batch.design_points_present();

  for (const std::string& pattern : options.metric_patterns)
    if (std::none_of(batch.metrics.begin(), batch.metrics.end(), [&](const std::string& m) { return metric_matches(pattern, m); }))
      throw CompareError("--metrics " + pattern + " matches no metric column of results.csv (e.g. medical.*, guards.coverage.*)");
  for (const std::string& m : batch.metrics)
    if (options.metric_patterns.empty() ||
        std::any_of(options.metric_patterns.begin(), options.metric_patterns.end(),
                    [&](const std::string& p) { return metric_matches(p, m); }))
      c.metrics.push_back(m);
  for (const std::string& k : key_metrics())
    if (batch.metric_index(k) < 0) c.key_metrics_absent.push_back(k);

  for (const std::string& name : c.metrics) {
    const auto column = static_cast<std::size_t>(batch.metric_index(name));
    const MetricInfo info = describe_metric(name);
    for (int dp : c.design_points) {
      MetricResult result{info, dp, {}};
      const KeyedSample reference = batch.values(column, dp, c.reference);
      const double reference_mean = summarize(sample_of(reference)).mean;
      const Estimate reference_estimate =
          estimate_of(reference, info, options, key_for(options, name, dp, c.policies[c.reference], "mean"));
      for (std::size_t p = 0; p < c.policies.size(); ++p) {
        const KeyedSample keyed = batch.values(column, dp, p);
        PolicyResult pr;
        pr.policy = p;
        // A policy with exactly the reference's values gets the reference's estimate: a bootstrap
        // keyed by its own name would print a slightly different interval for the same numbers,
        // and "identical in all 40 pairs" beside two different intervals reads as a contradiction.
        pr.estimate = keyed == reference ? reference_estimate
                                         : estimate_of(keyed, info, options, key_for(options, name, dp, c.policies[p], "mean"));
        if (p != c.reference)
          pr.vs_reference = difference_of(keyed, reference, reference_mean, info, options,
                                          key_for(options, name, dp, c.policies[p], "difference"));
        result.policies.push_back(std::move(pr));
      }
      c.results.push_back(std::move(result));
    }
  }
  return c;
}

}  // namespace campsim::analysis
