#include "sim/io/run_directory.hpp"

#include <fstream>
#include <system_error>

#include <unistd.h>

namespace campsim::io {

namespace fs = std::filesystem;

void write_text_file(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  out.flush();
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

void write_run_directory(const fs::path& target, bool overwrite, const std::function<void(const fs::path&)>& write) {
  if (fs::exists(target) && !overwrite)
    throw OutputExists("output directory " + target.string() + " already exists (use --force to replace it)");
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  fs::create_directories(parent);
  const std::string pid = std::to_string(::getpid());
  const fs::path tmp = parent / (target.filename().string() + ".tmp-" + pid);
  const fs::path old = parent / (target.filename().string() + ".old-" + pid);
  fs::remove_all(tmp);
  fs::create_directory(tmp);
  try {
    write(tmp);
    if (fs::exists(target)) fs::rename(target, old);
    fs::rename(tmp, target);
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
