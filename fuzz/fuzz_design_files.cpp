// Fuzzes the design and parameter files (`batch --design`, `sensitivity`/`calibrate --parameters`;
// sim/batch/design.hpp, parameter_space.hpp): the input is the file. Properties:
//  - each either reads or throws scenario::ScenarioError, nothing else, and never hangs (designs
//    are counted before they are made: at most kMaxDesignPoints);
//  - a design read has between 1 and kMaxDesignPoints points, each with one setting per factor;
//  - every value of every parameter read, at u in {0, 0.5, 1}, is finite and its text not empty.
#include <unistd.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "sim/batch/design.hpp"
#include "sim/batch/parameter_space.hpp"
#include "sim/scenario/diagnostic.hpp"
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
                                                                 ("campsim-fuzz-design-" + std::to_string(::getpid()) + ".yaml"));
  std::ofstream(file, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  try {
    const batch::Design design = batch::read_design(file);
    check(!design.table.empty() && design.table.size() <= static_cast<std::size_t>(batch::kMaxDesignPoints));
    for (const batch::DesignPoint& point : design.table) check(point.settings.size() == design.factors.size());
  } catch (const scenario::ScenarioError&) {
  }
  try {
    const batch::ParameterSpace space = batch::read_parameter_space(file);
    for (const batch::UncertainParameter& p : space.parameters)
      for (double u : {0.0, 0.5, 1.0}) check(std::isfinite(p.value_at(u)) && !p.text_at(u).empty());
  } catch (const scenario::ScenarioError&) {
  }
  return 0;
}
