#pragma once
// Four float lanes for the kernel's neighbour passes: SSE2 (every x86-64 CPU) when available,
// otherwise four plain floats. Both do the same IEEE operations lane by lane, in the same
// order, so they are meant to give the same bits (only the SSE2 path is built and tested here:
// the project's machines are x86-64). GCC does not vectorize the
// masked, exp-heavy passes by itself (its SLP pass does not take the loop-carried partial sums).
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "sim/crowd/fast_exp.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace campsim::crowd {

#if defined(__SSE2__)

struct F4 {
  __m128 v;
};
struct M4 {
  __m128 v;
};

inline F4 loadu4(const float* p) { return {_mm_loadu_ps(p)}; }
inline F4 splat4(float x) { return {_mm_set1_ps(x)}; }
inline F4 operator+(F4 a, F4 b) { return {_mm_add_ps(a.v, b.v)}; }
inline F4 operator-(F4 a, F4 b) { return {_mm_sub_ps(a.v, b.v)}; }
inline F4 operator*(F4 a, F4 b) { return {_mm_mul_ps(a.v, b.v)}; }
inline F4 operator/(F4 a, F4 b) { return {_mm_div_ps(a.v, b.v)}; }
inline F4 sqrt4(F4 a) { return {_mm_sqrt_ps(a.v)}; }
inline F4 min4(F4 a, F4 b) { return {_mm_min_ps(a.v, b.v)}; }
inline F4 max4(F4 a, F4 b) { return {_mm_max_ps(a.v, b.v)}; }
inline F4 abs4(F4 a) { return {_mm_andnot_ps(_mm_set1_ps(-0.0f), a.v)}; }
inline M4 operator<=(F4 a, F4 b) { return {_mm_cmple_ps(a.v, b.v)}; }
inline M4 operator>=(F4 a, F4 b) { return {_mm_cmpge_ps(a.v, b.v)}; }
inline M4 operator>(F4 a, F4 b) { return {_mm_cmpgt_ps(a.v, b.v)}; }
inline M4 operator&(M4 a, M4 b) { return {_mm_and_ps(a.v, b.v)}; }
// Lanes 0 .. n-1 set (0 <= n <= 4).
inline M4 first_lanes(int n) {
  return {_mm_castsi128_ps(_mm_cmplt_epi32(_mm_setr_epi32(0, 1, 2, 3), _mm_set1_epi32(n)))};
}
inline bool any(M4 m) { return _mm_movemask_ps(m.v) != 0; }
inline F4 keep_or_zero(M4 m, F4 a) { return {_mm_and_ps(m.v, a.v)}; }
inline F4 keep_or(M4 m, F4 a, F4 other) { return {_mm_or_ps(_mm_and_ps(m.v, a.v), _mm_andnot_ps(m.v, other.v))}; }
inline void store4(float* out, F4 a) { _mm_storeu_ps(out, a.v); }

// fast_exp (fast_exp.hpp), four at a time, operation for operation.
inline F4 exp4(F4 x) {
  x.v = _mm_min_ps(_mm_max_ps(x.v, _mm_set1_ps(-87.0f)), _mm_set1_ps(88.0f));
  const __m128 t = _mm_mul_ps(x.v, _mm_set1_ps(1.44269504088896341f));
  const __m128i n = _mm_cvttps_epi32(t);
  const __m128 f = _mm_mul_ps(_mm_sub_ps(t, _mm_cvtepi32_ps(n)), _mm_set1_ps(0.693147180559945309f));
  __m128 p = _mm_set1_ps(1.0f / 5040.0f);
  p = _mm_add_ps(_mm_mul_ps(p, f), _mm_set1_ps(1.0f / 720.0f));
  p = _mm_add_ps(_mm_mul_ps(p, f), _mm_set1_ps(1.0f / 120.0f));
  p = _mm_add_ps(_mm_mul_ps(p, f), _mm_set1_ps(1.0f / 24.0f));
  p = _mm_add_ps(_mm_mul_ps(p, f), _mm_set1_ps(1.0f / 6.0f));
  p = _mm_add_ps(_mm_mul_ps(p, f), _mm_set1_ps(0.5f));
  p = _mm_add_ps(_mm_mul_ps(p, f), _mm_set1_ps(1.0f));
  p = _mm_add_ps(_mm_mul_ps(p, f), _mm_set1_ps(1.0f));
  const __m128 scale = _mm_castsi128_ps(_mm_slli_epi32(_mm_add_epi32(n, _mm_set1_epi32(127)), 23));
  return {_mm_mul_ps(p, scale)};
}

