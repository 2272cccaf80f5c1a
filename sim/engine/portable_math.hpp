#pragma once
// The elementary functions of the model, with the same bits on every CPU.
//
// glibc's libm picks exp, log, log1p, expm1, pow, sin, cos and atan2 by the CPU at run time (an
// FMA, an AVX or a plain SSE2 variant), and the variants round some last bits differently: a
// year on a CPU without FMA wrote other fatigue and vigilance digits than on one with it
// (scripts/cpu_variants_check.sh). Shards and MPI ranks run on other machines and must give the
// same bytes, so the model calls these instead: SLEEF's deterministic functions (its "cinz"
// family: no FMA, the same operations on every CPU and vector width; Debian's libsleef-dev),
// within 1 ulp of the true value (tests/engine/test_portable_math.cpp holds them to that against
// long double). sqrt, hypot, fmod, erf and erfc are not here: IEEE's square root is exact, and
// glibc has one implementation of the others.
#include <array>

namespace campsim::math {

double exp(double x);
double log(double x);
double log1p(double x);
double expm1(double x);
double pow(double x, double y);
double sin(double x);
double cos(double x);
double atan2(double y, double x);
// exp(a) and exp(b) in one call, two SSE2 lanes: bit for bit {exp(a), exp(b)}, in about the time
// of one (the guards' sample asks two for every sentry, four times an hour).
std::array<double, 2> exp_pair(double a, double b);

// The standard normal quantile Phi^-1(p) for 0 < p < 1 (-inf at or below 0, +inf at or above 1;
// engine::standard_normal_quantile, which every draw uses, is this): Wichura's
// algorithm AS 241 (PPND16, Applied Statistics 37(3), 1988, 477-484), accurate to about 1e-16,
// with this file's log, so that a lognormal draw is the same on every CPU (Boost's erfc_inv,
// used before, calls glibc's log in its tails).
double normal_quantile(double p);

}  // namespace campsim::math
