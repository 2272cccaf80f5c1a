#pragma once
// Happens-before annotations for ThreadSanitizer, for synchronisation that TSan cannot see
// (libraries built without -fsanitize=thread, such as the system libtbb). Compiled to nothing
// unless the translation unit is built with TSan.
#if defined(__SANITIZE_THREAD__)
#define CAMPSIM_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define CAMPSIM_TSAN 1
#endif
#endif

#if defined(CAMPSIM_TSAN)
#include <sanitizer/tsan_interface.h>
#endif

namespace campsim::engine {

// Everything this thread did before tsan_release(p) happens-before everything another thread
// does after a later tsan_acquire(p).
inline void tsan_release([[maybe_unused]] void* sync) noexcept {
#if defined(CAMPSIM_TSAN)
  __tsan_release(sync);
#endif
}

inline void tsan_acquire([[maybe_unused]] void* sync) noexcept {
#if defined(CAMPSIM_TSAN)
  __tsan_acquire(sync);
#endif
}

}  // namespace campsim::engine