#else

struct F4 {
  float v[4];
};
struct M4 {
  bool v[4];
};

template <class Op>
inline F4 map4(F4 a, F4 b, Op op) {
  return {{op(a.v[0], b.v[0]), op(a.v[1], b.v[1]), op(a.v[2], b.v[2]), op(a.v[3], b.v[3])}};
}
inline F4 loadu4(const float* p) { return {{p[0], p[1], p[2], p[3]}}; }
inline F4 splat4(float x) { return {{x, x, x, x}}; }
inline F4 operator+(F4 a, F4 b) { return map4(a, b, [](float x, float y) { return x + y; }); }
inline F4 operator-(F4 a, F4 b) { return map4(a, b, [](float x, float y) { return x - y; }); }
inline F4 operator*(F4 a, F4 b) { return map4(a, b, [](float x, float y) { return x * y; }); }
inline F4 operator/(F4 a, F4 b) { return map4(a, b, [](float x, float y) { return x / y; }); }
inline F4 sqrt4(F4 a) { return {{std::sqrt(a.v[0]), std::sqrt(a.v[1]), std::sqrt(a.v[2]), std::sqrt(a.v[3])}}; }
// Same operand order as SSE minps/maxps (the second operand when the comparison fails).
inline F4 min4(F4 a, F4 b) { return map4(a, b, [](float x, float y) { return x < y ? x : y; }); }
inline F4 max4(F4 a, F4 b) { return map4(a, b, [](float x, float y) { return x > y ? x : y; }); }
inline F4 abs4(F4 a) { return {{std::fabs(a.v[0]), std::fabs(a.v[1]), std::fabs(a.v[2]), std::fabs(a.v[3])}}; }
inline M4 operator<=(F4 a, F4 b) { return {{a.v[0] <= b.v[0], a.v[1] <= b.v[1], a.v[2] <= b.v[2], a.v[3] <= b.v[3]}}; }
inline M4 operator>=(F4 a, F4 b) { return {{a.v[0] >= b.v[0], a.v[1] >= b.v[1], a.v[2] >= b.v[2], a.v[3] >= b.v[3]}}; }
inline M4 operator>(F4 a, F4 b) { return {{a.v[0] > b.v[0], a.v[1] > b.v[1], a.v[2] > b.v[2], a.v[3] > b.v[3]}}; }
inline M4 operator&(M4 a, M4 b) { return {{a.v[0] && b.v[0], a.v[1] && b.v[1], a.v[2] && b.v[2], a.v[3] && b.v[3]}}; }
inline M4 first_lanes(int n) { return {{0 < n, 1 < n, 2 < n, 3 < n}}; }
inline bool any(M4 m) { return m.v[0] || m.v[1] || m.v[2] || m.v[3]; }
inline F4 keep_or(M4 m, F4 a, F4 other) {
  return {{m.v[0] ? a.v[0] : other.v[0], m.v[1] ? a.v[1] : other.v[1], m.v[2] ? a.v[2] : other.v[2],
           m.v[3] ? a.v[3] : other.v[3]}};
}
inline F4 keep_or_zero(M4 m, F4 a) { return keep_or(m, a, splat4(0.0f)); }
inline void store4(float* out, F4 a) { std::copy(a.v, a.v + 4, out); }
inline F4 exp4(F4 x) { return {{fast_exp(x.v[0]), fast_exp(x.v[1]), fast_exp(x.v[2]), fast_exp(x.v[3])}}; }

#endif

// (a0 + a1) + (a2 + a3): a fixed order, so the sum is the same whatever the lane width.
inline float sum4(F4 a) {
  float l[4];
  store4(l, a);
  return (l[0] + l[1]) + (l[2] + l[3]);
}
inline float min_of4(F4 a) {
  float l[4];
  store4(l, a);
  return std::min(std::min(l[0], l[1]), std::min(l[2], l[3]));
}

}  // namespace campsim::crowd
