// Uncertain parameters: quantile functions by hand, the file's diagnostics, and the shipped
// calibration parameters against the Gao baseline (every key exists and takes its whole range).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "sim/batch/parameter_space.hpp"
#include "sim/camp/scenario.hpp"
#include "sim/scenario/diagnostic.hpp"
#include "tests/support/scratch_files.hpp"

using namespace campsim::batch;
namespace fs = std::filesystem;

namespace {

UncertainParameter parameter(ParameterDistribution distribution, double low, double high) {
  UncertainParameter p;
  p.key = "x";
  p.distribution = distribution;
  p.low = low;
  p.high = high;
  return p;
}

}  // namespace

TEST_CASE("parameter quantile functions map the unit interval by hand-checked formulas", "[batch][sensitivity]") {
  const UncertainParameter u = parameter(ParameterDistribution::Uniform, 2, 6);
  CHECK(u.value_at(0) == 2);
  CHECK(u.value_at(0.25) == 3);
  CHECK(u.value_at(1) == 6);
  CHECK(u.text_at(0.5) == "4");

  UncertainParameter log = parameter(ParameterDistribution::LogUniform, 1, 100);
  log.unit = "min";
  CHECK(log.value_at(0.5) == Approx(10));
  CHECK(log.text_at(0.5) == "10min");

  // Triangular on [0, 2] with mode 1: F(1) = 1/2; F(x) = x^2 / 2 below the mode.
  UncertainParameter tri = parameter(ParameterDistribution::Triangular, 0, 2);
  tri.mode = 1;
  CHECK(tri.value_at(0.5) == Approx(1));
  CHECK(tri.value_at(0.125) == Approx(0.5));

  // Normal: the median at 1/2; unbounded ends map to the 0.5% and 99.5% quantiles (z = 2.5758).
  UncertainParameter normal = parameter(ParameterDistribution::Normal, 0, 0);
  normal.mean = 10;
  normal.sd = 2;
  CHECK(normal.value_at(0.5) == Approx(10));
  CHECK(normal.value_at(1) == Approx(10 + 2 * 2.5758).epsilon(1e-4));
  // Lognormal median 5, p90 10: the median at 1/2, the 90th percentile at the quantile 0.9 of
  // the tail-trimmed scale: u with 0.005 + 0.99 u = 0.9.
  UncertainParameter lognormal = parameter(ParameterDistribution::Lognormal, 0, 0);
  lognormal.median = 5;
  lognormal.p90 = 10;
  CHECK(lognormal.value_at(0.5) == Approx(5));
  CHECK(lognormal.value_at((0.9 - 0.005) / 0.99) == Approx(10));

  // A report's description reads plain digits: a salvo rate of 0.0005 to 0.03 a day.
  CHECK(parameter(ParameterDistribution::LogUniform, 5e-4, 0.03).describe() == "log-uniform [0.0005, 0.03]");
  CHECK(parameter(ParameterDistribution::LogUniform, 2e-5, 1e-3).describe() == "log-uniform [0.00002, 0.001]");
  CHECK(parameter(ParameterDistribution::Uniform, 50, 300).describe() == "uniform [50, 300]");
  CHECK(parameter(ParameterDistribution::Uniform, -0.25, 1e20).describe() == "uniform [-0.25, 1e+20]");

  UncertainParameter whole = parameter(ParameterDistribution::Uniform, 0.6, 4.4);
  whole.integer = true;
  CHECK(whole.text_at(0) == "1");
  CHECK(whole.text_at(1) == "4");
}

TEST_CASE("the parameters file's errors are located and complete", "[batch][sensitivity]") {
  const fs::path file = campsim::testing::scratch_dir("parameters") / "parameters.yaml";
  std::ofstream(file) << "parameters:\n"
                         "  - {key: a, low: 3, high: 1}\n"
                         "  - {key: b, distribution: log_uniform, low: 0, high: 1}\n"
                         "  - {key: c, distribution: triangular, low: 0, high: 1, mode: 2}\n"
                         "  - {key: a, low: 0, high: 1, unit: hours}\n";
  std::string errors;
  try {
    read_parameter_space(file);
  } catch (const campsim::scenario::ScenarioError& e) {
    errors = e.what();
  }
  INFO(errors);
  CHECK(errors.find(":2:") != std::string::npos);
  CHECK(errors.find("parameters[0].high") != std::string::npos);
  CHECK(errors.find("parameters[1].low") != std::string::npos);
  CHECK(errors.find("parameters[2].mode") != std::string::npos);
  CHECK(errors.find("parameters[3].key") != std::string::npos);
  CHECK(errors.find("parameters[3].unit") != std::string::npos);
}

TEST_CASE("the shipped calibration parameters are keys of the Gao baseline over their whole ranges", "[batch][sensitivity]") {
  const fs::path root = CAMPSIM_SOURCE_DIR;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(root / "analysis/calibration"))
    if (entry.path().filename().string().starts_with("parameters") && entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 4);  // parameters, _medical, _wave2, _vehicle_bomb
  for (const fs::path& file : files) {
    const ParameterSpace space = read_parameter_space(file);
    REQUIRE(space.parameters.size() >= 1);
    for (double u : {0.0, 0.5, 1.0}) {
      std::vector<std::string> overrides;
      for (const UncertainParameter& p : space.parameters) overrides.push_back(p.key + "=" + p.text_at(u));
      INFO(file.filename().string() << ", u = " << u);
      try {
        campsim::camp::load_scenario((root / "scenarios/gao_baseline.yaml").string(), overrides);
        SUCCEED();
      } catch (const campsim::scenario::ScenarioError& e) {
        FAIL(e.what());
      }
    }
  }
}
