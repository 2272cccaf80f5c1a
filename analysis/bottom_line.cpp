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

// "a, b and c"; "a, b or c" where the sentence denies each ("no policy changes a, b or c").
std::string join_words(const std::vector<std::string>& items, const std::string& last = " and ") {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i)
    text += (i == 0 ? "" : i + 1 == items.size() ? last : ", ") + items[i];
  return text;
}

bool is_time(const MetricInfo& m) { return m.unit == "min"; }

// " (each year's mean, averaged over years; not pooled over casualties)": a mean within a run.
// None for a mean over the protests of a run when each run was one protest: it is that protest's own.
std::string mean_note(const MetricInfo& m, const RunNoun& run) {
  const std::string over = m.pooled_over.empty() ? std::string("casualties") : m.pooled_over;
  if (run.one_protest_each && over == "protests") return "";
  return " (each " + run.short_one + "'s mean, averaged over " + run.short_many + "; not pooled over " + over + ")";
}

// "cuts" / "lengthens" for times, "lowers" / "raises" otherwise: the verb carries the sign; said
// of two policies at once ("both lower"), without the s.
std::string verb(const MetricInfo& m, double difference, bool plural) {
  std::string v = difference < 0 ? (is_time(m) ? "cuts" : "lowers") : (is_time(m) ? "lengthens" : "raises");
  if (plural) v.pop_back();
  return v;
}

// "8.6 min [6.4, 11.6]": the size of a change and its interval, both as positive numbers;
// "1.00 per protest in every pair" when every pair differed by the same amount.
std::string size_of_change(const MetricInfo& m, const Difference& d, double scale_of, const RunNoun& run) {
  const bool down = d.summary.mean < 0;
  const double size = std::abs(d.summary.mean);
  const double lower = down ? -d.ci.upper : d.ci.lower, upper = down ? -d.ci.lower : d.ci.upper;
  // Digits from the larger of the reference and the change: a change several times its reference
  // (police hurt 1.5 where 0.3 was the mean) keeps the digits of the change ("1.50", not "1.500"),
  // and every finding in one bottom line then shows about three figures.
  const int decimals = difference_decimals(m, d.summary.mean, std::max(std::abs(scale_of), size));
  const auto shown = [&](double v) { return format_fixed(display_scale(m, v), decimals); };
  std::string unit = m.share ? " percentage points" : m.unit.empty() || m.unit == "per run" ? "" : " " + m.unit;
  std::string text = shown(size) + unit;
  // Every pair differing by the same amount gives a zero-width interval: "[1.00, 1.00]" reads as
  // a typo, so the sentence says what it means.
  const bool same_in_every_pair = d.ci.method != IntervalMethod::none && d.ci.lower == d.ci.upper && d.pairs > 1;
  if (d.ci.method != IntervalMethod::none && !same_in_every_pair) text += " [" + shown(lower) + ", " + shown(upper) + "]";
  if (m.unit == "per run") text += " " + unit_in_words(m, run);
  if (same_in_every_pair) text += " in every pair";
  return text;
}

