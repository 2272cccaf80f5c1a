// `extends:` chains. The parent is loaded first and the child merged over it, so the most
// derived file wins, and every value keeps the location of the file that actually wrote it.
#include <fmt/core.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "sim/scenario/diagnostic.hpp"
#include "sim/scenario/document.hpp"
#include "sim/scenario/input_limits.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace campsim::scenario {

namespace {

namespace fs = std::filesystem;

struct ChainLink {
  fs::path identity;  // weakly canonical, so "a.yaml" and "./x/../a.yaml" are one file
  std::string shown;  // as it appears in locations
};

fs::path identity_of(const fs::path& file) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(file, ec);
  return ec ? file.lexically_normal() : canonical;
}

[[noreturn]] void fail(const SourceLocation& where, std::string expected, std::string found, std::string hint = {}) {
  throw ScenarioError({{where, "extends", std::move(expected), std::move(found), std::move(hint)}});
}

Node load_chain(const fs::path& file, std::vector<ChainLink>& chain) {
  Node tree = parse_yaml_file(file);
  if (tree.kind != Node::Kind::Map) return tree;
  auto it = std::find_if(tree.entries.begin(), tree.entries.end(), [](const auto& e) { return e.first == "extends"; });
  if (it == tree.entries.end()) return tree;
  const Node extends = std::move(it->second);
  tree.entries.erase(it);
  if (extends.kind != Node::Kind::Scalar || extends.scalar.empty()) {
    fail(extends.location, "a file name, like extends: base.yaml", describe(&extends));
  }

  const fs::path parent = (file.parent_path() / extends.scalar).lexically_normal();
  const fs::path identity = identity_of(parent);
  const auto seen = std::find_if(chain.begin(), chain.end(), [&](const ChainLink& l) { return l.identity == identity; });
  if (seen != chain.end()) {
    std::string cycle;
    for (auto link = seen; link != chain.end(); ++link) cycle += link->shown + " -> ";
    fail(extends.location, "a file not already in the extends chain", quote(extends.scalar),
         "cycle: " + cycle + parent.string());
  }
  // Checked here rather than left to the parent's reader, so the message points at this
  // `extends:` line: a directory, FIFO or device is refused before it is opened.
  if (const auto problem = not_a_regular_file(parent)) {
    fail(extends.location, "the name of an existing scenario file", quote(extends.scalar),
         *problem == "no such file" ? "no file at " + parent.string()
                                    : parent.string() + " is " + *problem + "; only regular files are read");
  }
  if (static_cast<int>(chain.size()) >= kMaxExtendsChain) {
    fail(extends.location, fmt::format("an extends chain of at most {} files", kMaxExtendsChain), quote(extends.scalar));
  }

  chain.push_back({identity, parent.string()});
  Node merged = load_chain(parent, chain);
  chain.pop_back();
  // A parent that is not a map of settings (a text file, a list) would otherwise surface as a
  // confusing error about the child; say which file it was and where it was named.
  if (merged.kind != Node::Kind::Map) {
    fail(extends.location, "a scenario file (a YAML map of settings)", quote(extends.scalar),
         parent.string() + " holds " + (merged.kind == Node::Kind::Scalar ? std::string("plain text") : describe(&merged)));
  }
  merge_over(merged, std::move(tree));
  return merged;
}

}  // namespace

Node load_scenario_tree(const fs::path& file) {
  std::vector<ChainLink> chain{{identity_of(file), file.string()}};
  return load_chain(file, chain);
}

}  // namespace campsim::scenario
