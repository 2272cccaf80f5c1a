#include "sim/io/sandboxed_spawn.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstddef>
#include <cstdlib>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <sched.h>
#include <unistd.h>

#if defined(__linux__) && (defined(__x86_64__) || defined(__aarch64__))
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#define CAMPSIM_SANDBOX 1
#endif

extern char** environ;

namespace campsim::io {

namespace {

#ifdef CAMPSIM_SANDBOX
#if defined(__x86_64__)
constexpr unsigned kArch = AUDIT_ARCH_X86_64;
#else
constexpr unsigned kArch = AUDIT_ARCH_AARCH64;
#endif

constexpr unsigned kErrno(int error) { return SECCOMP_RET_ERRNO | (static_cast<unsigned>(error) & SECCOMP_RET_DATA); }

// No new processes: fork and vfork fail with EPERM, clone3 with ENOSYS (glibc then makes its
// threads with clone), clone without CLONE_THREAD with EPERM. Any other ABI (x32, i386) is killed.
const std::vector<sock_filter>& filter() {
  static const std::vector<sock_filter> program = [] {
    std::vector<sock_filter> p{
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, kArch, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
    };
#if defined(__x86_64__)
    p.push_back(BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000u /* __X32_SYSCALL_BIT */, 0, 1));
    p.push_back(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS));
#endif
    p.push_back(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clone3, 0, 1));
    p.push_back(BPF_STMT(BPF_RET | BPF_K, kErrno(ENOSYS)));
#ifdef SYS_fork
    p.push_back(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_fork, 0, 1));
    p.push_back(BPF_STMT(BPF_RET | BPF_K, kErrno(EPERM)));
#endif
#ifdef SYS_vfork
    p.push_back(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_vfork, 0, 1));
    p.push_back(BPF_STMT(BPF_RET | BPF_K, kErrno(EPERM)));
#endif
    p.push_back(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clone, 0, 3));
    p.push_back(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, args[0])));  // the flags' low word (little-endian)
    p.push_back(BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CLONE_THREAD, 1, 0));
    p.push_back(BPF_STMT(BPF_RET | BPF_K, kErrno(EPERM)));
    p.push_back(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
    return p;
  }();
  return program;
}
#endif

// The program's path: argv[0] itself if it holds a '/', else the first executable of that name
// on PATH. Done before fork: the child may only make async-signal-safe calls.
std::string resolve(const std::string& name) {
  if (name.find('/') != std::string::npos) return name;
  const char* path = std::getenv("PATH");
  std::string dirs = path && *path ? path : "/usr/local/bin:/usr/bin:/bin";
  for (std::size_t start = 0; start <= dirs.size();) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const std::string dir = end > start ? dirs.substr(start, end - start) : ".";
    const std::string candidate = dir + "/" + name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return "";
}

}  // namespace

bool sandbox_available() {
#ifdef CAMPSIM_SANDBOX
  return true;
#else
  return false;
#endif
}

int spawn_sandboxed(const ProgramRun& run, pid_t& pid) {
  const std::string program = resolve(run.argv.front());
  if (program.empty()) return ENOENT;
  std::vector<std::string> arguments = run.argv;
  std::vector<char*> argv;
  for (std::string& a : arguments) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string directory = run.directory.string(), out = run.stdout_file.string(), err = run.stderr_file.string();
#ifdef CAMPSIM_SANDBOX
  const std::vector<sock_filter>& code = filter();
  sock_fprog prog{static_cast<unsigned short>(code.size()), const_cast<sock_filter*>(code.data())};
#endif
  // The child reports an errno here if it cannot start the program; a successful exec closes it.
  int report[2];
  if (::pipe2(report, O_CLOEXEC) != 0) return errno;
  pid = ::fork();
  if (pid < 0) {
    const int error = errno;
    ::close(report[0]);
    ::close(report[1]);
    return error;
  }
  if (pid == 0) {
    // Async-signal-safe calls only from here (campsim has other threads).
    const auto fail = [&](int error) {
      [[maybe_unused]] const ssize_t n = ::write(report[1], &error, sizeof error);
      ::_exit(127);
    };
    ::setpgid(0, 0);
    struct sigaction default_action {};
    default_action.sa_handler = SIG_DFL;
    for (int s = 1; s < NSIG; ++s) ::sigaction(s, &default_action, nullptr);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    if (!directory.empty() && ::chdir(directory.c_str()) != 0) fail(errno);
    const auto redirect = [&](int fd, const char* file, int flags) {
      const int opened = ::open(file, flags | O_CLOEXEC, 0644);
      if (opened < 0 || ::dup2(opened, fd) < 0) fail(errno);
      ::close(opened);
    };
    redirect(0, "/dev/null", O_RDONLY);
    redirect(1, out.empty() ? "/dev/null" : out.c_str(), O_WRONLY | O_CREAT | O_TRUNC);
    redirect(2, err.empty() ? "/dev/null" : err.c_str(), O_WRONLY | O_CREAT | O_TRUNC);
#ifdef CAMPSIM_SANDBOX
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) fail(errno);
    if (::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0) fail(errno);
#endif
    ::execve(program.c_str(), argv.data(), environ);
    fail(errno);
  }
  ::setpgid(pid, pid);  // as the child does, so a kill of the group cannot miss it (EACCES after exec: harmless)
  ::close(report[1]);
  int error = 0;
  ssize_t got = 0;
  while ((got = ::read(report[0], &error, sizeof error)) < 0 && errno == EINTR) {
  }
  ::close(report[0]);
  if (got == static_cast<ssize_t>(sizeof error)) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return error;
  }
  return 0;
}

}  // namespace campsim::io
