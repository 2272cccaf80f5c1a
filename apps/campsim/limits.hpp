#pragma once
// The limits of the command line's numbers, checked before anything is loaded or written. A
// value outside them is refused with exit 2 and a message naming the limit, never silently
// replaced (a seed of -1 used to wrap around to "use the scenario's seed") and never allowed to
// crash (TBB's arena with 65,537 slots) or run for ever (--days inf).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/camp/scenario.hpp"

namespace campsim::cli {

// Threads of one process. A two-socket server with AMD EPYC 9754 processors (128 cores, 256
// threads each) has 512 hardware threads; more threads than that cannot run at once on one
// machine, and the thread count never changes results, so refusing more costs nothing (TBB's
// arena crashed at 65,537). Assumed from that machine (docs/reliability.md).
inline constexpr int kMaxThreads = 512;

// Simulated days of one run: 11 years, longer than MINUSMA's whole life (established by Security
// Council resolution 2100 of 25 April 2013; withdrawal completed by 31 December 2023 under
// resolution 2690), the period the model's parameters describe. The same limit as the scenario's
// `duration` (docs/scenario-reference.md, docs/reliability.md).
inline constexpr double kMaxDays = 11 * 365.25;

// Bootstrap resamples (compare, sensitivity): 25 times compare's default of 4,000. The cost is
// resamples x runs x metrics; 2,000,000,000 would not end in a day.
inline constexpr int kMaxResamples = 100000;

// Nothing if 100 <= resamples <= kMaxResamples, else the message.
std::optional<std::string> resamples_problem(int resamples);

// Nothing if a sample of `points` design points (sensitivity, calibrate: computed before the
// sample is drawn) is within batch::kMaxDesignPoints, else the message naming the limit.
std::optional<std::string> sample_points_problem(std::uint64_t points, const std::string& what);

// An option given an empty value ("--days ''", "--seed="): refused, never read as "not given".
// Nothing if none of `names` (e.g. "--days") is given empty in `args`, else the message.
std::optional<std::string> empty_value_problem(const std::vector<std::string>& args, const std::vector<std::string>& names);

// Parses "--seed TEXT": decimal digits only, 0 to 2^64 - 1. Returns the seed, or nothing if the
// text is not such a number (a sign, a fraction, too large), with `problem` saying why.
std::optional<std::uint64_t> parse_seed(const std::string& text, std::string& problem);

// Parses "--days TEXT": a finite number of days, or a duration with units as the scenario writes
// one (30d, 12h, 1d6h, 90min), from one minute to kMaxDays. Returns the days, or nothing with
// `problem` saying which limit was broken (0, nan, inf and 1e9 are all refused).
std::optional<double> parse_days(const std::string& text, std::string& problem);

// Nothing if 1 <= threads <= kMaxThreads, else the message.
std::optional<std::string> threads_problem(int threads);

// The numbers of one run as given on the command line (nothing: not given, use the scenario's).
struct RunNumbers {
  std::optional<double> days;
  std::optional<std::uint64_t> seed;
};

// --threads, --days and --seed (empty text: not given) checked by the functions above, in the
// same way for every command that runs the model (run, batch, view). Nothing if all are within
// their limits (and `numbers` holds them), else the message for the first that is not.
std::optional<std::string> run_numbers_problem(int threads, const std::string& days_text, const std::string& seed_text,
                                               RunNumbers& numbers);

// Nothing if the scenario's attacks over `duration_seconds` stay within camp::kMaxExpectedAttacks,
// else the message (naming the scenario, the expected count and the limit).
std::optional<std::string> attack_budget_problem(const camp::Scenario& scenario, double duration_seconds);

}  // namespace campsim::cli
