#pragma once
// Run recordings: a compact stream of world snapshots (keyframes now and then, deltas between
// them) with an index for seeking, written while a run goes and read back by the viewer. The
// format is in docs/recording.md. Reading gives back every recorded snapshot exactly.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/camp/layout.hpp"
#include "sim/camp/core/world_snapshot.hpp"
#include "sim/recording/format_version.hpp"
#include "sim/engine/sim_time.hpp"

namespace campsim::io {

// What the recording is of: enough to draw it without the scenario file.
struct RecordingInfo {
  std::string scenario_name;
  std::string scenario_hash;
  std::uint64_t seed = 0;
  std::uint64_t replication = 0;
  engine::SimTime start_time_of_day = 0;  // local time at t = 0
  engine::SimTime duration = 0;
  camp::CampLayout layout;
  std::string campsim_version;
};

struct RecordingOptions {
  // A keyframe at least this often in simulated time, so seeking replays at most this much.
  engine::SimTime keyframe_every = engine::kHour;
  // And one as soon as the deltas since the last keyframe outweigh this many keyframes, so that
  // busy stretches (every tick recorded) stay quick to seek into.
  double keyframe_weight = 4;
};

// Where a keyframe is, for seeking.
struct KeyframeEntry {
  engine::SimTime time = 0;
  std::uint64_t offset = 0;  // of its frame in the file
  std::uint64_t frame = 0;   // its number among all frames
};

// An incident as first seen in the recording (for "jump to the next incident").
struct IncidentMark {
  int id = 0;
  camp::ThreatKind kind = camp::ThreatKind::IndirectFire;
  engine::SimTime started = 0;
  engine::SimTime first_recorded = 0;  // time of the first frame that shows it
};

class RecordingWriter {
 public:
  // Creates (replaces) `file` and writes the header.
  RecordingWriter(const std::filesystem::path& file, const RecordingInfo& info, RecordingOptions options = {});
  RecordingWriter(const RecordingWriter&) = delete;
  RecordingWriter& operator=(const RecordingWriter&) = delete;
  // Snapshot times must not decrease. The writer keeps the last snapshot (the next frame is a
  // delta from it): given an rvalue it moves it in instead of copying it.
  void write(const camp::WorldSnapshot& snapshot);
  void write(camp::WorldSnapshot&& snapshot);
  // Writes the index and closes the file. A file never finished is still readable (the reader
  // rebuilds the index by scanning the frames).
  void finish();
  std::uint64_t frames() const { return frames_; }
  std::uint64_t bytes() const { return offset_; }

 private:
  void frame(char tag, const std::string& payload);
  // Writes the snapshot's frame and notes its incidents; the caller then keeps it as previous_.
  void encode(const camp::WorldSnapshot& snapshot);

  std::filesystem::path file_;
  std::ofstream out_;
  RecordingOptions options_;
  std::uint64_t offset_ = 0;
  std::uint64_t frames_ = 0;
  std::optional<camp::WorldSnapshot> previous_;
  std::uint64_t last_keyframe_bytes_ = 0;
  std::uint64_t delta_bytes_since_keyframe_ = 0;
  std::vector<KeyframeEntry> keyframes_;
  std::vector<IncidentMark> incidents_;
  bool finished_ = false;
};

class RecordingReader {
 public:
  // Throws RecordingError (sim/io/byte_stream.hpp) if the file is not a recording this version
  // reads, or is damaged.
  explicit RecordingReader(const std::filesystem::path& file);
  const RecordingInfo& info() const { return info_; }
  std::uint32_t format_version() const { return version_; }
  bool complete() const { return complete_; }  // false: the index was rebuilt by scanning
  // Throws RecordingError unless the file is whole (issue 24): finished (ends with its index), and
  // its frames, walked from the first to the index, are as many as the index counts, each a
  // keyframe or a delta, with every keyframe where the index puts it. A recording cut short (by a
  // full disk, a copy, a kill of the program that was copying it) fails here, naming what it
  // still holds. The frames' contents are not checked (the format has no checksum).
  void check_whole() const;
  std::size_t frame_count() const { return frame_count_; }
  bool empty() const { return frame_count_ == 0; }
  engine::SimTime first_time() const { return first_time_; }
  engine::SimTime last_time() const { return last_time_; }
  const std::vector<KeyframeEntry>& keyframes() const { return keyframes_; }
  const std::vector<IncidentMark>& incidents() const { return incidents_; }

  // The snapshot in force at t: the last frame at or before t (the first frame if t is earlier).
  const camp::WorldSnapshot& seek(engine::SimTime t);
  const camp::WorldSnapshot& current() const { return current_; }
  // Moves to the next frame; false at the end (current() stays the last frame).
  bool advance();
  // Time of the frame after current(), if any.
  std::optional<engine::SimTime> next_time();

 private:
  struct Frame {
    char tag = 0;
    std::string payload;
    std::uint64_t next = 0;  // offset of the frame after it
  };
  std::optional<Frame> read_frame(std::uint64_t offset);
  void load_keyframe(const KeyframeEntry& key);
  void scan();

  mutable std::ifstream in_;
  std::filesystem::path file_;
  std::uint64_t file_size_ = 0;
  std::uint32_t version_ = 0;
  RecordingInfo info_;
  bool complete_ = false;
  std::uint64_t frames_start_ = 0;  // offset of the first frame
  std::uint64_t frames_end_ = 0;    // offset just past the last snapshot frame
  std::size_t frame_count_ = 0;
  engine::SimTime first_time_ = 0, last_time_ = 0;
  std::vector<KeyframeEntry> keyframes_;
  std::vector<IncidentMark> incidents_;

  camp::WorldSnapshot current_;
  std::uint64_t current_frame_ = 0;  // number of current_
  std::uint64_t next_offset_ = 0;    // where the frame after current_ starts
  bool positioned_ = false;
};

nlohmann::ordered_json recording_info_json(const RecordingInfo& info);
RecordingInfo recording_info_from_json(const nlohmann::json& json);

}  // namespace campsim::io
