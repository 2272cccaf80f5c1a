#include "sim/recording/recording.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sim/io/byte_stream.hpp"
#include "sim/recording/layout_json.hpp"
#include "sim/recording/snapshot_codec.hpp"
#include "sim/io/regular_file.hpp"

namespace campsim::io {

namespace {

constexpr std::string_view kMagic = "CAMPSIMR";       // first 8 bytes of every recording
constexpr std::string_view kIndexMagic = "CAMPSIDX";  // last 8 bytes of a finished one
constexpr char kKeyframe = 'K', kDelta = 'D', kIndex = 'X';
constexpr std::uint64_t kFrameHeader = 5;  // tag byte + u32 payload length
constexpr std::uint64_t kTrailer = 16;     // u64 index offset + kIndexMagic

void note_incidents(std::vector<IncidentMark>& marks, const camp::WorldSnapshot& s) {
  for (const camp::IncidentView& incident : s.incidents) {
    const bool known = std::any_of(marks.begin(), marks.end(), [&](const IncidentMark& m) { return m.id == incident.id; });
    if (!known) marks.push_back({incident.id, incident.kind, incident.started, s.time});
  }
}

}  // namespace

nlohmann::ordered_json recording_info_json(const RecordingInfo& info) {
  return {{"schema", "campsim.recording/1"},
          {"campsim_version", info.campsim_version},
          {"scenario_name", info.scenario_name},
          {"scenario_hash", info.scenario_hash},
          {"seed", info.seed},
          {"replication", info.replication},
          {"start_time_of_day", info.start_time_of_day},
          {"duration", info.duration},
          {"layout", layout_to_json(info.layout)}};
}

RecordingInfo recording_info_from_json(const nlohmann::json& j) {
  try {
    RecordingInfo info;
    info.campsim_version = j.at("campsim_version");
    info.scenario_name = j.at("scenario_name");
    info.scenario_hash = j.at("scenario_hash");
    info.seed = j.at("seed");
    info.replication = j.at("replication");
    info.start_time_of_day = j.at("start_time_of_day");
    info.duration = j.at("duration");
    info.layout = layout_from_json(j.at("layout"));
    return info;
  } catch (const nlohmann::json::exception& e) {
    throw RecordingError(std::string("recording: incomplete header: ") + e.what());
  }
}

// ---- writing -------------------------------------------------------------------------------

RecordingWriter::RecordingWriter(const std::filesystem::path& file, const RecordingInfo& info, RecordingOptions options)
    : file_(file), out_(file, std::ios::binary | std::ios::trunc), options_(options) {
  if (!out_) throw std::runtime_error("cannot create the recording " + file.string());
  const std::string header = recording_info_json(info).dump();
  ByteWriter start;
  start.raw(kMagic);
  start.u32(kRecordingFormatVersion);
  start.u32(static_cast<std::uint32_t>(header.size()));
  start.raw(header);
  out_.write(start.bytes().data(), static_cast<std::streamsize>(start.size()));
  offset_ = start.size();
}

void RecordingWriter::frame(char tag, const std::string& payload) {
  ByteWriter head;
  head.u8(static_cast<std::uint8_t>(tag));
  head.u32(static_cast<std::uint32_t>(payload.size()));
  out_.write(head.bytes().data(), static_cast<std::streamsize>(head.size()));
  out_.write(payload.data(), static_cast<std::streamsize>(payload.size()));
  if (!out_) throw std::runtime_error("cannot write the recording " + file_.string());
  offset_ += head.size() + payload.size();
}

void RecordingWriter::write(const camp::WorldSnapshot& snapshot) {
  encode(snapshot);
  previous_ = snapshot;
}

void RecordingWriter::write(camp::WorldSnapshot&& snapshot) {
  encode(snapshot);
  previous_ = std::move(snapshot);
}

void RecordingWriter::encode(const camp::WorldSnapshot& snapshot) {
  if (finished_) throw std::logic_error("RecordingWriter::write after finish");
  if (previous_ && snapshot.time < previous_->time)
    throw std::logic_error("RecordingWriter::write: snapshot times must not decrease");
  const bool keyframe = !previous_ || snapshot.time - keyframes_.back().time >= options_.keyframe_every ||
                        static_cast<double>(delta_bytes_since_keyframe_) >
                            options_.keyframe_weight * static_cast<double>(last_keyframe_bytes_);
  ByteWriter payload;
  if (keyframe) {
    encode_keyframe(payload, snapshot);
    keyframes_.push_back({snapshot.time, offset_, frames_});
    last_keyframe_bytes_ = payload.size();
    delta_bytes_since_keyframe_ = 0;
  } else {
    encode_delta(payload, *previous_, snapshot);
    delta_bytes_since_keyframe_ += payload.size();
  }
  frame(keyframe ? kKeyframe : kDelta, payload.bytes());
  note_incidents(incidents_, snapshot);
  ++frames_;
}

void RecordingWriter::finish() {
  if (finished_) return;
  finished_ = true;
  ByteWriter index;
  index.varint(frames_);
  index.f64(keyframes_.empty() ? 0 : keyframes_.front().time);
  index.f64(previous_ ? previous_->time : 0);
  index.varint(keyframes_.size());
  for (const KeyframeEntry& k : keyframes_) {
    index.f64(k.time);
    index.u64(k.offset);
    index.varint(k.frame);
  }
  index.varint(incidents_.size());
  for (const IncidentMark& m : incidents_) {
    index.svarint(m.id);
    index.u8(static_cast<std::uint8_t>(m.kind));
    index.f64(m.started);
    index.f64(m.first_recorded);
  }
  const std::uint64_t index_offset = offset_;
  frame(kIndex, index.bytes());
  ByteWriter trailer;
  trailer.u64(index_offset);
  trailer.raw(kIndexMagic);
  out_.write(trailer.bytes().data(), static_cast<std::streamsize>(trailer.size()));
  offset_ += trailer.size();
  out_.close();
  if (!out_) throw std::runtime_error("cannot finish the recording " + file_.string());
}

// ---- reading -------------------------------------------------------------------------------

namespace {

// `file`, once it is known to be a regular file (the stream opens it in the initializer).
const std::filesystem::path& regular_recording(const std::filesystem::path& file) {
  if (const auto why = not_a_regular_file(file)) throw RecordingError("the recording " + *why);
  return file;
}

}  // namespace

RecordingReader::RecordingReader(const std::filesystem::path& file)
    : in_(regular_recording(file), std::ios::binary), file_(file) {
  if (!in_) throw RecordingError("cannot open the recording " + file.string());
  in_.seekg(0, std::ios::end);
  file_size_ = static_cast<std::uint64_t>(in_.tellg());
  in_.seekg(0);
  std::string start(16, '\0');
  if (file_size_ < 16 || !in_.read(start.data(), 16) || start.substr(0, 8) != kMagic)
    throw RecordingError(file.string() + " is not a campsim recording");
  ByteReader head(std::string_view(start).substr(8));
  version_ = head.u32();
  if (version_ < kOldestReadableRecordingVersion || version_ > kRecordingFormatVersion)
    throw RecordingError(file.string() + ": recording format version " + std::to_string(version_) +
                         ", this campsim reads versions " + std::to_string(kOldestReadableRecordingVersion) + " to " +
                         std::to_string(kRecordingFormatVersion));
  const std::uint32_t header_size = head.u32();
  if (16 + std::uint64_t{header_size} > file_size_) throw RecordingError(file.string() + ": truncated header");
  std::string header(header_size, '\0');
  in_.read(header.data(), header_size);
  try {
    info_ = recording_info_from_json(nlohmann::json::parse(header));
  } catch (const nlohmann::json::exception& e) {
    throw RecordingError(file.string() + ": unreadable header: " + e.what());
  }
  frames_start_ = 16 + header_size;

  // A finished file ends with the index's offset and a magic; anything else is scanned.
  if (file_size_ >= frames_start_ + kTrailer) {
    std::string trailer(kTrailer, '\0');
    in_.seekg(static_cast<std::streamoff>(file_size_ - kTrailer));
    in_.read(trailer.data(), kTrailer);
    if (std::string_view(trailer).substr(8) == kIndexMagic) {
      const std::uint64_t index_offset = ByteReader(trailer).u64();
      const std::optional<Frame> index = index_offset >= frames_start_ ? read_frame(index_offset) : std::nullopt;
      if (index && index->tag == kIndex) {
        ByteReader in(index->payload);
        frame_count_ = static_cast<std::size_t>(in.varint());
        first_time_ = in.f64();
        last_time_ = in.f64();
        keyframes_.resize(in.count());
        for (KeyframeEntry& k : keyframes_) {
          k.time = in.f64();
          k.offset = in.u64();
          k.frame = in.varint();
        }
        incidents_.resize(in.count());
        for (IncidentMark& m : incidents_) {
          m.id = static_cast<int>(in.svarint());
          m.kind = static_cast<camp::ThreatKind>(in.u8());
          m.started = in.f64();
          m.first_recorded = in.f64();
        }
        frames_end_ = index_offset;
        complete_ = true;
      }
    }
  }
  if (!complete_) scan();
  if (frame_count_ > 0 && (keyframes_.empty() || keyframes_.front().frame != 0))
    throw RecordingError(file.string() + ": the first frame is not a keyframe");
}

void RecordingReader::check_whole() const {
  // As text, never cast: a damaged header can hold any double (the fuzzer found -1e281).
  const auto seconds = [](engine::SimTime t) { return fmt::format("{:g} s", t); };
  if (!complete_)
    throw RecordingError(file_.string() + " is cut short: it does not end with the index every finished recording ends "
                                          "with (" + std::to_string(frame_count_) + " whole frames, from " +
                         seconds(first_time_) + " to " + seconds(last_time_) + ", are left); record the run again");
  const auto damaged = [&](const std::string& what) {
    return RecordingError(file_.string() + " is damaged: " + what + "; record the run again");
  };
  std::uint64_t offset = frames_start_, count = 0;
  std::size_t next_key = 0;
  std::string head(kFrameHeader, '\0');
  while (offset < frames_end_) {
    in_.clear();
    in_.seekg(static_cast<std::streamoff>(offset));
    if (offset + kFrameHeader > frames_end_ || !in_.read(head.data(), kFrameHeader))
      throw damaged("frame " + std::to_string(count) + " (at byte " + std::to_string(offset) + ") runs into the index");
    ByteReader h(head);
    const char tag = static_cast<char>(h.u8());
    const std::uint64_t size = h.u32();
    if (tag != kKeyframe && tag != kDelta)
      throw damaged("frame " + std::to_string(count) + " (at byte " + std::to_string(offset) + ") is neither a keyframe nor a delta");
    if (tag == kKeyframe) {
      if (next_key >= keyframes_.size() || keyframes_[next_key].offset != offset || keyframes_[next_key].frame != count)
        throw damaged("keyframe " + std::to_string(count) + " (at byte " + std::to_string(offset) + ") is not where the index puts it");
      ++next_key;
    }
    offset += kFrameHeader + size;
    ++count;
  }
  if (offset != frames_end_ || count != frame_count_ || next_key != keyframes_.size())
    throw damaged("it holds " + std::to_string(count) + " frames and " + std::to_string(next_key) + " keyframes where its index counts " +
                  std::to_string(frame_count_) + " and " + std::to_string(keyframes_.size()));
  in_.clear();
}

std::optional<RecordingReader::Frame> RecordingReader::read_frame(std::uint64_t offset) {
  if (offset + kFrameHeader > file_size_) return std::nullopt;
  in_.clear();
  in_.seekg(static_cast<std::streamoff>(offset));
  std::string head(kFrameHeader, '\0');
  if (!in_.read(head.data(), kFrameHeader)) return std::nullopt;
  ByteReader h(head);
  Frame frame;
  frame.tag = static_cast<char>(h.u8());
  const std::uint32_t size = h.u32();
  if (offset + kFrameHeader + size > file_size_) return std::nullopt;
  frame.payload.resize(size);
  if (!in_.read(frame.payload.data(), size)) return std::nullopt;
  frame.next = offset + kFrameHeader + size;
  return frame;
}

// Rebuilds the index of a recording that was never finished (a run that stopped): every whole
// frame counts, a torn last one is ignored.
void RecordingReader::scan() {
  camp::WorldSnapshot state;
  std::uint64_t offset = frames_start_;
  frames_end_ = offset;
  while (auto frame = read_frame(offset)) {
    if (frame->tag != kKeyframe && frame->tag != kDelta) break;
    try {
      ByteReader in(frame->payload);
      if (frame->tag == kKeyframe) {
        state = decode_keyframe(in, version_);
      } else {
        if (keyframes_.empty()) break;
        apply_delta(in, state, version_);
      }
    } catch (const RecordingError&) {
      break;
    }
    if (frame_count_ > 0 && state.time < last_time_) break;  // damage, as in advance()
    if (frame->tag == kKeyframe) keyframes_.push_back({state.time, offset, frame_count_});
    if (frame_count_ == 0) first_time_ = state.time;
    last_time_ = state.time;
    note_incidents(incidents_, state);
    ++frame_count_;
    offset = frames_end_ = frame->next;
  }
}

void RecordingReader::load_keyframe(const KeyframeEntry& key) {
  const std::optional<Frame> frame = read_frame(key.offset);
  if (!frame || frame->tag != kKeyframe) throw RecordingError("recording: the index points at no keyframe");
  ByteReader in(frame->payload);
  current_ = decode_keyframe(in, version_);
  current_frame_ = key.frame;
  next_offset_ = frame->next;
  positioned_ = true;
}

const camp::WorldSnapshot& RecordingReader::seek(engine::SimTime t) {
  if (frame_count_ == 0) return current_;
  auto after = std::upper_bound(keyframes_.begin(), keyframes_.end(), t,
                                [](engine::SimTime value, const KeyframeEntry& k) { return value < k.time; });
  const KeyframeEntry& key = after == keyframes_.begin() ? keyframes_.front() : *std::prev(after);
  // Going forward from where we are is cheaper than from the keyframe, when we are past it.
  if (!positioned_ || current_.time > t || current_frame_ < key.frame) load_keyframe(key);
  while (true) {
    const std::optional<engine::SimTime> next = next_time();
    if (!next || *next > t) break;
    advance();
  }
  return current_;
}

std::optional<engine::SimTime> RecordingReader::next_time() {
  if (!positioned_) {
    if (frame_count_ == 0) return std::nullopt;
    return first_time_;
  }
  if (next_offset_ >= frames_end_) return std::nullopt;
  const std::optional<Frame> frame = read_frame(next_offset_);
  if (!frame) return std::nullopt;
  return payload_time(ByteReader(frame->payload));
}

bool RecordingReader::advance() {
  if (!positioned_) {
    if (frame_count_ == 0) return false;
    load_keyframe(keyframes_.front());
    return true;
  }
  if (next_offset_ >= frames_end_) return false;
  const std::optional<Frame> frame = read_frame(next_offset_);
  if (!frame) return false;
  ByteReader in(frame->payload);
  const engine::SimTime before = current_.time;
  if (frame->tag == kKeyframe)
    current_ = decode_keyframe(in, version_);
  else if (frame->tag == kDelta)
    apply_delta(in, current_, version_);
  else
    throw RecordingError("recording: unexpected frame in the snapshot stream");
  // The recorder writes frames in time order; a frame that goes back is damage the index cannot
  // show (frames carry no checksum), and a player that went on would draw a jumbled run.
  if (current_.time < before)
    throw RecordingError("recording: frame " + std::to_string(current_frame_ + 1) + " goes back in time; record the run again");
  ++current_frame_;
  next_offset_ = frame->next;
  return true;
}

}  // namespace campsim::io
