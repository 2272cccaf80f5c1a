// Fuzzes the recording reader (what `campsim view` plays back; sim/recording/recording.hpp): the input is
// the file. Properties:
//  - opening, check_whole() and playing either succeed or throw RecordingError, nothing else;
//  - a recording check_whole() passes plays forward through exactly the frames its index counts
//    (or stops at a frame whose contents do not decode, with RecordingError: the frames carry no
//    checksum), with times that never decrease;
//  - seeking anywhere, including before the first and after the last frame, returns.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>

#include "sim/io/byte_stream.hpp"
#include "sim/recording/recording.hpp"
#include "tests/support/scratch_files.hpp"

using namespace campsim;
namespace fs = std::filesystem;

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fs::path file = campsim::testing::removed_at_exit(fs::temp_directory_path() /
                                                                 ("campsim-fuzz-recording-" + std::to_string(::getpid()) + ".bin"));
  std::ofstream(file, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  try {
    io::RecordingReader reader(file);
    bool whole = true;
    try {
      reader.check_whole();
    } catch (const io::RecordingError&) {
      whole = false;
    }
    std::size_t frames = 0;
    double last = -std::numeric_limits<double>::infinity();
    // Bounded: a frame is at least 5 bytes, so no input has more frames than this.
    while (frames <= size && reader.advance()) {
      check(reader.current().time >= last || !whole);
      last = reader.current().time;
      ++frames;
    }
    check(frames <= reader.frame_count() || !whole);
    if (whole) check(frames == reader.frame_count());
    for (double t : {-1e300, reader.first_time(), (reader.first_time() + reader.last_time()) / 2, reader.last_time(), 1e300})
      reader.seek(t);
  } catch (const io::RecordingError&) {
  }
  return 0;
}
