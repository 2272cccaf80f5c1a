#include "sim/engine/portable_math.hpp"

#include <cmath>
#include <limits>

#include <emmintrin.h>
#include <immintrin.h>
#include <sleef.h>
#include <stdexcept>

// sleef.h declares its AVX functions only when the file is compiled for AVX (__AVX__); this one
// is not (the build assumes SSE2 only), and calls it from a function marked target("avx") alone,
// run only where the CPU has AVX (four_lane_exp_supported).
// The declaration carries the target too: clang refuses to pass a 256-bit vector to a function
// it thinks takes it by the SSE2 convention.
#ifndef __AVX__
extern "C" [[gnu::target("avx")]] __m256d Sleef_cinz_expd4_u10avx(__m256d);
#endif

namespace campsim::math {

// The 1-ulp ("u10") scalar functions of SLEEF's deterministic family, written in plain C, but for
// exp: its two-lane SSE2 function gives the same bits in lane 0 (the cinz family's promise,
// tested) in about half the time (6.8 against 13.0 ns a call, docs/performance.md); log and
// log1p gain nothing that way.
double exp(double x) { return _mm_cvtsd_f64(Sleef_cinz_expd2_u10sse2(_mm_set_sd(x))); }
double log(double x) { return Sleef_cinz_logd1_u10purec(x); }
double log1p(double x) { return Sleef_cinz_log1pd1_u10purec(x); }
double expm1(double x) { return Sleef_cinz_expm1d1_u10purec(x); }
double pow(double x, double y) { return Sleef_cinz_powd1_u10purec(x, y); }
double sin(double x) { return Sleef_cinz_sind1_u10purec(x); }
double cos(double x) { return Sleef_cinz_cosd1_u10purec(x); }
double atan2(double y, double x) { return Sleef_cinz_atan2d1_u10purec(y, x); }

namespace {

void exp_each_two(const double* in, double* out, std::size_t n) {
  std::size_t i = 0;
  for (; i + 2 <= n; i += 2) _mm_storeu_pd(out + i, Sleef_cinz_expd2_u10sse2(_mm_loadu_pd(in + i)));
  if (i < n) out[i] = exp(in[i]);
}

[[gnu::target("avx")]] void exp_each_four(const double* in, double* out, std::size_t n) {
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) _mm256_storeu_pd(out + i, Sleef_cinz_expd4_u10avx(_mm256_loadu_pd(in + i)));
  exp_each_two(in + i, out + i, n - i);
}

}  // namespace

bool four_lane_exp_supported() {
  // libgcc's check also asks the OS whether it saves the 256-bit registers (XGETBV).
  static const bool supported = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx") != 0;
  }();
  return supported;
}

void exp_each_in(ExpLanes lanes, std::span<const double> in, std::span<double> out) {
  if (in.size() != out.size()) throw std::invalid_argument("math::exp_each: spans of different lengths");
  if (lanes == ExpLanes::four) {
    if (!four_lane_exp_supported()) throw std::invalid_argument("math::exp_each: four lanes need AVX");
    exp_each_four(in.data(), out.data(), in.size());
  } else {
    exp_each_two(in.data(), out.data(), in.size());
  }
}

void exp_each(std::span<const double> in, std::span<double> out) {
  exp_each_in(four_lane_exp_supported() ? ExpLanes::four : ExpLanes::two, in, out);
}

double normal_quantile(double p) {
  if (std::isnan(p)) return p;
  if (p <= 0) return -std::numeric_limits<double>::infinity();
  if (p >= 1) return std::numeric_limits<double>::infinity();
  // AS 241's three regions: a rational function of (p - 1/2)^2 near the middle, and of
  // sqrt(-log(tail)) in the tails, below and beyond 5 (tail area about 1.4e-11).
  constexpr double kSplitMiddle = 0.425, kSplitTail = 5.0, kMiddle = 0.180625, kNear = 1.6;
  const double q = p - 0.5;
  if (std::abs(q) <= kSplitMiddle) {
    const double r = kMiddle - q * q;
    return q *
           (((((((2.5090809287301226727e+03 * r + 3.3430575583588128105e+04) * r + 6.7265770927008700853e+04) * r +
                4.5921953931549871457e+04) * r + 1.3731693765509461125e+04) * r + 1.9715909503065514427e+03) * r +
             1.3314166789178437745e+02) * r + 3.3871328727963666080e+00) /
           (((((((5.2264952788528545610e+03 * r + 2.8729085735721942674e+04) * r + 3.9307895800092710610e+04) * r +
                2.1213794301586595867e+04) * r + 5.3941960214247511077e+03) * r + 6.8718700749205790830e+02) * r +
             4.2313330701600911252e+01) * r + 1.0);
  }
  double r = std::sqrt(-log(q < 0 ? p : 1 - p));
  double z;
  if (r <= kSplitTail) {
    r -= kNear;
    z = (((((((7.74545014278341407640e-04 * r + 2.27238449892691845833e-02) * r + 2.41780725177450611770e-01) * r +
             1.27045825245236838258e+00) * r + 3.64784832476320460504e+00) * r + 5.76949722146069140550e+00) * r +
          4.63033784615654529590e+00) * r + 1.42343711074968357734e+00) /
        (((((((1.05075007164441684324e-09 * r + 5.47593808499534494600e-04) * r + 1.51986665636164571966e-02) * r +
             1.48103976427480074590e-01) * r + 6.89767334985100004550e-01) * r + 1.67638483018380384940e+00) * r +
          2.05319162663775882187e+00) * r + 1.0);
  } else {
    r -= kSplitTail;
    z = (((((((2.01033439929228813265e-07 * r + 2.71155556874348757815e-05) * r + 1.24266094738807843860e-03) * r +
             2.65321895265761230930e-02) * r + 2.96560571828504891230e-01) * r + 1.78482653991729133580e+00) * r +
          5.46378491116411436990e+00) * r + 6.65790464350110377720e+00) /
        (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-07) * r + 1.84631831751005468180e-05) * r +
             7.86869131145613259100e-04) * r + 1.48753612908506148525e-02) * r + 1.36929880922735805310e-01) * r +
          5.99832206555887937690e-01) * r + 1.0);
  }
  return q < 0 ? -z : z;
}

}  // namespace campsim::math
