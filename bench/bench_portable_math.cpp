// The model's elementary functions (sim/engine/portable_math.hpp) against glibc's and SLEEF's
// plain-C ones: nanoseconds a call over 2^20 arguments in the ranges the model uses, and whether
// math:: gives the plain-C function's bits (the same on every CPU).
//   bench_portable_math [PASSES]   (default 20)
// Prints one line per function: name glibc_ns=.. sleef_purec_ns=.. campsim_ns=.. differing=..
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

#include <sleef.h>

#include "sim/engine/portable_math.hpp"

namespace {


// Nanoseconds a call; the sum keeps the calls from being optimised away.
double ns_per_call(const std::vector<double>& xs, int passes, double (*f)(double)) {
  volatile double sink = 0;
  double sum = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int p = 0; p < passes; ++p)
    for (double x : xs) sum += f(x);
  sink = sum;
  (void)sink;
  return std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count() /
         (static_cast<double>(passes) * static_cast<double>(xs.size()));
}

void compare(const char* name, const std::vector<double>& xs, int passes, double (*glibc)(double),
             double (*purec)(double), double (*ours)(double)) {
  long differing = 0;
  for (double x : xs) {
    const double a = purec(x), b = ours(x);
    differing += std::memcmp(&a, &b, sizeof a) != 0;
  }
  std::printf("%-6s glibc_ns=%.2f sleef_purec_ns=%.2f campsim_ns=%.2f differing=%ld of %zu\n", name,
              ns_per_call(xs, passes, glibc), ns_per_call(xs, passes, purec), ns_per_call(xs, passes, ours), differing,
              xs.size());
}

std::vector<double> uniform(double lo, double hi, std::uint64_t seed) {
  std::mt19937_64 g(seed);
  std::uniform_real_distribution<double> u(lo, hi);
  std::vector<double> xs(1 << 20);
  for (double& x : xs) x = u(g);
  return xs;
}

}  // namespace

int main(int argc, char** argv) {
  const int passes = argc > 1 ? std::atoi(argv[1]) : 20;
  if (passes < 1) {
    std::fprintf(stderr, "usage: bench_portable_math [PASSES >= 1]\n");
    return 2;
  }
  // The ranges: the guards' exponents, draws' logs of uniforms, log1p of hazards.
  compare("exp", uniform(-20, 5, 1), passes, [](double x) { return std::exp(x); },
          [](double x) { return Sleef_cinz_expd1_u10purec(x); }, [](double x) { return campsim::math::exp(x); });
  compare("log", uniform(1e-9, 10, 2), passes, [](double x) { return std::log(x); },
          [](double x) { return Sleef_cinz_logd1_u10purec(x); }, [](double x) { return campsim::math::log(x); });
  compare("log1p", uniform(-0.999, 5, 3), passes, [](double x) { return std::log1p(x); },
          [](double x) { return Sleef_cinz_log1pd1_u10purec(x); }, [](double x) { return campsim::math::log1p(x); });
  // Several at a time, as the guards' sample works them (math::exp_each): ns a value.
  const std::vector<double> xs = uniform(-20, 5, 4);
  std::vector<double> out(xs.size());
  for (const auto& [name, lanes] : {std::pair{"two", campsim::math::ExpLanes::two}, std::pair{"four", campsim::math::ExpLanes::four}}) {
    if (lanes == campsim::math::ExpLanes::four && !campsim::math::four_lane_exp_supported()) {
      std::printf("exp_each lanes=four: no AVX on this CPU\n");
      continue;
    }
    const auto start = std::chrono::steady_clock::now();
    for (int p = 0; p < passes; ++p) campsim::math::exp_each_in(lanes, xs, out);
    const double ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count() /
                      (static_cast<double>(passes) * static_cast<double>(xs.size()));
    long differing = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
      const double a = Sleef_cinz_expd1_u10purec(xs[i]);
      differing += std::memcmp(&a, &out[i], sizeof a) != 0;
    }
    std::printf("exp_each lanes=%s ns_per_value=%.2f differing=%ld of %zu\n", name, ns, differing, xs.size());
  }
  return 0;
}
