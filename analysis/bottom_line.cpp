#include "analysis/bottom_line.hpp"

#include <algorithm>
#include <cmath>

#include "analysis/display.hpp"
#include "analysis/report.hpp"
#include "sim/engine/number_format.hpp"

namespace campsim::analysis {

namespace {

// A policy as a sentence names it: its label, in quotes when it has spaces ("with 'as it
// happened' rests on"), so where the name ends is plain; a one-word name as it is.
std::string in_words(const Comparison& c, std::size_t policy) {
  const std::string& label = c.labels[policy];
  return label.find(' ') == std::string::npos ? label : "'" + label + "'";
}

// At most this many policies are named per metric and verdict; the rest are counted, so five
// sentences stay five sentences with many policies.
constexpr std::size_t kPoliciesNamed = 2;

std::string join_words(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i)
    text += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  return text;
}

bool is_time(const MetricInfo& m) { return m.unit == "min"; }

bool is_protest_metric(const MetricInfo& m) { return m.name.rfind("protests.", 0) == 0; }

// What a count "per run" is per: the protest itself when each run was one protest, else the run.
std::string counted_per(const MetricInfo& m, const RunNoun& run) {
  return run.one_protest_each && is_protest_metric(m) ? "protest" : run.short_one;
}

// " (each year's mean, averaged over years; not pooled over casualties)": a mean within a run.
// None for a mean over the protests of a run when each run was one protest: it is that protest's own.
std::string mean_note(const MetricInfo& m, const RunNoun& run) {
  const std::string over = m.pooled_over.empty() ? std::string("casualties") : m.pooled_over;
  if (run.one_protest_each && over == "protests") return "";
  return " (each " + run.short_one + "'s mean, averaged over " + run.short_many + "; not pooled over " + over + ")";
}

// "cuts" / "lengthens" for times, "lowers" / "raises" otherwise: the verb carries the sign.
std::string verb(const MetricInfo& m, double difference) {
  if (difference < 0) return is_time(m) ? "cuts" : "lowers";
  return is_time(m) ? "lengthens" : "raises";
}

// "8.6 min [6.4, 11.6]": the size of a change and its interval, both as positive numbers;
// "1.00 per protest in every pair" when every pair differed by the same amount.
std::string size_of_change(const MetricInfo& m, const Difference& d, double scale_of, const RunNoun& run) {
  const bool down = d.summary.mean < 0;
  const double size = std::abs(d.summary.mean);
  const double lower = down ? -d.ci.upper : d.ci.lower, upper = down ? -d.ci.lower : d.ci.upper;
  const int decimals = difference_decimals(m, d.summary.mean, scale_of);
  const auto shown = [&](double v) { return format_fixed(display_scale(m, v), decimals); };
  std::string unit = m.share ? " percentage points" : m.unit.empty() || m.unit == "per run" ? "" : " " + m.unit;
  std::string text = shown(size) + unit;
  // Every pair differing by the same amount gives a zero-width interval: "[1.00, 1.00]" reads as
  // a typo, so the sentence says what it means.
  const bool same_in_every_pair = d.ci.method != IntervalMethod::none && d.ci.lower == d.ci.upper && d.pairs > 1;
  if (d.ci.method != IntervalMethod::none && !same_in_every_pair) text += " [" + shown(lower) + ", " + shown(upper) + "]";
  if (m.unit == "per run") text += " per " + counted_per(m, run);
  if (same_in_every_pair) text += " in every pair";
  return text;
}

struct Clause {
  const MetricResult* result;
  std::vector<const PolicyResult*> policies;  // with this verdict class, the largest change first
};

enum class Kind { better, worse, unknown_direction };

bool of_kind(Verdict v, Kind kind) {
  switch (kind) {
    case Kind::better: return v == Verdict::better;
    case Kind::worse: return v == Verdict::worse;
    case Kind::unknown_direction: return v == Verdict::higher || v == Verdict::lower;
  }
  return false;
}

std::string clause_text(const Comparison& c, const Clause& clause, const RunNoun& run) {
  const MetricResult& r = *clause.result;
  const double scale = r.policies[c.reference].estimate.summary.mean;
  std::string text;
  for (std::size_t i = 0; i < clause.policies.size() && i < kPoliciesNamed; ++i) {
    const PolicyResult& p = *clause.policies[i];
    const Difference& d = *p.vs_reference;
    if (i == 0)
      text = in_words(c, p.policy) + " " + verb(r.metric, d.summary.mean) + " " + r.metric.phrase + " by " +
             size_of_change(r.metric, d, scale, run);
    else
      text += " and " + in_words(c, p.policy) + " by " + size_of_change(r.metric, d, scale, run);
  }
  if (clause.policies.size() > kPoliciesNamed) {
    const std::size_t more = clause.policies.size() - kPoliciesNamed;
    text += " (and " + std::to_string(more) + " more polic" + (more == 1 ? "y" : "ies") + ")";
  }
  if (r.metric.mean_of_run_means)
    text += mean_note(r.metric, run);
  return text;
}

std::vector<Clause> clauses_of(const std::vector<const MetricResult*>& results, Kind kind) {
  std::vector<Clause> clauses;
  for (const MetricResult* r : results) {
    Clause clause{r, {}};
    for (const PolicyResult& p : r->policies)
      if (p.vs_reference && of_kind(p.vs_reference->verdict, kind)) clause.policies.push_back(&p);
    // The largest change first: it is the one a planner acts on.
    std::stable_sort(clause.policies.begin(), clause.policies.end(), [](const PolicyResult* a, const PolicyResult* b) {
      return std::abs(a->vs_reference->summary.mean) > std::abs(b->vs_reference->summary.mean);
    });
    if (!clause.policies.empty()) clauses.push_back(std::move(clause));
  }
  // Lives first, then other harm counted per run (the wounded, people hurt), then times and
  // shares: a planner who reads only the first clause reads the toll.
  const auto rank = [](const MetricInfo& m) {
    const std::string& n = m.name;
    const auto ends = [&](const std::string& tail) {
      return n.size() >= tail.size() && n.compare(n.size() - tail.size(), tail.size(), tail) == 0;
    };
    if (ends(".killed") || ends("_killed") || n.find("died_of_wounds") != std::string::npos) return 0;
    if (m.unit == "per run" && m.direction == Direction::lower_is_better) return 1;
    return 2;
  };
  std::stable_sort(clauses.begin(), clauses.end(),
                   [&](const Clause& a, const Clause& b) { return rank(a.result->metric) < rank(b.result->metric); });
  return clauses;
}

std::string sentence_of(const Comparison& c, const std::string& lead, const std::vector<Clause>& clauses, const RunNoun& run) {
  std::string text = lead;
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    std::string clause = clause_text(c, clauses[i], run);
    // One policy doing several things is named once: "P cuts A by ...; raises B by ...".
    const std::string name = in_words(c, clauses[i].policies.front()->policy);
    if (i > 0 && clauses[i - 1].policies.size() == 1 &&
        in_words(c, clauses[i - 1].policies.front()->policy) == name)
      clause = clause.substr(name.size() + 1);
    text += (i ? "; " : "") + clause;
  }
  // The note on means within a run is said once per sentence, at its first use.
  for (const char* over : {"casualties", "incidents", "protests"}) {
    MetricInfo m;
    m.pooled_over = over;
    const std::string note = mean_note(m, run);
    if (note.empty()) continue;
    if (const std::size_t first = text.find(note); first != std::string::npos)
      for (std::size_t again = text.find(note, first + 1); again != std::string::npos; again = text.find(note, again))
        text.erase(again, note.size());
  }
  return text + ".";
}

}  // namespace

