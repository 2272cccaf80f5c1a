// Recordings give back exactly what was recorded, seeking agrees with reading in order, and a
// recording cut short still reads. Snapshots are hand-made (tests/support/synthetic_world.hpp).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include <filesystem>
#include <fstream>

#include "sim/io/byte_stream.hpp"
#include "sim/recording/layout_json.hpp"
#include "sim/recording/recording.hpp"
#include "sim/recording/snapshot_codec.hpp"
#include "tests/support/synthetic_world.hpp"

using namespace campsim;
namespace fs = std::filesystem;

namespace {

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("campsim-io-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

io::RecordingInfo info() {
  io::RecordingInfo i;
  i.scenario_name = "synthetic";
  i.scenario_hash = "abc";
  i.seed = 7;
  i.start_time_of_day = 6 * engine::kHour;
  i.duration = engine::kDay;
  i.layout = testing::synthetic_layout();
  i.campsim_version = "test";
  return i;
}

// A run's worth of snapshots: busy stretches (a step a second, many movers), quiet jumps of
// minutes, two snapshots at the same instant, someone arriving (the list grows).
std::vector<camp::WorldSnapshot> run_of_snapshots(int people, int count) {
  testing::TestRandom random(11);
  std::vector<camp::WorldSnapshot> out{testing::synthetic_world(people, 3, 100)};
  for (int i = 1; i < count; ++i) {
    const bool busy = (i / 50) % 2 == 0;
    const double dt = i == 77 ? 0.0 : busy ? 1.0 : 60.0 * (1 + random.below(10));
    out.push_back(testing::step_world(out.back(), busy ? people / 5 : 0, dt, random));
    if (i == 120) out.back().people.push_back({999999, {5, 5}, camp::PersonRole::Staff, camp::PersonActivity::Moving});
  }
  return out;
}

// Records `all` into a finished file; returns where each frame starts (for damaging one).
std::vector<std::uint64_t> write_finished(const fs::path& file, const std::vector<camp::WorldSnapshot>& all) {
  std::vector<std::uint64_t> offsets;
  io::RecordingWriter writer(file, info());
  for (const auto& s : all) {
    offsets.push_back(writer.bytes());
    writer.write(s);
  }
  writer.finish();
  return offsets;
}

// The definition of "the snapshot in force at t", straight from the list.
const camp::WorldSnapshot& in_force(const std::vector<camp::WorldSnapshot>& all, double t) {
  const camp::WorldSnapshot* found = &all.front();
  for (const auto& s : all)
    if (s.time <= t) found = &s;
  return *found;
}

}  // namespace

TEST_CASE("integers and doubles are stored as the format says", "[io][recording]") {
  io::ByteWriter w;
  w.varint(300);   // 300 = 0b10_0101100: 0xAC then 0x02
  w.svarint(-1);   // zigzag: -1 -> 1
  w.svarint(1);    // 1 -> 2
  w.u32(0x01020304);
  w.f64(-0.0);
  const std::string& b = w.bytes();
  REQUIRE(b.size() == 2 + 1 + 1 + 4 + 8);
  CHECK(static_cast<unsigned char>(b[0]) == 0xAC);
  CHECK(static_cast<unsigned char>(b[1]) == 0x02);
  CHECK(b[2] == 1);
  CHECK(b[3] == 2);
  CHECK(b[4] == 4);  // little-endian
  CHECK(static_cast<unsigned char>(b[15]) == 0x80);  // the sign bit of -0.0, last byte
  io::ByteReader r(b);
  CHECK(r.varint() == 300);
  CHECK(r.svarint() == -1);
  CHECK(r.svarint() == 1);
  CHECK(r.u32() == 0x01020304);
  CHECK(std::signbit(r.f64()));
  CHECK(r.done());
  CHECK_THROWS_AS(r.u8(), io::RecordingError);
}

TEST_CASE("a keyframe and a delta give back their snapshots bit for bit", "[io][recording]") {
  const camp::WorldSnapshot a = testing::synthetic_world(500, 1, 10);
  io::ByteWriter key;
  io::encode_keyframe(key, a);
  io::ByteReader key_in(key.bytes());
  CHECK(io::identical(io::decode_keyframe(key_in), a));
  CHECK(key_in.done());

  testing::TestRandom random(5);
  camp::WorldSnapshot b = testing::step_world(a, 10, 1, random);
  b.people[3].position.x = -0.0;  // equal to 0.0 by ==, not by bits: must still come back as -0.0
  io::ByteWriter delta;
  io::encode_delta(delta, a, b);
  camp::WorldSnapshot state = a;
  io::ByteReader delta_in(delta.bytes());
  io::apply_delta(delta_in, state);
  CHECK(io::identical(state, b));
  CHECK(delta_in.done());
  // 11 changed people at most 2 (gap) + 3 (id) + 16 + 2 bytes each, plus the vehicles, posts,
  // hospital and impacts that may have changed and 17 bytes of time and section flags: far less
  // than the keyframe.
  CHECK(delta.size() < 11 * 23 + 3 * 25 + 3 * 40 + 30 + 60 + 17);
  CHECK(delta.size() * 20 < key.size());

  // Someone removed: the whole list is written and still comes back exactly.
  camp::WorldSnapshot c = b;
  c.people.erase(c.people.begin() + 7);
  io::ByteWriter delta2;
  io::encode_delta(delta2, b, c);
  io::ByteReader delta2_in(delta2.bytes());
  io::apply_delta(delta2_in, state);
  CHECK(io::identical(state, c));
}

TEST_CASE("a protest at the gate comes back bit for bit: a version-1 keyframe has none", "[io][recording]") {
  camp::WorldSnapshot a = testing::synthetic_world(50, 2, 10);
  const std::string version1 = [&] {
    io::ByteWriter w;
    io::encode_keyframe(w, a);  // no protest: the default view
    // A version-1 keyframe is this without the protest record (live 1, id 1 (svarint -1),
    // level 1, action 1, gate 16, at_gate 1, active 1, legitimacy 8, protester count 1 = 31 bytes,
    // and the police line of version 5: two points 32, officers 1 = 33 bytes) and without the two
    // lists later versions added: combatants (version 3) and rounds (version 4), each an empty
    // list, a count of 1 byte.
    return std::string(w.bytes().substr(0, w.bytes().size() - 31 - 33 - 1 - 1));
  }();
  io::ByteReader old_in(version1);
  CHECK(io::identical(io::decode_keyframe(old_in, 1), a));

  a.protest.live = true;
  a.protest.id = 3;
  a.protest.level = camp::protest::CrowdLevel::molotov;
  a.protest.action = camp::protest::ForceAction::tear_gas;
  a.protest.gate = {0, 500};
  a.protest.at_gate = 2;
  a.protest.active = 1;
  a.protest.legitimacy = 0.73;
  a.protest.protesters = {{{-1.5, 500.25}, camp::protest::ProtesterState::Active},
                          {{-2.0, 499.0}, camp::protest::ProtesterState::Quiet},
                          {{-40.0, 480.0}, camp::protest::ProtesterState::Leaving}};
  a.protest.police = {{2, 483}, {2, 517}, 35};
  io::ByteWriter key;
  io::encode_keyframe(key, a);
  io::ByteReader key_in(key.bytes());
  CHECK(io::identical(io::decode_keyframe(key_in), a));
  CHECK(key_in.done());

  camp::WorldSnapshot b = a;
  b.time = 11;
  b.protest.protesters[0].position.x = -0.0;
  b.protest.protesters.pop_back();
  b.protest.level = camp::protest::CrowdLevel::breach_attempt;
  b.protest.police = {{2, 483.5}, {2, 516.5}, 34};  // one officer hurt: the line shortens
  io::ByteWriter delta;
  io::encode_delta(delta, a, b);
  camp::WorldSnapshot state = a;
  io::ByteReader delta_in(delta.bytes());
  io::apply_delta(delta_in, state);
  CHECK(io::identical(state, b));
  CHECK_FALSE(io::identical(state, a));
  CHECK(delta_in.done());
}

TEST_CASE("a version-4 protest has no police line and still reads, the rest unchanged", "[io][recording]") {
  camp::WorldSnapshot a = testing::synthetic_world(20, 1, 10);
  a.protest.live = true;
  a.protest.id = 1;
  a.protest.gate = {0, 500};
  a.protest.legitimacy = 0.5;
  a.protest.protesters = {{{-3.0, 501.0}, camp::protest::ProtesterState::Active}};
  a.protest.police = {{2, 490}, {2, 510}, 21};
  io::ByteWriter w;
  io::encode_keyframe(w, a);
  // Version 4 wrote the protest without the police line (33 bytes), then the two empty lists.
  const std::string& now = w.bytes();
  const std::string version4 = now.substr(0, now.size() - 2 - 33) + now.substr(now.size() - 2);
  io::ByteReader old_in(version4);
  const camp::WorldSnapshot back = io::decode_keyframe(old_in, 4);
  CHECK(old_in.done());
  camp::WorldSnapshot expected = a;
  expected.protest.police = {};
  CHECK(io::identical(back, expected));
  CHECK_FALSE(io::identical(back, a));
  // Read as version 5, the same bytes would run past the protest: the version is what decides.
  io::ByteReader as_new(version4);
  bool same_as_expected = false;
  try {
    same_as_expected = io::identical(io::decode_keyframe(as_new, 5), expected);
  } catch (const io::RecordingError&) {
  }
  CHECK_FALSE(same_as_expected);
}

TEST_CASE("the layout survives the trip through the header", "[io][recording]") {
  const camp::CampLayout layout = testing::synthetic_layout();
  const camp::CampLayout back = io::layout_from_json(nlohmann::json::parse(io::layout_to_json(layout).dump()));
  REQUIRE(back.perimeter.size() == layout.perimeter.size());
  CHECK(back.perimeter[2].x == layout.perimeter[2].x);
  REQUIRE(back.towers.size() == 2);
  CHECK(back.towers[1].name == "T_ne");
  CHECK(back.towers[1].facing_deg == 45);
  CHECK(back.towers[1].field_of_view_deg == 270);
  REQUIRE(back.zones.size() == 1);
  CHECK(back.zones[0].kind == camp::ZoneKind::Hospital);
  CHECK(back.zones[0].polygon[1].x == 560);
  CHECK(back.road_edges[0].length_m == 750);
  CHECK(back.gates[0].name == "west_gate");
  CHECK(back.bunkers[0].capacity == 40);
}

TEST_CASE("a recording reads back every snapshot, in order and by seeking", "[io][recording]") {
  const fs::path dir = scratch("roundtrip");
  const std::vector<camp::WorldSnapshot> all = run_of_snapshots(2000, 400);
  io::RecordingOptions options;
  options.keyframe_every = 30 * engine::kMinute;
  {
    io::RecordingWriter writer(dir / "recording.bin", info(), options);
    for (const auto& s : all) writer.write(s);
    writer.finish();
  }
  io::RecordingReader reader(dir / "recording.bin");
  CHECK(reader.complete());
  CHECK(reader.format_version() == io::kRecordingFormatVersion);
  CHECK(reader.info().scenario_name == "synthetic");
  CHECK(reader.info().start_time_of_day == 6 * engine::kHour);
  CHECK(reader.info().layout.towers.size() == 2);
  REQUIRE(reader.frame_count() == all.size());
  CHECK(reader.first_time() == all.front().time);
  CHECK(reader.last_time() == all.back().time);
  // More than one keyframe (busy stretches outweigh keyframes, quiet ones pass the half hour),
  // and never more than half an hour plus the longest step between two.
  REQUIRE(reader.keyframes().size() > 2);
  for (std::size_t k = 1; k < reader.keyframes().size(); ++k)
    CHECK(reader.keyframes()[k].time - reader.keyframes()[k - 1].time <= 30 * engine::kMinute + 600);
  REQUIRE(reader.incidents().size() == 1);
  CHECK(reader.incidents()[0].id == 7);
  CHECK(reader.incidents()[0].first_recorded == all.front().time);

  // In order.
  std::size_t i = 0;
  while (reader.advance()) {
    REQUIRE(i < all.size());
    INFO("frame " << i);
    CHECK(io::identical(reader.current(), all[i]));
    ++i;
  }
  CHECK(i == all.size());

  // By seeking, backwards and forwards, onto frame times, between them and outside the run.
  std::vector<double> times{-5, all.front().time, all.back().time + 1e6};
  for (std::size_t k = 0; k < all.size(); k += 7) times.push_back(all[k].time);
  for (std::size_t k = 0; k + 1 < all.size(); k += 13) times.push_back((all[k].time + all[k + 1].time) / 2);
  std::reverse(times.begin() + 3, times.end());
  for (double t : times) {
    INFO("t = " << t);
    CHECK(io::identical(reader.seek(t), in_force(all, t)));
  }
  // Two snapshots at one instant: the later one is in force.
  CHECK(io::identical(reader.seek(all[77].time), all[77]));
  fs::remove_all(dir);
}

TEST_CASE("a recording never finished still reads up to its last whole frame", "[io][recording]") {
  const fs::path dir = scratch("torn");
  const std::vector<camp::WorldSnapshot> all = run_of_snapshots(300, 120);
  {
    io::RecordingWriter writer(dir / "recording.bin", info());
    for (const auto& s : all) writer.write(s);
    // no finish(): a run that stopped
  }
  // Tear the last frame in half, as a crash in mid-write would.
  const auto size = fs::file_size(dir / "recording.bin");
  fs::resize_file(dir / "recording.bin", size - 10);
  io::RecordingReader reader(dir / "recording.bin");
  CHECK_FALSE(reader.complete());
  REQUIRE(reader.frame_count() == all.size() - 1);
  for (std::size_t k = 0; k + 1 < all.size(); k += 5) CHECK(io::identical(reader.seek(all[k].time), all[k]));
  fs::remove_all(dir);
}

TEST_CASE("check_whole passes a finished recording and refuses one cut short or with a damaged frame", "[io][recording]") {
  const fs::path dir = scratch("whole");
  const std::vector<camp::WorldSnapshot> all = run_of_snapshots(300, 120);
  const std::vector<std::uint64_t> offsets = write_finished(dir / "recording.bin", all);  // where each frame starts
  const fs::path file = dir / "recording.bin";
  CHECK_NOTHROW(io::RecordingReader(file).check_whole());
  const auto size = fs::file_size(file);
  fs::copy_file(file, dir / "whole.bin");
  // Cut by 10%: what is left still reads (a run that stopped), but is not whole.
  fs::resize_file(file, size - size / 10);
  {
    io::RecordingReader reader(file);
    CHECK_FALSE(reader.complete());
    CHECK(reader.frame_count() > 0);
    CHECK_THROWS_WITH(reader.check_whole(), Catch::Contains("is cut short") && Catch::Contains("record the run again"));
  }
  // A frame's tag changed (a delta made neither): the walk finds it, with its number.
  fs::remove(file);
  fs::copy_file(dir / "whole.bin", file);
  {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(offsets[5]));
    f.put('Z');
  }
  CHECK_THROWS_WITH(io::RecordingReader(file).check_whole(), Catch::Contains("is damaged: frame 5 ") &&
                                                              Catch::Contains("neither a keyframe nor a delta"));
  // A frame's length changed: the walk no longer lands on the index.
  fs::remove(file);
  fs::copy_file(dir / "whole.bin", file);
  {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(offsets[7] + 1));
    f.put('\x7f');
  }
  CHECK_THROWS_WITH(io::RecordingReader(file).check_whole(), Catch::Contains("is damaged"));
  fs::remove_all(dir);
}

