#pragma once
// exp(x) for the kernel's inner loops, written so that GCC vectorizes it (std::expf is a libm
// call and stops vectorization without -ffast-math). Pure float arithmetic and integer bit
// tricks: the same inputs give the same bits on every run.
//
// Method: exp(x) = 2^n * 2^f with t = x * log2(e), n = trunc(t), f = t - n in (-1, 1); 2^f by
// its Taylor polynomial e^(f ln 2) to degree 7 (relative error below 5e-6 with float rounding, far
// below what the model's exponential repulsion needs). x is clamped to [-87, 88] so 2^n stays
// a normal float: exp(-87) ~ 1.6e-38 is zero for every use here.
#include <algorithm>
#include <bit>
#include <cstdint>

namespace campsim::crowd {

inline float fast_exp(float x) noexcept {
  x = std::min(std::max(x, -87.0f), 88.0f);
  const float t = x * 1.44269504088896341f;
  const auto n = static_cast<std::int32_t>(t);  // truncation toward zero
  const float f = (t - static_cast<float>(n)) * 0.693147180559945309f;  // f * ln 2, |.| < ln 2
  // Horner form of sum f^k / k!, k = 0..7.
  float p = 1.0f / 5040.0f;
  p = p * f + 1.0f / 720.0f;
  p = p * f + 1.0f / 120.0f;
  p = p * f + 1.0f / 24.0f;
  p = p * f + 1.0f / 6.0f;
  p = p * f + 0.5f;
  p = p * f + 1.0f;
  p = p * f + 1.0f;
  const float scale = std::bit_cast<float>(static_cast<std::uint32_t>(n + 127) << 23);
  return p * scale;
}

}  // namespace campsim::crowd
