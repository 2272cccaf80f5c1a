#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sim/engine/phase_pipeline.hpp"

using namespace campsim::engine;

TEST_CASE("phases run in order with now and dt, and are counted", "[phase_pipeline]") {
  PhasePipeline pipeline;
  std::vector<std::string> trace;
  pipeline.add("sense", [&](SimTime now, SimTime dt) { trace.push_back("sense@" + std::to_string(now) + "/" + std::to_string(dt)); });
  pipeline.add("move", [&](SimTime now, SimTime) { trace.push_back("move@" + std::to_string(now)); });
  pipeline.run(1.0, 0.5);
  pipeline.run(1.5, 0.5);
  CHECK(trace == std::vector<std::string>{"sense@1.000000/0.500000", "move@1.000000", "sense@1.500000/0.500000",
                                          "move@1.500000"});
  const auto timings = pipeline.timings();
  REQUIRE(timings.size() == 2);
  CHECK(timings[0].name == "sense");
  CHECK(timings[1].name == "move");
  CHECK(timings[0].calls == 2);
  CHECK(timings[1].calls == 2);
  CHECK(timings[0].seconds >= 0.0);
}
