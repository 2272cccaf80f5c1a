#pragma once
// Ctrl-C (SIGINT) and SIGTERM during a batch: the first one asks the batch to stop taking new
// jobs, let the running ones finish and leave its files consistent for --resume; a second one
// ends the process at once (the files stay resumable: see results_file.hpp).
#include <atomic>

namespace campsim::batch {

void install_stop_handlers();
std::atomic<bool>& stop_requested();  // also set by the runner itself (a test's row limit)

}  // namespace campsim::batch
