// The bounded parse (sim/scenario/bounded_parse.hpp): yaml-cpp 0.7 never returns on some
// malformed documents, so every scenario text is parsed first in a child process with a time and
// memory limit. A hang must be refused with the loader's located error; good and merely
// malformed documents must pass through to the ordinary parse.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "sim/scenario/bounded_parse.hpp"
#include "sim/scenario/diagnostic.hpp"
#include "sim/scenario/document.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace campsim::scenario {

namespace {

// A plain scalar as the whole document, a comment, then a ',' outside [ ] or { }: yaml-cpp 0.7
// starts empty documents for ever after it (the shape of the fuzzers' timeouts, minimised).
const std::string kHangingYaml = "a #\n,";

// What `f` throws as a ScenarioError, or "" if it throws nothing.
template <typename F>
std::string bounded_parse_error(F&& f) {
  try {
    f();
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "";
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Under AddressSanitizer or ThreadSanitizer the memory limit is not what ends a hang: the
// sanitizer's allocator reserves its address space up front, so RLIMIT_AS may never bind (GCC's
// ASan), and when it does the sanitizer reports the failed allocation and exits instead of
// throwing bad_alloc (clang's). The time limit ends the hang either way.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

}  // namespace

TEST_CASE("the trial parse finishes on a good document and on a syntax error", "[scenario][hostile][bounded]") {
  CHECK(trial_parse_yaml("name: x\nguards: {posts: [a, b]}\n").outcome == TrialParse::parsed);
  CHECK(trial_parse_yaml("").outcome == TrialParse::parsed);
  // yaml-cpp threw in the child: it finished, so the parse in campsim gives the located error.
  CHECK(trial_parse_yaml("a: [unclosed\n").outcome == TrialParse::yaml_error);
}

TEST_CASE("the trial parse ends a hang at its time limit and at its memory limit", "[scenario][hostile][bounded]") {
  using namespace std::chrono;
  const auto started = steady_clock::now();
  CHECK(trial_parse_yaml(kHangingYaml, milliseconds(300)).outcome == TrialParse::too_slow);
  CHECK(steady_clock::now() - started < seconds(3));  // killed at the deadline, not left running
  // The hang allocates as it goes: with 64 MiB it runs out of memory in well under a second.
  if (kSanitized) {
    WARN("memory limit not checked under a sanitizer (see kSanitized)");
  } else {
    CHECK(trial_parse_yaml(kHangingYaml, seconds(20), std::size_t{64} << 20).outcome == TrialParse::too_much_memory);
  }
}

TEST_CASE("a document yaml-cpp would never finish is refused, located, within the time limit", "[scenario][hostile][bounded]") {
  using namespace std::chrono;
  const auto started = steady_clock::now();
  const std::string e = bounded_parse_error([] { parse_yaml_text(kHangingYaml, "hang.yaml"); });
  CHECK(steady_clock::now() - started < seconds(kYamlParseSeconds + 5));
  CHECK(has(e, "hang.yaml:1:1: expected YAML the parser finishes within 5 s and 1024 MiB"));
  CHECK(has(e, "the YAML parser did not finish"));  // within 5 s, or 1024 MiB on a faster machine
  CHECK(has(e, "the document is refused"));
  // A --set value is located at the value, after "name=".
  Node root = parse_yaml_text("name: x\n", "base.yaml");
  CHECK(has(bounded_parse_error([&] { apply_override(root, "name=" + kHangingYaml); }), "--set:1:6: name: expected YAML the parser finishes"));
  // The same shape with a map as the document is an ordinary, located syntax error.
  CHECK(has(bounded_parse_error([] { parse_yaml_text("a: 1\n#\n,", "map.yaml"); }), "map.yaml:3:1: expected valid YAML"));
  CHECK(bounded_parse_error([] { parse_yaml_text("a: 1 # a comment\nb: [1, 2]\n", "good.yaml"); }).empty());
}

}  // namespace campsim::scenario
