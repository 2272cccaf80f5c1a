#pragma once
// A trial parse of untrusted YAML in a child process with a time and memory limit.
//
// Why: yaml-cpp 0.7 (Debian 12's libyaml-cpp0.7) never returns from YAML::LoadAll on some
// malformed documents: a ',' left over after the document's root (",a", "a #\n,", a tag holding
// a control character) makes it start empty documents for ever, allocating until memory runs
// out. Fuzzing keeps finding new shapes (docs/reliability.md), so recognising them one by one
// cannot promise anything. Instead every scenario text is first parsed by yaml-cpp in a forked
// child that is killed when it runs too long; only text on which the parser finished there is
// parsed in campsim itself. Used by parse_yaml_text (yaml_source.cpp) for files, `extends:`
// files and `--set` values alike.
#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace YAML {
class Node;
}

namespace campsim::scenario {

// How long yaml-cpp may take on one document, wall clock, before the document is refused.
// A real scenario parses in about a millisecond (the Gao baseline, 11 KB), and the largest
// document let through (kMaxDocumentBytes, 1 MiB of dense maps or lists) in under a second of
// CPU on the shared 2-core development machine; the hangs never finish. Five seconds is several
// times the worst honest case, so a loaded machine does not refuse good input, and short enough
// that a hostile file costs a moment rather than a hang.
inline constexpr int kYamlParseSeconds = 5;

// Address space the trial parse may add to what the process already has. The 1 MiB documents
// above peak at about 180 MB; a hang grows by about 150 MB a second. The bound keeps a hang (or
// a parser blow-up) from taking the machine's memory during its seconds. Under a sanitizer it may
// not bind (AddressSanitizer reserves its heap's address space up front) or may end the child
// with the sanitizer's report instead (`failed`); the time limit holds regardless.
inline constexpr std::size_t kYamlParseMemoryBytes = std::size_t{1} << 30;  // 1 GiB

enum class TrialParse {
  parsed,           // yaml-cpp returned the documents
  yaml_error,       // yaml-cpp threw its own exception (a syntax error): it finished
  too_slow,         // still parsing at the time limit: killed
  too_much_memory,  // ran out of its address-space allowance
  failed,           // ended any other way (a crash); `detail` says how
};

struct TrialParseResult {
  TrialParse outcome;
  std::string detail;   // for `failed`: "signal 11", "exit 1"
  std::string payload;  // for `parsed`: what `encode` made of the documents in the child, if anything
};

// Run in the child on the parsed documents: bytes to hand back to the parent (the converted
// tree, node_codec.hpp), or nothing. Must not throw past itself into the child's exit codes:
// an exception is taken as nothing.
using TrialEncoder = std::function<std::optional<std::string>(const std::vector<YAML::Node>&)>;

// A payload larger than this is dropped (the parent then parses the text itself): a scenario's
// tree takes a few hundred KB at most (kMaxExpandedValues values).
inline constexpr std::size_t kMaxTrialPayloadBytes = std::size_t{64} << 20;  // 64 MiB

// Runs YAML::LoadAll(text) in a forked child, limited to `limit` of wall-clock time (the child
// is killed with SIGKILL at the deadline; RLIMIT_CPU also ends it should this process die
// first) and `memory` bytes of address space beyond this process's own (RLIMIT_AS), and says how
// it ended. Costs a fork, a parse and an exit: a few milliseconds for a real scenario, more in a
// process holding much memory (measured in docs/reliability.md). Throws std::system_error only if no child can be started (pipe or fork
// failed): that is the machine's failure, not the input's.
//
// Safe to call while other threads run (TBB workers): the child has only the calling thread
// and does nothing but set its limits, parse a string it already holds and _exit (no atexit
// handlers, no stdio flush, no destructors). That is more than POSIX promises after fork in a
// threaded process (async-signal-safe calls only): a lock another thread held at the instant of
// fork stays locked in the child. glibc makes malloc safe across fork; a rarer lock (the
// locale's, taken when a stream is made) could still block the child, which then uses no CPU
// and is ended by the wall-clock deadline: at worst a document refused once, never a hang.
//
// With `encode`, the child also hands back what it makes of the documents (the payload), so
// the parent need not parse the same text again: the payload is read while the child runs and
// counts only if the child exits `parsed`.
TrialParseResult trial_parse_yaml(const std::string& text,
                                  std::chrono::milliseconds limit = std::chrono::seconds(kYamlParseSeconds),
                                  std::size_t memory = kYamlParseMemoryBytes, const TrialEncoder& encode = {});

}  // namespace campsim::scenario
