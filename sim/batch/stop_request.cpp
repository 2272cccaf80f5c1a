#include "sim/batch/stop_request.hpp"

#include <csignal>

namespace campsim::batch {

namespace {

std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");

extern "C" void on_stop_signal(int signal) {
  if (g_stop.exchange(true)) {  // the second signal: the user means it
    std::signal(signal, SIG_DFL);
    std::raise(signal);
  }
}

}  // namespace

void install_stop_handlers() {
  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGTERM, on_stop_signal);
}

std::atomic<bool>& stop_requested() { return g_stop; }

}  // namespace campsim::batch
