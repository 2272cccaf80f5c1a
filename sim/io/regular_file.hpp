#pragma once
// Files campsim reads back (batch.json, results.csv, care.csv, a recording) must be regular
// files, checked before they are opened: opening a FIFO blocks until someone writes to it (a
// hang), a device such as /dev/zero never ends, and a directory reads as a confusing error.
// The check follows symbolic links (a link to a regular file is fine). It is a check before the
// open, not on the open file: a file swapped for a FIFO between the two is not caught (only
// someone who can already write the directory could do that).
#include <filesystem>
#include <optional>
#include <string>

namespace campsim::io {

// Nothing if `file` is a regular file or does not exist (each reader says "missing" in its own
// words); otherwise why it is refused: "PATH is a FIFO (named pipe), not a regular file".
std::optional<std::string> not_a_regular_file(const std::filesystem::path& file);

}  // namespace campsim::io
