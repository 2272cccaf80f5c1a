#include "analysis/gnuplot_runner.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace campsim::analysis {

namespace fs = std::filesystem;

std::string gnuplot_program(const std::string& option) {
  if (!option.empty()) return option;
  if (const char* env = std::getenv("CAMPSIM_GNUPLOT"); env && *env) return env;
  return "gnuplot";
}

std::optional<std::string> run_gnuplot(const std::string& program, const fs::path& script) {
  const fs::path dir = script.parent_path();
  const fs::path log = dir / (script.stem().string() + ".stderr");
  // An absolute program path still works after the child changes directory.
  const std::string resolved = program.find('/') != std::string::npos ? fs::absolute(program).string() : program;

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, log.filename().c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::string script_name = script.filename().string();
  std::vector<char*> argv{const_cast<char*>(resolved.c_str()), script_name.data(), nullptr};
  pid_t pid = 0;
  const int spawn_error = ::posix_spawnp(&pid, resolved.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawn_error != 0) {
    std::error_code ignored;
    fs::remove(log, ignored);
    return "cannot run gnuplot '" + program + "': " + std::strerror(spawn_error);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  std::ostringstream messages;
  messages << std::ifstream(log).rdbuf();
  std::error_code ignored;
  fs::remove(log, ignored);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return std::nullopt;
  std::string why = WIFEXITED(status) ? "gnuplot exited with status " + std::to_string(WEXITSTATUS(status))
                                      : "gnuplot was killed by signal " + std::to_string(WTERMSIG(status));
  std::string text = messages.str();
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  if (text.size() > 400) text = text.substr(0, 400) + "...";
  if (!text.empty()) why += ": " + text;
  return why + " (on " + script_name + ")";
}

}  // namespace campsim::analysis