// One finding: a metric and the policies that change it the same way, the largest change first.
struct Finding {
  const MetricResult* result;
  std::vector<const PolicyResult*> policies;
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

// "'a' lowers civilians killed by 2.30 [1.80, 3.15] per protest and 'b' by 2.30 [1.80, 3.20] per
// protest"; when the named policies changed it by the same shown amount, "'a' and 'b' both lower
// civilians wounded by 3.80 [2.87, 4.73] per protest".
std::string finding_text(const Comparison& c, const Finding& f, const RunNoun& run) {
  const MetricResult& r = *f.result;
  const double scale = r.policies[c.reference].estimate.summary.mean;
  const std::size_t named = std::min(f.policies.size(), kPoliciesNamed);
  std::vector<std::string> names, sizes;
  for (std::size_t i = 0; i < named; ++i) {
    names.push_back(in_words(c, f.policies[i]->policy));
    sizes.push_back(size_of_change(r.metric, *f.policies[i]->vs_reference, scale, run));
  }
  const double sign = f.policies.front()->vs_reference->summary.mean;
  std::string text;
  if (named > 1 && std::all_of(sizes.begin(), sizes.end(), [&](const std::string& s) { return s == sizes.front(); })) {
    text = join_words(names) + (named == 2 ? " both " : " all ") + verb(r.metric, sign, true) + " " + r.metric.phrase +
           " by " + sizes.front();
  } else {
    text = names.front() + " " + verb(r.metric, sign, false) + " " + r.metric.phrase + " by " + sizes.front();
    for (std::size_t i = 1; i < named; ++i) text += " and " + names[i] + " by " + sizes[i];
  }
  if (f.policies.size() > kPoliciesNamed) {
    const std::size_t more = f.policies.size() - kPoliciesNamed;
    text += " (and " + std::to_string(more) + " more polic" + (more == 1 ? "y" : "ies") + ")";
  }
  if (r.metric.mean_of_run_means) text += mean_note(r.metric, run);
  return text;
}

std::vector<Finding> findings_of(const std::vector<const MetricResult*>& results, Kind kind) {
  std::vector<Finding> findings;
  for (const MetricResult* r : results) {
    Finding f{r, {}};
    for (const PolicyResult& p : r->policies)
      if (p.vs_reference && of_kind(p.vs_reference->verdict, kind)) f.policies.push_back(&p);
    // The largest change first: it is the one a planner acts on.
    std::stable_sort(f.policies.begin(), f.policies.end(), [](const PolicyResult* a, const PolicyResult* b) {
      return std::abs(a->vs_reference->summary.mean) > std::abs(b->vs_reference->summary.mean);
    });
    if (!f.policies.empty()) findings.push_back(std::move(f));
  }
  // Lives first, then other harm counted per run (the wounded, people hurt), then times and
  // shares: a planner who reads only the first finding reads the toll.
  const auto rank = [](const MetricInfo& m) {
    const std::string& n = m.name;
    const auto ends = [&](const std::string& tail) {
      return n.size() >= tail.size() && n.compare(n.size() - tail.size(), tail.size(), tail) == 0;
    };
    if (ends(".killed") || ends("_killed") || n.find("died_of_wounds") != std::string::npos) return 0;
    if (m.unit == "per run" && m.direction == Direction::lower_is_better) return 1;
    return 2;
  };
  std::stable_sort(findings.begin(), findings.end(),
                   [&](const Finding& a, const Finding& b) { return rank(a.result->metric) < rank(b.result->metric); });
  return findings;
}

// Which findings get a sentence of their own when there is room for `room`: all when they fit;
// else the first of each kind, then the second of each kind, ..., leaving one sentence to name
// the rest. Returns how many of each kind's findings are stated (the rest are named).
std::vector<std::size_t> stated_counts(const std::vector<std::vector<Finding>>& kinds, std::size_t room) {
  std::size_t total = 0;
  for (const auto& k : kinds) total += k.size();
  std::vector<std::size_t> stated(kinds.size(), 0);
  if (total <= room) {
    for (std::size_t k = 0; k < kinds.size(); ++k) stated[k] = kinds[k].size();
    return stated;
  }
  std::size_t left = room > 0 ? room - 1 : 0;
  for (std::size_t round = 0; left > 0; ++round) {
    bool any = false;
    for (std::size_t k = 0; k < kinds.size() && left > 0; ++k)
      if (round < kinds[k].size()) {
        ++stated[k];
        --left;
        any = true;
      }
    if (!any) break;
  }
  return stated;
}

// The leads of a kind's sentences: the first names the reference, the others add to it.
struct Leads {
  std::string first, next, named;
};

Leads leads_of(Kind kind, const std::string& ref) {
  switch (kind) {
    case Kind::better: return {"Clearly better than " + ref + ": ", "Also clearly better: ", "clearly better"};
    case Kind::worse: return {"Clearly worse than " + ref + ": ", "Also clearly worse: ", "clearly worse"};
    case Kind::unknown_direction:
      return {"A clear change whose desirability campsim does not judge: ", "Also a clear change of unjudged desirability: ",
              "changed clearly (desirability not judged)"};
  }
  return {};
}

// The note on means within a run is said once, at its first use.
void say_mean_notes_once(std::vector<std::string>& sentences, const RunNoun& run) {
  for (const char* over : {"casualties", "incidents", "protests"}) {
    MetricInfo m;
    m.pooled_over = over;
    const std::string note = mean_note(m, run);
    if (note.empty()) continue;
    bool said = false;
    for (std::string& s : sentences)
      for (std::size_t at = s.find(note); at != std::string::npos; at = s.find(note, at)) {
        if (!said) {
          said = true;
          at += note.size();
        } else {
          s.erase(at, note.size());
        }
      }
  }
}

// The first sentence: what was run, what the pairs share, how many pairs, the intervals' level;
// and, when some metrics rest on fewer runs, why (times and shares need a run with casualties).
std::string n_sentence(const Comparison& c, std::size_t runs, std::size_t fewest) {
  const RunNoun run = run_noun(c);
  const std::string ref = in_words(c, c.reference);
  // The short noun names one run in "year r brings ..."; a run of 30 days is just a run there.
  const std::string one = run.short_one;
  const std::string many = runs == 1 ? run.one : run.many;
  const std::string level = engine::format_number(100 * c.options.level) + "%";
  // A replay's runs are one protest each: what they share is the march, not attacks.
  const std::string each = run.one_protest_each ? ", one a run" : "";
  const std::string shared = run.one_protest_each ? "the same marchers and the same chances" : "the same attacks and injuries";
  const bool two = c.policies.size() == 2;
  std::string text = (two ? std::string("Both policies") : "Each of the " + std::to_string(c.policies.size()) + " policies") +
                     " ran through the same " + std::to_string(runs) + " simulated " + many + each +
                     " (common random numbers: " + one + " r brings " + (two ? "both " : "every policy ") + shared + "), so " +
                     (two ? "the comparison" : "every comparison") + " with " + ref + " rests on " + std::to_string(runs) +
                     " paired " + run.short_many;
  // n changes from metric to metric because a mean time or a share has no value in a run without
  // casualties; without this a planner sees 40, 25, 21 and 18 and cannot tell why.
  if (fewest < runs)
    text += " (fewer for times and shares, which exist only in " + run.short_many + " with casualties: as few as " +
            std::to_string(fewest) + " of " + std::to_string(runs) + "; n in the tables)";
  return text + "; intervals are " + level + ".";
}

}  // namespace

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
  const std::string over = " over " + std::to_string(runs) + " " + run.short_many;
  const std::string other = in_words(c, c.reference == 0 ? 1 : 0);
  const bool two = c.policies.size() == 2;
  const std::string unchanged = join_words(identical) + " did not change in any " + run.short_one;
  std::string no_change;
  if (!undetected.empty()) {
    no_change = two ? "No detectable change in " + join_words(undetected, " or ") + over + " under " + other
                    : "No policy detectably changes " + join_words(undetected, " or ") + over;
    if (!identical.empty()) no_change += two ? ", and " + unchanged : "; under every policy, " + unchanged;
    no_change += ".";
  } else if (!identical.empty()) {
    no_change = "Under " + (two ? other : std::string("every policy")) + ", " + unchanged + ".";
  }

  const std::vector<Kind> order{Kind::better, Kind::worse, Kind::unknown_direction};
  std::vector<std::vector<Finding>> kinds;
  for (Kind k : order) kinds.push_back(findings_of(results, k));
  const std::size_t room = kBottomLineSentences - 1 - (no_change.empty() ? 0 : 1);
  const std::vector<std::size_t> stated = stated_counts(kinds, room);

  std::vector<std::string> sentences{n_sentence(c, runs, fewest)};
  std::vector<std::string> left_to_tables;
  for (std::size_t k = 0; k < kinds.size(); ++k) {
    const Leads leads = leads_of(order[k], ref);
    for (std::size_t i = 0; i < stated[k]; ++i)
      sentences.push_back((i == 0 ? leads.first : leads.next) + finding_text(c, kinds[k][i], run) + ".");
    std::vector<std::string> rest;
    for (std::size_t i = stated[k]; i < kinds[k].size(); ++i) rest.push_back(kinds[k][i].result->metric.phrase);
    if (!rest.empty()) left_to_tables.push_back(leads.named + ": " + join_words(rest));
  }
  if (!left_to_tables.empty()) {
    std::string text = "Also " + left_to_tables.front();
    for (std::size_t i = 1; i < left_to_tables.size(); ++i) text += "; " + left_to_tables[i];
    sentences.push_back(text + " (sizes and policies in the tables).");
  }
  if (!no_change.empty()) sentences.push_back(no_change);
  if (sentences.size() == 1) sentences.push_back("No headline metric is in this batch.");
  say_mean_notes_once(sentences, run);
  return sentences;
}

std::string bottom_line_paragraph(const std::vector<std::string>& sentences) {
  std::string text;
  for (const std::string& s : sentences) text += (text.empty() ? "" : " ") + s;
  return text;
}

std::string bottom_line_on_terminal(const std::vector<std::string>& sentences, std::size_t width, std::size_t indent) {
  std::string out;
  for (const std::string& s : sentences) out += wrap_text(s, width, indent);
  return out;
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
