#pragma once
// The recording format's versions (docs/recording.md): what this campsim writes and the oldest it
// reads. The snapshot codec reads each section as the file's version wrote it.
#include <cstdint>

namespace campsim::io {

// 2: snapshots carry the protest at the gate (its crowd agent by agent); 3: combatants (fights in
// the world); 4: rounds in flight; 5: the police line behind the gate, in the protest.
inline constexpr std::uint32_t kRecordingFormatVersion = 5;
inline constexpr std::uint32_t kOldestReadableRecordingVersion = 1;

}  // namespace campsim::io
