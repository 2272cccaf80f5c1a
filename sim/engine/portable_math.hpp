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
#include <span>

namespace campsim::math {

double exp(double x);
double log(double x);
double log1p(double x);
double expm1(double x);
double pow(double x, double y);
double sin(double x);
double cos(double x);
double atan2(double y, double x);
// out[i] = exp(in[i]) for every i (the spans of one length), bit for bit: four lanes at a time
// where the CPU has AVX, else two (the guards' sample asks two for each of 40-odd sentries).
void exp_each(std::span<const double> in, std::span<double> out);
// The same at a given width (for tests: each width's lanes are exp's bits). Four needs AVX.
enum class ExpLanes { two, four };
bool four_lane_exp_supported();
void exp_each_in(ExpLanes lanes, std::span<const double> in, std::span<double> out);

// The standard normal quantile Phi^-1(p) for 0 < p < 1 (-inf at or below 0, +inf at or above 1;
// engine::standard_normal_quantile, which every draw uses, is this): Wichura's
// algorithm AS 241 (PPND16, Applied Statistics 37(3), 1988, 477-484), accurate to about 1e-16,
// with this file's log, so that a lognormal draw is the same on every CPU (Boost's erfc_inv,
// used before, calls glibc's log in its tails).
double normal_quantile(double p);

}  // namespace campsim::math
