#include "apps/campsim/command_guard.hpp"

#include <cerrno>
#include <exception>
#include <filesystem>
#include <iostream>
#include <system_error>

#include "apps/campsim/commands.hpp"
#include "sim/io/visible_text.hpp"

namespace campsim::cli {

int run_guarded(const std::string& command, const std::function<int()>& body) {
  try {
    return body();
  } catch (const std::filesystem::filesystem_error& e) {
    // A path that cannot be read or made (missing, not a directory, no permission, read-only, a
    // name too long, in the way) is the input's problem: exit 2 with the path and the reason.
    // Anything else the file system says (a full disk, an I/O error) is the run failing: exit 1.
    const int code = e.code().value();
    const bool path_problem = e.code().category() == std::generic_category() || e.code().category() == std::system_category()
                                  ? (code == ENOENT || code == ENOTDIR || code == EISDIR || code == EACCES || code == EPERM ||
                                     code == EROFS || code == ENAMETOOLONG || code == EEXIST || code == ENOTEMPTY ||
                                     code == ELOOP || code == EXDEV || code == EBUSY)
                                  : false;
    std::cerr << "campsim " << command << ": " << io::visible_lines(e.what()) << "\n";
    if (path_problem) {
      std::cerr << "campsim " << command << ": " << io::visible(e.path1().string()) << ": " << e.code().message()
                << " (a path campsim was given, or must make, cannot be used)\n";
      return kBadInput;
    }
    return kFailure;
  } catch (const std::exception& e) {
    std::cerr << "campsim " << command << ": " << io::visible_lines(e.what()) << "\n";
    return kFailure;
  }
}

}  // namespace campsim::cli
