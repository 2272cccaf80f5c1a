#pragma once
// Eight float lanes (AVX2) for the kernel's neighbour passes on CPUs that have them
// (neighbour_passes8.cpp; chosen at run time, kernel_lanes.hpp). The build assumes only the
// x86-64 baseline (SSE2), so nothing here is compiled for AVX2 by the file's flags: every
// function carries the target attribute itself and is always inlined, which makes a call from
// code not marked target("avx2") a compile error instead of a crash on an older CPU (and no
// out-of-line AVX2 copy of a shared inline function can be kept by the linker for SSE2 callers).
//
// The same bits as lanes4.hpp: lane l of an 8-lane block does the IEEE operations lane l mod 4
// of the matching 4-lane block does, in the same order. The target is "avx2" alone, not "fma",
// and the file using it is compiled with -ffp-contract=off, so no multiply-add is fused.
#include "sim/crowd/kernel_lanes.hpp"

#ifdef CAMPSIM_WIDE_LANES
#include <immintrin.h>

#include "sim/crowd/lanes4.hpp"

// Marks a function compiled for AVX2 and inlined into its (AVX2) caller.
#define CAMPSIM_AVX2_INLINE [[gnu::target("avx2"), gnu::always_inline]] inline

namespace campsim::crowd::avx2 {

struct F8 {
  __m256 v;
};
struct M8 {
  __m256 v;
};

CAMPSIM_AVX2_INLINE F8 loadu8(const float* p) { return {_mm256_loadu_ps(p)}; }
CAMPSIM_AVX2_INLINE F8 splat8(float x) { return {_mm256_set1_ps(x)}; }
CAMPSIM_AVX2_INLINE F8 operator+(F8 a, F8 b) { return {_mm256_add_ps(a.v, b.v)}; }
CAMPSIM_AVX2_INLINE F8 operator-(F8 a, F8 b) { return {_mm256_sub_ps(a.v, b.v)}; }
CAMPSIM_AVX2_INLINE F8 operator*(F8 a, F8 b) { return {_mm256_mul_ps(a.v, b.v)}; }
CAMPSIM_AVX2_INLINE F8 operator/(F8 a, F8 b) { return {_mm256_div_ps(a.v, b.v)}; }
CAMPSIM_AVX2_INLINE F8 sqrt8(F8 a) { return {_mm256_sqrt_ps(a.v)}; }
// minps/maxps semantics, as SSE's: the second operand when the comparison fails.
CAMPSIM_AVX2_INLINE F8 min8(F8 a, F8 b) { return {_mm256_min_ps(a.v, b.v)}; }
CAMPSIM_AVX2_INLINE F8 max8(F8 a, F8 b) { return {_mm256_max_ps(a.v, b.v)}; }
CAMPSIM_AVX2_INLINE F8 abs8(F8 a) { return {_mm256_andnot_ps(_mm256_set1_ps(-0.0f), a.v)}; }
// The predicates of SSE's cmpleps, cmpgeps (cmpleps with the operands swapped) and cmpltps:
// ordered, so a NaN lane compares false, as there.
CAMPSIM_AVX2_INLINE M8 operator<=(F8 a, F8 b) { return {_mm256_cmp_ps(a.v, b.v, _CMP_LE_OS)}; }
CAMPSIM_AVX2_INLINE M8 operator>=(F8 a, F8 b) { return {_mm256_cmp_ps(b.v, a.v, _CMP_LE_OS)}; }
CAMPSIM_AVX2_INLINE M8 operator>(F8 a, F8 b) { return {_mm256_cmp_ps(b.v, a.v, _CMP_LT_OS)}; }
CAMPSIM_AVX2_INLINE M8 operator&(M8 a, M8 b) { return {_mm256_and_ps(a.v, b.v)}; }
// Lanes 0 .. n-1 set (0 <= n <= 8).
CAMPSIM_AVX2_INLINE M8 first_lanes8(int n) {
  return {_mm256_castsi256_ps(_mm256_cmpgt_epi32(_mm256_set1_epi32(n), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7)))};
}
CAMPSIM_AVX2_INLINE bool any(M8 m) { return _mm256_movemask_ps(m.v) != 0; }
CAMPSIM_AVX2_INLINE F8 keep_or_zero(M8 m, F8 a) { return {_mm256_and_ps(m.v, a.v)}; }
CAMPSIM_AVX2_INLINE F8 keep_or(M8 m, F8 a, F8 other) {
  return {_mm256_or_ps(_mm256_and_ps(m.v, a.v), _mm256_andnot_ps(m.v, other.v))};
}
CAMPSIM_AVX2_INLINE void store8(float* out, F8 a) { _mm256_storeu_ps(out, a.v); }
// Lanes 0-3 and 4-7 as four-lane values (lanes4.hpp).
CAMPSIM_AVX2_INLINE F4 low_half(F8 a) { return {_mm256_castps256_ps128(a.v)}; }
CAMPSIM_AVX2_INLINE F4 high_half(F8 a) { return {_mm256_extractf128_ps(a.v, 1)}; }

// fast_exp (fast_exp.hpp), eight at a time, operation for operation (exp4 in lanes4.hpp).
CAMPSIM_AVX2_INLINE F8 exp8(F8 x) {
  x.v = _mm256_min_ps(_mm256_max_ps(x.v, _mm256_set1_ps(-87.0f)), _mm256_set1_ps(88.0f));
  const __m256 t = _mm256_mul_ps(x.v, _mm256_set1_ps(1.44269504088896341f));
  const __m256i n = _mm256_cvttps_epi32(t);
  const __m256 f = _mm256_mul_ps(_mm256_sub_ps(t, _mm256_cvtepi32_ps(n)), _mm256_set1_ps(0.693147180559945309f));
  __m256 p = _mm256_set1_ps(1.0f / 5040.0f);
  p = _mm256_add_ps(_mm256_mul_ps(p, f), _mm256_set1_ps(1.0f / 720.0f));
  p = _mm256_add_ps(_mm256_mul_ps(p, f), _mm256_set1_ps(1.0f / 120.0f));
  p = _mm256_add_ps(_mm256_mul_ps(p, f), _mm256_set1_ps(1.0f / 24.0f));
  p = _mm256_add_ps(_mm256_mul_ps(p, f), _mm256_set1_ps(1.0f / 6.0f));
  p = _mm256_add_ps(_mm256_mul_ps(p, f), _mm256_set1_ps(0.5f));
  p = _mm256_add_ps(_mm256_mul_ps(p, f), _mm256_set1_ps(1.0f));
  p = _mm256_add_ps(_mm256_mul_ps(p, f), _mm256_set1_ps(1.0f));
  const __m256 scale = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(n, _mm256_set1_epi32(127)), 23));
  return {_mm256_mul_ps(p, scale)};
}

// Adds an 8-lane block's lanes to four-lane partial sums in slot order: lanes 0-3 first, then
// lanes 4-7, exactly as the 4-lane passes add the two blocks of four these lanes are. (Adding
// the eight lanes to an eight-lane sum and folding it at the end would round differently.)
CAMPSIM_AVX2_INLINE F4 add_in_slot_order(F4 sum, F8 block) { return (sum + low_half(block)) + high_half(block); }

}  // namespace campsim::crowd::avx2

#endif
