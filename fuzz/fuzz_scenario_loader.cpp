// Fuzzes the whole scenario loader: any bytes as a scenario file, through YAML, `extends:`, the
// Reader and every camp reader (layout, guards, threats, QRF, medical, metrics) and validation.
// The only acceptable failure is a ScenarioError (what the CLI turns into exit 2 with
// locations); a crash, a hang, a sanitizer report or any other exception is a finding.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

#include "sim/camp/scenario.hpp"
#include "sim/scenario/diagnostic.hpp"
#include "tests/support/scratch_files.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // load_scenario reads a file (extends: paths are relative to it), so the input is written to
  // one per process, in memory when /dev/shm is there.
  static const std::string file =
      campsim::testing::removed_at_exit(std::string(::access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp") +
                                        "/campsim-fuzz-scenario-" + std::to_string(::getpid()) + ".yaml")
          .string();
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    const campsim::camp::LoadedScenario loaded = campsim::camp::load_scenario(file);
    (void)loaded.resolved.dump();  // the manifest's JSON must be writable (UTF-8)
  } catch (const campsim::scenario::ScenarioError&) {
  }
  return 0;
}
