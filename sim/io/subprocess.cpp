#include "sim/io/subprocess.hpp"

#include "sim/io/sandboxed_spawn.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <thread>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace campsim::io {

namespace {

// posix_spawn's attributes and file actions, destroyed on every path out.
struct SpawnSetup {
  posix_spawn_file_actions_t actions{};
  posix_spawnattr_t attributes{};
  SpawnSetup() {
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attributes);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;
};

// posix_spawnp with run's setup; returns 0 or the errno that kept the program from starting.
int spawn(const ProgramRun& run, pid_t& pid) {
  SpawnSetup setup;
  // The child starts its own process group (so a timeout can kill everything it started) with
  // default signal dispositions and an empty mask, whatever campsim's own are.
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setpgroup(&setup.attributes, 0);
  posix_spawnattr_setsigmask(&setup.attributes, &none);
  posix_spawnattr_setsigdefault(&setup.attributes, &all);
  posix_spawnattr_setflags(&setup.attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  if (!run.directory.empty()) posix_spawn_file_actions_addchdir_np(&setup.actions, run.directory.c_str());
  posix_spawn_file_actions_addopen(&setup.actions, 0, "/dev/null", O_RDONLY, 0);
  const auto output = [&](int fd, const std::filesystem::path& file) {
    if (file.empty()) posix_spawn_file_actions_addopen(&setup.actions, fd, "/dev/null", O_WRONLY, 0);
    else posix_spawn_file_actions_addopen(&setup.actions, fd, file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  };
  output(1, run.stdout_file);
  output(2, run.stderr_file);

  std::vector<std::string> arguments = run.argv;
  std::vector<char*> argv;
  for (std::string& a : arguments) argv.push_back(a.data());
  argv.push_back(nullptr);
  return ::posix_spawnp(&pid, argv[0], &setup.actions, &setup.attributes, argv.data(), environ);
}

}  // namespace

ProgramOutcome run_program(const ProgramRun& run) {
  ProgramOutcome outcome;
  if (run.argv.empty()) {
    outcome.code = EINVAL;
    return outcome;
  }
  pid_t pid = 0;
  if (run.no_new_processes) {
    if (const int error = spawn_sandboxed(run, pid)) {
      outcome.code = error;
      return outcome;
    }
  } else if (const int error = spawn(run, pid)) {
    outcome.code = error;
    return outcome;
  }

  // Poll rather than block: waitpid has no timeout, and a SIGCHLD handler would be process-wide.
  // WNOWAIT leaves the ended program a zombie, which keeps its pid (the group's id) from being
  // reused, so killing the group below can only reach what it started.
  const auto deadline = std::chrono::steady_clock::now() + run.limit;
  bool ended = false;
  while (!ended) {
    siginfo_t info{};
    if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid) {
      ended = true;
    } else if (std::chrono::steady_clock::now() >= deadline) {
      outcome.kind = ProgramOutcome::Kind::timed_out;
      break;
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  // The whole group goes: the program at its limit, and after its end anything it left behind.
  ::kill(-pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!ended) return outcome;
  if (WIFEXITED(status)) {
    outcome.kind = ProgramOutcome::Kind::exited;
    outcome.code = WEXITSTATUS(status);
  } else {
    outcome.kind = ProgramOutcome::Kind::killed_by_signal;
    outcome.code = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  }
  return outcome;
}

std::string describe(const ProgramOutcome& outcome, std::chrono::milliseconds limit) {
  switch (outcome.kind) {
    case ProgramOutcome::Kind::exited: return "exited with status " + std::to_string(outcome.code);
    case ProgramOutcome::Kind::killed_by_signal: return "was killed by signal " + std::to_string(outcome.code);
    case ProgramOutcome::Kind::timed_out: {
      const auto ms = limit.count();
      return "did not finish within " + (ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms") +
             " (killed)";
    }
    case ProgramOutcome::Kind::cannot_start: return std::string("cannot be started: ") + std::strerror(outcome.code);
  }
  return "";
}

}  // namespace campsim::io
