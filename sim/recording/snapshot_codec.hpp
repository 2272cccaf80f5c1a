#pragma once
// World snapshots to bytes and back: a keyframe holds a whole snapshot; a delta holds only what
// changed since the previous snapshot (people and vehicles by index, posts by index, the small
// lists whole when they changed). Decoding a keyframe and applying the deltas that follow gives
// back every snapshot exactly, bit for bit (docs/recording.md).
#include "sim/camp/core/world_snapshot.hpp"
#include "sim/io/byte_stream.hpp"
#include "sim/recording/format_version.hpp"

namespace campsim::io {

// Bit-for-bit equality (doubles compared by their bits, so -0.0 and 0.0 differ): what a
// recording promises to give back.
bool identical(const camp::WorldSnapshot& a, const camp::WorldSnapshot& b);

// Writing is always in kRecordingFormatVersion; reading takes the version the file was written in
// (a section a version added is read only from files of that version on).
void encode_keyframe(ByteWriter& out, const camp::WorldSnapshot& snapshot);
camp::WorldSnapshot decode_keyframe(ByteReader& in, std::uint32_t version = kRecordingFormatVersion);

// Writes what turns `previous` into `next`.
void encode_delta(ByteWriter& out, const camp::WorldSnapshot& previous, const camp::WorldSnapshot& next);
// Turns `state` (the snapshot the delta was made against) into the next one.
void apply_delta(ByteReader& in, camp::WorldSnapshot& state, std::uint32_t version = kRecordingFormatVersion);

// Only the time of a keyframe or delta payload (its first field), without decoding the rest.
engine::SimTime payload_time(ByteReader in);

}  // namespace campsim::io
