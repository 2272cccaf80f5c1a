#include "sim/scenario/bounded_parse.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <fstream>
#include <new>
#include <system_error>
#include <vector>

namespace campsim::scenario {

namespace {

// How the child ends (its exit status); anything else is a crash.
constexpr int kChildParsed = 0;
constexpr int kChildYamlError = 70;
constexpr int kChildOutOfMemory = 71;
constexpr int kChildOtherException = 72;

// This process's address space in bytes (the first field of /proc/self/statm), or 0 if unknown.
std::size_t address_space_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0;
  if (!(statm >> pages)) return 0;
  return pages * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

// The child: limits, one parse, _exit. Nothing here returns, flushes or runs a destructor of the
// parent's state (see the header on threads).
// Writes all of `bytes` to `fd`; gives up quietly (the parent then sees a short payload, which
// does not decode, and parses the text itself).
void write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

[[noreturn]] void parse_in_child(const std::string& text, rlim_t cpu_seconds, rlim_t address_space,
                                 const TrialEncoder& encode, int payload_fd) {
  // A backstop for the parent's deadline: should the parent die, the kernel still kills the
  // child (SIGKILL at the hard limit; soft = hard, so no SIGXCPU reaches an inherited handler).
  const rlimit cpu{cpu_seconds, cpu_seconds};
  ::setrlimit(RLIMIT_CPU, &cpu);
  rlimit as{};
  if (address_space > 0 && ::getrlimit(RLIMIT_AS, &as) == 0 &&
      (as.rlim_max == RLIM_INFINITY || address_space < as.rlim_max)) {
    as.rlim_cur = address_space;
    ::setrlimit(RLIMIT_AS, &as);
  }
  try {
    const std::vector<YAML::Node> documents = YAML::LoadAll(text);
    if (encode) {
      std::optional<std::string> payload;
      try {
        payload = encode(documents);
      } catch (...) {
        payload.reset();  // the parent parses the text itself and reports what is wrong
      }
      if (payload) write_all(payload_fd, *payload);
    }
    ::_exit(kChildParsed);  // before `documents` is destroyed: freeing a large tree costs time
  } catch (const YAML::Exception&) {
    ::_exit(kChildYamlError);
  } catch (const std::bad_alloc&) {
    ::_exit(kChildOutOfMemory);
  } catch (...) {
    ::_exit(kChildOtherException);
  }
}

// Reads what the child writes to `fd` into `payload` (up to kMaxTrialPayloadBytes; past that
// the payload is dropped and the rest only drained) until the child closes its end (it exits or
// is killed) or `deadline` passes. Returns whether it closed.
bool ended_before(int fd, std::chrono::steady_clock::time_point deadline, std::string& payload) {
  bool too_large = false;
  char buffer[1 << 16];
  for (;;) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno != EINTR) return false;
    if (ready <= 0) continue;
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;  // end of file: no writer left
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      return false;
    }
    if (!too_large) payload.append(buffer, static_cast<std::size_t>(n));
    if (payload.size() > kMaxTrialPayloadBytes) {
      too_large = true;
      payload.clear();
    }
  }
  if (too_large) payload.clear();
  return true;
}

pid_t wait_for(pid_t pid, int& status, int options) {
  pid_t got;
  do got = ::waitpid(pid, &status, options);
  while (got < 0 && errno == EINTR);
  return got;
}

}  // namespace

TrialParseResult trial_parse_yaml(const std::string& text, std::chrono::milliseconds limit, std::size_t memory,
                                  const TrialEncoder& encode) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  const std::size_t base = address_space_bytes();
  const rlim_t address_space = base > 0 ? static_cast<rlim_t>(base + memory) : 0;
  const rlim_t cpu_seconds =
      static_cast<rlim_t>(std::chrono::ceil<std::chrono::seconds>(limit).count()) + 1;  // never before the deadline

  // The child holds the pipe's write end and writes at most the payload: the end closes when
  // the child ends, which the parent sees as end of file, without polling waitpid in a loop.
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::system_error(errno, std::generic_category(), "pipe for the YAML parse");
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int error = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    throw std::system_error(error, std::generic_category(), "fork for the YAML parse");
  }
  if (pid == 0) parse_in_child(text, cpu_seconds, address_space, encode, fds[1]);  // never returns
  ::close(fds[1]);
  std::string payload;
  const bool ended = ended_before(fds[0], deadline, payload);
  ::close(fds[0]);

  int status = 0;
  pid_t got = wait_for(pid, status, ended ? 0 : WNOHANG);
  // Not ended by the deadline is checked with the child itself before it is killed: another
  // thread's fork may have held a copy of the pipe's write end for a moment.
  const bool killed = !ended && got == 0;
  if (killed) {
    ::kill(pid, SIGKILL);
    got = wait_for(pid, status, 0);
  }
  if (got != pid)  // ECHILD: someone else reaped it (SIGCHLD ignored): how it ended is unknown
    return {TrialParse::failed, "its exit status was lost (" + std::generic_category().message(errno) + ")", {}};
  if (killed) return {TrialParse::too_slow, "", {}};
  if (WIFSIGNALED(status)) {
    const int signal = WTERMSIG(status);
    // RLIMIT_CPU ends a child whose parent stopped waiting (this process suspended, say).
    if (signal == SIGKILL || signal == SIGXCPU) return {TrialParse::too_slow, "", {}};
    return {TrialParse::failed, "signal " + std::to_string(signal), {}};
  }
  switch (WEXITSTATUS(status)) {
    case kChildParsed: return {TrialParse::parsed, "", std::move(payload)};
    case kChildYamlError: return {TrialParse::yaml_error, "", {}};
    case kChildOutOfMemory: return {TrialParse::too_much_memory, "", {}};
    case kChildOtherException: return {TrialParse::failed, "an exception that is not yaml-cpp's", {}};
    default: return {TrialParse::failed, "exit " + std::to_string(WEXITSTATUS(status)), {}};
  }
}

}  // namespace campsim::scenario
