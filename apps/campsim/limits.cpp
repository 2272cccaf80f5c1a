#include "apps/campsim/limits.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "sim/batch/design.hpp"
#include "sim/camp/threats/attack_budget.hpp"
#include "sim/scenario/duration.hpp"

namespace campsim::cli {

std::optional<std::uint64_t> parse_seed(const std::string& text, std::string& problem) {
  std::uint64_t seed = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seed);
  // from_chars takes no sign, so "-1" fails here instead of wrapping round to 2^64 - 1.
  if (text.empty() || ec == std::errc::invalid_argument || end != text.data() + text.size()) {
    problem = fmt::format("--seed must be a whole number from 0 to 18446744073709551615, got '{}'", text);
    return std::nullopt;
  }
  if (ec == std::errc::result_out_of_range) {
    problem = fmt::format("--seed must be at most 18446744073709551615 (2^64 - 1), got '{}'", text);
    return std::nullopt;
  }
  return seed;
}

std::optional<double> parse_days(const std::string& text, std::string& problem) {
  double days = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), days);
  bool valid = !text.empty() && ec == std::errc() && end == text.data() + text.size();
  // Or a duration with its units, as --at and the scenario's `duration` take it: 30d, 12h, 1d6h.
  if (!valid)
    if (const auto seconds = scenario::parse_duration(text)) {
      days = *seconds / 86400;
      valid = true;
    }
  if (!valid || !std::isfinite(days) || days * 86400 < 60 || days > kMaxDays) {
    problem = fmt::format("--days must be a number of days or a duration (30, 30d, 12h, 1d6h) from one minute (0.000695, "
                          "1min) to {:g} (11 years), got '{}'",
                          kMaxDays, text);
    return std::nullopt;
  }
  return days;
}

std::optional<std::string> resamples_problem(int resamples) {
  if (resamples >= 100 && resamples <= kMaxResamples) return std::nullopt;
  return fmt::format("--resamples must be from 100 to {} (the bootstrap's cost grows with it), got {}", kMaxResamples, resamples);
}

std::optional<std::string> sample_points_problem(std::uint64_t points, const std::string& what) {
  if (points <= static_cast<std::uint64_t>(batch::kMaxDesignPoints)) return std::nullopt;
  return fmt::format("{} asks for {} design points, more than the limit of {} (each point is a scenario loaded and run; "
                     "split the study into several, or take fewer samples); nothing was run",
                     what, points, batch::kMaxDesignPoints);
}

std::optional<std::string> empty_value_problem(const std::vector<std::string>& args, const std::vector<std::string>& names) {
  for (std::size_t i = 0; i < args.size(); ++i)
    for (const std::string& name : names) {
      const bool separate = args[i] == name && i + 1 < args.size() && args[i + 1].empty();
      if (separate || args[i] == name + "=")
        return fmt::format("{} was given an empty value; give a number, or leave the option out for the default", name);
    }
  return std::nullopt;
}

std::optional<std::string> threads_problem(int threads) {
  if (threads >= 1 && threads <= kMaxThreads) return std::nullopt;
  return fmt::format("--threads must be at least 1 and at most {} (the most one machine can use), got {}", kMaxThreads, threads);
}

std::optional<std::string> run_numbers_problem(int threads, const std::string& days_text, const std::string& seed_text,
                                               RunNumbers& numbers) {
  if (auto problem = threads_problem(threads)) return problem;
  std::string problem;
  // Called with the text of options given; "" here means "not given" (see empty_value_problem).
  if (!days_text.empty() && !(numbers.days = parse_days(days_text, problem))) return problem;
  if (!seed_text.empty() && !(numbers.seed = parse_seed(seed_text, problem))) return problem;
  return std::nullopt;
}

std::optional<std::string> attack_budget_problem(const camp::Scenario& scenario, double duration_seconds) {
  const double attacks = camp::expected_attacks(scenario.threats, duration_seconds);
  if (attacks <= camp::kMaxExpectedAttacks) return std::nullopt;
  return fmt::format("scenario '{}' expects {:.3g} attacks in {:g} days, more than the limit of {:g} per run "
                     "(per_day and annual_growth of the threats compound); shorten the run or lower the rates",
                     scenario.meta.name, attacks, duration_seconds / 86400, camp::kMaxExpectedAttacks);
}

}  // namespace campsim::cli