// The fuzzer's finding on 825f457 (fuzz/fuzz_recording.cpp): a frame whose time was damaged to NaN
// passed check_whole() (which walks the frames' framing, not their contents) and then played, with
// NaN passing every "not before" test. A frame's time is its first payload field, after the 5-byte
// frame header (tag, u32 size).
TEST_CASE("a frame whose time is not a number, or goes back, stops playback with a RecordingError", "[io][recording]") {
  const fs::path dir = scratch("times");
  const std::vector<camp::WorldSnapshot> all = run_of_snapshots(300, 120);
  const std::vector<std::uint64_t> offsets = write_finished(dir / "recording.bin", all);
  const fs::path file = dir / "recording.bin";
  fs::copy_file(file, dir / "whole.bin");
  const auto put_time = [&](std::size_t frame, double t) {
    fs::remove(file);
    fs::copy_file(dir / "whole.bin", file);
    io::ByteWriter w;
    w.f64(t);
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(offsets[frame] + 5));
    f.write(w.bytes().data(), static_cast<std::streamsize>(w.bytes().size()));
  };
  const auto frames_played = [&](std::size_t& played) {
    io::RecordingReader reader(file);
    CHECK_NOTHROW(reader.check_whole());  // the framing is intact: only playing can see this
    played = 0;
    while (reader.advance()) ++played;
  };
  std::size_t played = 0;
  put_time(0, std::nan(""));  // the first keyframe: the fuzzer's case
  CHECK_THROWS_AS(frames_played(played), io::RecordingError);
  CHECK(played == 0);
  put_time(4, std::numeric_limits<double>::infinity());
  CHECK_THROWS_AS(frames_played(played), io::RecordingError);
  CHECK(played == 4);
  put_time(0, -5.48612e303);  // the fuzzer's second case: finite, before any run's start
  CHECK_THROWS_AS(frames_played(played), io::RecordingError);
  CHECK(played == 0);
  // Frame 6 set one second before frame 5: frames 0-5 play, frame 6 is refused by its number.
  REQUIRE(all[5].time - 1 < all[5].time);
  put_time(6, all[5].time - 1);
  {
    io::RecordingReader reader(file);
    for (int k = 0; k < 6; ++k) REQUIRE(reader.advance());
    CHECK_THROWS_WITH(reader.advance(), Catch::Contains("frame 6 goes back in time"));
  }
  // An unfinished recording with the same damage is scanned only up to the frame before it.
  fs::resize_file(file, offsets[10]);
  {
    io::RecordingReader reader(file);
    CHECK_FALSE(reader.complete());
    CHECK(reader.frame_count() == 6);
    CHECK(reader.last_time() == all[5].time);
  }
  fs::remove_all(dir);
}

