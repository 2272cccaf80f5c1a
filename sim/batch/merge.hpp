#pragma once
// `campsim merge`: the finished shards of one batch (`campsim batch --shard i/N`, run on
// different machines) joined into the batch directory an unsharded run would have written, byte
// for byte. Before writing anything it checks that the shards agree (same batch.json but for the
// shard), that there is exactly one of each index 0..N-1, that each is finished, and that their
// rows together cover every key of the batch exactly once.
#include <cstddef>
#include <filesystem>
#include <vector>

namespace campsim::batch {

struct MergeReport {
  std::size_t rows = 0, casualty_rows = 0;
};

// Throws BatchInputError (nothing written) when the shards do not make one complete batch, and
// io::OutputExists when `out` exists and `force` is false.
MergeReport merge_shards(const std::filesystem::path& out, const std::vector<std::filesystem::path>& shards, bool force);

}  // namespace campsim::batch
