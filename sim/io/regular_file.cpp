#include "sim/io/regular_file.hpp"

#include "sim/io/visible_text.hpp"

namespace campsim::io {

namespace fs = std::filesystem;

std::optional<std::string> not_a_regular_file(const fs::path& file) {
  std::error_code error;
  const fs::file_status status = fs::status(file, error);
  const char* kind = nullptr;
  switch (status.type()) {
    case fs::file_type::regular:
    case fs::file_type::not_found: return std::nullopt;
    case fs::file_type::directory: kind = "a directory"; break;
    case fs::file_type::fifo: kind = "a FIFO (named pipe)"; break;
    case fs::file_type::character: kind = "a character device"; break;
    case fs::file_type::block: kind = "a block device"; break;
    case fs::file_type::socket: kind = "a socket"; break;
    default: kind = error ? "unreadable" : "not a file"; break;
  }
  return visible(file.string()) + " is " + kind + ", not a regular file (campsim reads only regular files: nothing was read)";
}

}  // namespace campsim::io