TEST_CASE("a file that is not a recording, or of another version, is refused by name", "[io][recording]") {
  const fs::path dir = scratch("bad");
  std::ofstream(dir / "not.bin") << "hello, this is not a recording at all";
  CHECK_THROWS_WITH(io::RecordingReader(dir / "not.bin"), Catch::Contains("is not a campsim recording"));
  {
    io::RecordingWriter writer(dir / "v.bin", info());
    writer.finish();
  }
  {
    std::fstream f(dir / "v.bin", std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(8);
    f.put(9);  // version 9
  }
  CHECK_THROWS_WITH(io::RecordingReader(dir / "v.bin"), Catch::Contains("format version 9"));
  fs::remove_all(dir);
}

TEST_CASE("rounds in flight come back bit for bit, in a keyframe and in a delta", "[io][recording]") {
  camp::WorldSnapshot a = testing::synthetic_world(20, 1, 10);
  a.rounds = {{{100.5, 200.25}, 812.5, {300, 400}, 3615}, {{-20, 7}, 0.125, {310, 395}, 3618}};
  io::ByteWriter key;
  io::encode_keyframe(key, a);
  io::ByteReader key_in(key.bytes());
  const camp::WorldSnapshot back = io::decode_keyframe(key_in);
  CHECK(io::identical(back, a));
  REQUIRE(back.rounds.size() == 2);
  CHECK(back.rounds[0].height_m == 812.5);
  CHECK(back.rounds[1].lands_at == 3618);
  CHECK(key_in.done());
  // Only the rounds move: the delta carries them, and nothing is lost when the first lands.
  camp::WorldSnapshot b = a;
  b.time += 1;
  b.rounds.erase(b.rounds.begin());
  b.rounds[0].at = {-10, 17};
  io::ByteWriter delta;
  io::encode_delta(delta, a, b);
  camp::WorldSnapshot state = a;
  io::ByteReader delta_in(delta.bytes());
  io::apply_delta(delta_in, state);
  CHECK(io::identical(state, b));
  CHECK_FALSE(io::identical(state, a));
  CHECK(delta_in.done());
}
