#include "sim/io/run_directory.hpp"

#include <limits.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <system_error>

#include "sim/io/durable.hpp"

namespace campsim::io {

namespace fs = std::filesystem;

namespace {

// Files only campsim puts at the top of a directory it writes: a run, a batch, a comparison or
// sensitivity report, a calibration report.
constexpr const char* kMarkers[] = {"manifest.json", "batch.json", "report.md", "calibration.md"};

fs::path parent_of(const fs::path& target) { return target.has_parent_path() ? target.parent_path() : fs::path("."); }

bool process_is_gone(long pid) {
  return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

}  // namespace

void write_text_file(const fs::path& file, const std::string& text) { write_file_durably(file, text); }

void write_run_file(const fs::path& file, const std::string& text) { write_file_unsynced(file, text); }

std::optional<std::string> output_path_problem(const fs::path& path) {
  const std::string text = path.string();
  const auto problem = [&](const std::string& why) { return std::optional<std::string>(text + ": " + why); };
  if (text.empty()) return problem("an empty name");
  if (text.size() > 1 && text.back() == '/')
    return problem("ends with '/'; give the new directory's name without it");
  const std::string name = path.filename().string();
  if (name == "." || name == ".." || name.empty()) return problem("not a name for a new directory or file ('" + name + "')");
  if (text.size() >= PATH_MAX) return problem("longer than the " + std::to_string(PATH_MAX - 1) + " characters a path may have");
  for (const auto& part : path)
    if (part.string().size() > NAME_MAX - 16)  // room for campsim's own ".tmp-PID" suffixes
      return problem("a name of " + std::to_string(part.string().size()) + " characters, longer than the " +
                     std::to_string(NAME_MAX - 16) + " allowed here (the file system takes " + std::to_string(NAME_MAX) + ")");
  // The nearest ancestor that exists must be a directory this user may write, not a kernel one.
  fs::path parent = fs::absolute(path).lexically_normal().parent_path();
  std::error_code ec;
  while (!parent.empty() && fs::symlink_status(parent, ec).type() == fs::file_type::not_found && parent != parent.root_path())
    parent = parent.parent_path();
  const fs::file_status status = fs::status(parent, ec);
  if (status.type() != fs::file_type::directory)
    return problem(parent.string() + " is " + (status.type() == fs::file_type::regular ? "a file" : "not a directory") +
                   ", so nothing can be made inside it");
  struct statfs fsinfo {};
  if (::statfs(parent.c_str(), &fsinfo) == 0 &&
      (fsinfo.f_type == 0x9fa0 /* PROC_SUPER_MAGIC */ || fsinfo.f_type == 0x62656572 /* SYSFS_MAGIC */))
    return problem(parent.string() + " is inside a kernel file system (/proc or /sys), where no output can go");
  if (::access(parent.c_str(), W_OK | X_OK) != 0)
    return problem(parent.string() + (errno == EROFS ? " is on a read-only file system" : " is not writable by this user"));
  return std::nullopt;
}

std::optional<std::string> not_replaceable(const fs::path& path) {
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(path, ec);
  switch (status.type()) {
    case fs::file_type::not_found: return std::nullopt;
    case fs::file_type::directory: break;
    case fs::file_type::symlink: return path.string() + " is a symbolic link";
    case fs::file_type::regular: return path.string() + " is a regular file";
    case fs::file_type::character:
    case fs::file_type::block: return path.string() + " is a device";
    default: return path.string() + " is not a directory";
  }
  for (const char* marker : kMarkers)
    if (fs::symlink_status(path / marker, ec).type() == fs::file_type::regular) return std::nullopt;
  return path.string() + " has no manifest.json, batch.json, report.md or calibration.md: it was not written by campsim";
}

std::string path_component(const std::string& name) {
  std::string out;
  for (char c : name) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    out += safe ? c : '_';
  }
  if (out.empty() || out.front() == '.') out.insert(out.begin(), '_');
  return out;
}

int clean_stale_siblings(const fs::path& target) {
  const fs::path parent = parent_of(target);
  const std::string base = target.filename().string();
  std::error_code ec;
  int cleaned = 0;
  fs::directory_iterator it(parent, ec), end;
  std::vector<std::pair<fs::path, bool>> stale;  // path, is an ".old-" copy
  const std::string recording = ".recording-" + base + "-";  // run --record's recording while the run goes
  for (; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() > recording.size() + 4 && name.compare(0, recording.size(), recording) == 0 && name.ends_with(".bin")) {
      const std::string digits = name.substr(recording.size(), name.size() - recording.size() - 4);
      long pid = 0;
      const auto [p, err] = std::from_chars(digits.data(), digits.data() + digits.size(), pid);
      if (err == std::errc() && p == digits.data() + digits.size() && pid != static_cast<long>(::getpid()) &&
          process_is_gone(pid))
        stale.emplace_back(it->path(), false);
      continue;
    }
    for (const std::string kind : {".tmp-", ".old-"}) {
      if (name.size() <= base.size() + kind.size() || name.compare(0, base.size() + kind.size(), base + kind) != 0) continue;
      const std::string digits = name.substr(base.size() + kind.size());
      long pid = 0;
      const auto [p, err] = std::from_chars(digits.data(), digits.data() + digits.size(), pid);
      if (err != std::errc() || p != digits.data() + digits.size()) continue;
      if (pid != static_cast<long>(::getpid()) && process_is_gone(pid)) stale.emplace_back(it->path(), kind == ".old-");
    }
  }
  for (const auto& [path, old] : stale) {
    std::error_code ignored;
    // A kill between the two renames leaves the previous output only as NAME.old-PID: restore it.
    if (old && fs::symlink_status(target, ignored).type() == fs::file_type::not_found) {
      fs::rename(path, target, ignored);
    } else {
      fs::remove_all(path, ignored);
    }
    ++cleaned;
  }
  if (cleaned > 0) {
    try {
      sync_directory(parent);
    } catch (const std::exception&) {
      // Cleaning is tidying; a failed sync here loses nothing the user asked for.
    }
  }
  return cleaned;
}

void write_run_directory(const fs::path& target, bool overwrite, const std::function<void(const fs::path&)>& write) {
  const bool exists = fs::symlink_status(target).type() != fs::file_type::not_found;
  if (exists && !overwrite)
    throw OutputExists("output directory " + target.string() + " already exists (use --force to replace it)");
  if (exists) {
    if (const auto why = not_replaceable(target))
      throw OutputExists("--force replaces only what campsim wrote, and " + *why + "; nothing was changed");
  }
  const fs::path parent = parent_of(target);
  fs::create_directories(parent);
  clean_stale_siblings(target);
  const std::string pid = std::to_string(::getpid());
  const fs::path tmp = parent / (target.filename().string() + ".tmp-" + pid);
  const fs::path old = parent / (target.filename().string() + ".old-" + pid);
  fs::remove_all(tmp);
  fs::create_directory(tmp);
  try {
    write(tmp);
    sync_tree(tmp);  // every file written in it, and their names, before the directory is published
    if (exists) fs::rename(target, old);
    fs::rename(tmp, target);
    sync_directory(parent);  // the rename itself
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(tmp, ignored);
    if (fs::exists(old, ignored) && !fs::exists(target, ignored)) fs::rename(old, target, ignored);
    throw;
  }
  std::error_code ignored;
  fs::remove_all(old, ignored);
}

}  // namespace campsim::io
