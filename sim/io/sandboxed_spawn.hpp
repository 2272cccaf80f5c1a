#pragma once
// Starting a program that may not start others: gnuplot can run shell commands (`system(...)`,
// `!cmd`, backquotes, `load "<cmd"`, `set output "|cmd"`), all through fork, vfork or a clone
// without CLONE_THREAD. campsim's scripts never ask for them (gnuplot_text.hpp); as a second
// wall, the child installs a seccomp filter before it executes the program that makes those
// calls fail with EPERM, while threads (clone with CLONE_THREAD) still work. Linux on x86-64 and
// AArch64 only; elsewhere sandbox_available() is false and the program runs without the filter.
#include <sys/types.h>

#include "sim/io/subprocess.hpp"

namespace campsim::io {

bool sandbox_available();

// Like posix_spawnp with run_program's setup (own process group, default signals, stdin from
// /dev/null, stdout/stderr files, working directory), plus the filter. Returns 0 and the pid, or
// the errno that kept the program from starting (ENOENT if it is not on PATH).
int spawn_sandboxed(const ProgramRun& run, pid_t& pid);

}  // namespace campsim::io