RunNoun run_noun(const Comparison& c) {
  RunNoun noun{"run", "runs", "run", "runs", c.one_protest_each_run};
  if (!c.days) return noun;
  if (*c.days == 365) noun = {"year", "years", "year", "years", c.one_protest_each_run};
  else if (*c.days == 1) noun = {"day", "days", "day", "days", c.one_protest_each_run};
  else {
    const std::string days = engine::format_number(*c.days);
    noun = {"run of " + days + " days", "runs of " + days + " days", "run", "runs", c.one_protest_each_run};
  }
  return noun;
}

std::vector<std::string> bottom_line(const Comparison& c, int design_point) {
  const std::string ref = in_words(c, c.reference);
  if (c.policies.size() < 2) return {"This batch has one policy, " + ref + ": there is nothing to compare it with."};
  std::vector<const MetricResult*> results;
  std::size_t runs = 0;
  for (const std::string& name : headline_metrics(c))
    if (const MetricResult* r = c.find(name, design_point)) {
      results.push_back(r);
      for (const PolicyResult& p : r->policies)
        if (p.vs_reference) runs = std::max(runs, p.vs_reference->pairs + p.vs_reference->unmatched);
    }
  const RunNoun run = run_noun(c);
  // The short noun names one run in "year r brings ..."; a run of 30 days is just a run there.
  const std::string one = run.short_one;
  const std::string many = runs == 1 ? run.one : run.many;
  const std::string short_many = run.short_many;
  const std::string level = engine::format_number(100 * c.options.level) + "%";
  // A replay's runs are one protest each: what they share is the march, not attacks.
  const std::string each = run.one_protest_each ? ", one protest each" : "";
  const std::string shared = run.one_protest_each ? "the same marchers and the same chances" : "the same attacks and injuries";
  std::vector<std::string> sentences;
  if (c.policies.size() == 2)
    sentences.push_back("Both policies ran through the same " + std::to_string(runs) + " simulated " + many + each +
                        " (common random numbers: " + one + " r brings both " + shared + "), so the comparison with " +
                        ref + " rests on " + std::to_string(runs) + " paired " + short_many + "; intervals are " + level +
                        ".");
  else
    sentences.push_back("Each of the " + std::to_string(c.policies.size()) + " policies ran through the same " +
                        std::to_string(runs) + " simulated " + many + each + " (common random numbers: " + one +
                        " r brings every policy " + shared + "), so every comparison with " + ref + " rests on " +
                        std::to_string(runs) + " paired " + short_many + "; intervals are " + level + ".");

  const std::vector<Clause> better = clauses_of(results, Kind::better), worse = clauses_of(results, Kind::worse),
                            unknown = clauses_of(results, Kind::unknown_direction);
  if (!better.empty()) sentences.push_back(sentence_of(c, "Clearly better than " + ref + ": ", better, run));
  if (!worse.empty()) sentences.push_back(sentence_of(c, "Clearly worse than " + ref + ": ", worse, run));
  if (!unknown.empty())
    sentences.push_back(sentence_of(c, "Clear changes whose desirability campsim does not judge: ", unknown, run));

  // What the batch cannot see: metrics no policy changes clearly, with those that did not move
  // at all (identical in every pair under every policy) said once, without an interval.
  std::vector<std::string> undetected, identical;
  std::size_t fewest = runs;
  for (const MetricResult* r : results) {
    bool clear = false, all_identical = true;
    for (const PolicyResult& p : r->policies) {
      if (!p.vs_reference) continue;
      const Verdict v = p.vs_reference->verdict;
      clear = clear || v == Verdict::better || v == Verdict::worse || v == Verdict::higher || v == Verdict::lower;
      all_identical = all_identical && v == Verdict::identical;
      fewest = std::min(fewest, p.vs_reference->pairs);
    }
    if (all_identical) identical.push_back(r->metric.phrase);
    else if (!clear) undetected.push_back(r->metric.phrase);
  }
  // Policy names are identifiers: a sentence never starts with one (capitalising would rename it).
  const std::string over = " over " + std::to_string(runs) + " " + short_many;
  const std::string other = in_words(c, c.reference == 0 ? 1 : 0);
  const bool two = c.policies.size() == 2;
  const std::string unchanged = join_words(identical) + " did not change in any " + one;
  if (!undetected.empty()) {
    std::string text = two ? "No detectable change in " + join_words(undetected) + over + " under " + other
                           : "No policy changes " + join_words(undetected) + " detectably" + over;
    if (!identical.empty()) text += two ? ", and " + unchanged : "; under every policy, " + unchanged;
    sentences.push_back(text + ".");
  } else if (!identical.empty()) {
    sentences.push_back("Under " + (two ? other : std::string("every policy")) + ", " + unchanged + ".");
  }
  if (better.empty() && worse.empty() && unknown.empty() && undetected.empty() && identical.empty())
    sentences.push_back("No headline metric is in this batch.");

  // n changes from metric to metric because a mean time or a share has no value in a run without
  // casualties; without this a planner sees 40, 25, 21 and 18 and cannot tell why.
  if (fewest < runs)
    sentences.push_back("Times and shares exist only in " + short_many + " with casualties, so some comparisons rest on fewer " +
                        short_many + " (as few as " + std::to_string(fewest) + " of " + std::to_string(runs) +
                        "; n in the tables).");
  return sentences;
}

std::string wrap_text(const std::string& text, std::size_t width, std::size_t indent) {
  std::string out, line(indent, ' ');
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    // An interval "[6.4, 11.6]" stays on one line: split, it no longer reads (or pastes) as one.
    while (end < text.size() && std::count(text.begin() + static_cast<long>(start), text.begin() + static_cast<long>(end), '[') >
                                    std::count(text.begin() + static_cast<long>(start), text.begin() + static_cast<long>(end), ']')) {
      end = text.find(' ', end + 1);
      if (end == std::string::npos) end = text.size();
    }
    const std::string word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    if (line.size() > indent && line.size() + 1 + word.size() > width) {
      out += line + "\n";
      line = std::string(indent, ' ');
    }
    line += (line.size() > indent ? " " : "") + word;
  }
  if (line.size() > indent) out += line + "\n";
  return out;
}

}  // namespace campsim::analysis
