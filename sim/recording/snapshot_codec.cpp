#include "sim/recording/snapshot_codec.hpp"

#include <bit>
#include <cmath>
#include <cstdint>

namespace campsim::io {

namespace {

using camp::WorldSnapshot;

bool same(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }
bool same(camp::Point a, camp::Point b) { return same(a.x, b.x) && same(a.y, b.y); }

bool same(const camp::PersonView& a, const camp::PersonView& b) {
  return a.id == b.id && same(a.position, b.position) && a.role == b.role && a.activity == b.activity;
}
bool same(const camp::VehicleView& a, const camp::VehicleView& b) {
  return a.id == b.id && a.kind == b.kind && a.state == b.state && same(a.position, b.position);
}
bool same(const camp::IncidentView& a, const camp::IncidentView& b) {
  return a.id == b.id && a.kind == b.kind && same(a.place, b.place) && a.phase == b.phase && same(a.started, b.started);
}
bool same(const camp::CombatantView& a, const camp::CombatantView& b) {
  return a.id == b.id && a.kind == b.kind && a.state == b.state && same(a.position, b.position);
}
bool same(const camp::RoundView& a, const camp::RoundView& b) {
  return same(a.at, b.at) && same(a.height_m, b.height_m) && same(a.lands, b.lands) && same(a.lands_at, b.lands_at);
}
bool same(const camp::ImpactView& a, const camp::ImpactView& b) {
  return same(a.at, b.at) && same(a.radius_m, b.radius_m) && same(a.time, b.time);
}
bool same(const camp::PostView& a, const camp::PostView& b) {
  return a.name == b.name && a.kind == b.kind && same(a.position, b.position) && a.required == b.required &&
         a.on_post == b.on_post && same(a.mean_vigilance, b.mean_vigilance);
}
bool same(const camp::HospitalView& a, const camp::HospitalView& b) {
  return a.awaiting_approval == b.awaiting_approval && a.awaiting_ambulance == b.awaiting_ambulance &&
         a.in_transit == b.in_transit && a.in_hospital == b.in_hospital && a.in_surgery == b.in_surgery &&
         a.icu_beds_used == b.icu_beds_used && a.icu_beds == b.icu_beds && a.ward_beds_used == b.ward_beds_used &&
         a.ward_beds == b.ward_beds && a.met_10 == b.met_10 && a.met_1 == b.met_1 && a.met_2 == b.met_2 &&
         a.casualties == b.casualties;
}
bool same(const camp::protest::ProtesterView& a, const camp::protest::ProtesterView& b) {
  return same(a.position, b.position) && a.state == b.state;
}
template <class T>
bool same(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!same(a[i], b[i])) return false;
  return true;
}
bool same(const camp::protest::ProtestView& a, const camp::protest::ProtestView& b) {
  return a.live == b.live && a.id == b.id && a.level == b.level && a.action == b.action && same(a.gate, b.gate) &&
         a.at_gate == b.at_gate && a.active == b.active && same(a.legitimacy, b.legitimacy) &&
         same(a.protesters, b.protesters) && same(a.police.from, b.police.from) && same(a.police.to, b.police.to) &&
         a.police.officers == b.police.officers;
}

// Each record's fields in a fixed order; enums as one byte (they are std::uint8_t or small).
void put(ByteWriter& out, camp::Point p) {
  out.f64(p.x);
  out.f64(p.y);
}
camp::Point get_point(ByteReader& in) {
  const double x = in.f64();
  return {x, in.f64()};
}
void put(ByteWriter& out, const camp::PersonView& p) {
  out.varint(p.id);
  put(out, p.position);
  out.u8(static_cast<std::uint8_t>(p.role));
  out.u8(static_cast<std::uint8_t>(p.activity));
}
void get(ByteReader& in, camp::PersonView& p) {
  p.id = static_cast<std::uint32_t>(in.varint());
  p.position = get_point(in);
  p.role = static_cast<camp::PersonRole>(in.u8());
  p.activity = static_cast<camp::PersonActivity>(in.u8());
}
void put(ByteWriter& out, const camp::VehicleView& v) {
  out.varint(v.id);
  out.u8(static_cast<std::uint8_t>(v.kind));
  out.u8(static_cast<std::uint8_t>(v.state));
  put(out, v.position);
}
void get(ByteReader& in, camp::VehicleView& v) {
  v.id = static_cast<std::uint32_t>(in.varint());
  v.kind = static_cast<camp::VehicleKind>(in.u8());
  v.state = static_cast<camp::VehicleState>(in.u8());
  v.position = get_point(in);
}
void put(ByteWriter& out, const camp::IncidentView& i) {
  out.svarint(i.id);
  out.u8(static_cast<std::uint8_t>(i.kind));
  put(out, i.place);
  out.string(i.phase);
  out.f64(i.started);
}
void get(ByteReader& in, camp::IncidentView& i) {
  i.id = static_cast<int>(in.svarint());
  i.kind = static_cast<camp::ThreatKind>(in.u8());
  i.place = get_point(in);
  i.phase = in.string();
  i.started = in.f64();
}
void put(ByteWriter& out, const camp::CombatantView& c) {
  out.varint(c.id);
  out.u8(static_cast<std::uint8_t>(c.kind));
  out.u8(static_cast<std::uint8_t>(c.state));
  put(out, c.position);
}
void get(ByteReader& in, camp::CombatantView& c) {
  c.id = static_cast<std::uint32_t>(in.varint());
  const std::uint8_t kind = in.u8();
  const std::uint8_t state = in.u8();
  // A damaged file must not put an enum out of its range into the viewer's hands.
  if (kind > static_cast<std::uint8_t>(camp::CombatantKind::BombVehicle) || state > static_cast<std::uint8_t>(camp::CombatantState::Killed))
    throw RecordingError("recording: a combatant of an unknown kind or state");
  c.kind = static_cast<camp::CombatantKind>(kind);
  c.state = static_cast<camp::CombatantState>(state);
  c.position = get_point(in);
}
void put(ByteWriter& out, const camp::RoundView& r) {
  put(out, r.at);
  out.f64(r.height_m);
  put(out, r.lands);
  out.f64(r.lands_at);
}
void get(ByteReader& in, camp::RoundView& r) {
  r.at = get_point(in);
  r.height_m = in.f64();
  r.lands = get_point(in);
  r.lands_at = in.f64();
}
void put(ByteWriter& out, const camp::ImpactView& i) {
  put(out, i.at);
  out.f64(i.radius_m);
  out.f64(i.time);
}
void get(ByteReader& in, camp::ImpactView& i) {
  i.at = get_point(in);
  i.radius_m = in.f64();
  i.time = in.f64();
}
void put(ByteWriter& out, const camp::PostView& p) {
  out.string(p.name);
  out.u8(static_cast<std::uint8_t>(p.kind));
  put(out, p.position);
  out.svarint(p.required);
  out.svarint(p.on_post);
  out.f64(p.mean_vigilance);
}
void get(ByteReader& in, camp::PostView& p) {
  p.name = in.string();
  p.kind = static_cast<camp::PostKind>(in.u8());
  p.position = get_point(in);
  p.required = static_cast<int>(in.svarint());
  p.on_post = static_cast<int>(in.svarint());
  p.mean_vigilance = in.f64();
}
void put(ByteWriter& out, const camp::HospitalView& h) {
  for (int v : {h.awaiting_approval, h.awaiting_ambulance, h.in_transit, h.in_hospital, h.in_surgery, h.icu_beds_used,
                h.icu_beds, h.ward_beds_used, h.ward_beds, h.met_10, h.met_1, h.met_2, h.casualties})
    out.svarint(v);
}
void get(ByteReader& in, camp::HospitalView& h) {
  for (int* v : {&h.awaiting_approval, &h.awaiting_ambulance, &h.in_transit, &h.in_hospital, &h.in_surgery,
                 &h.icu_beds_used, &h.icu_beds, &h.ward_beds_used, &h.ward_beds, &h.met_10, &h.met_1, &h.met_2,
                 &h.casualties})
    *v = static_cast<int>(in.svarint());
}

void put(ByteWriter& out, const camp::protest::ProtesterView& p) {
  put(out, p.position);
  out.u8(static_cast<std::uint8_t>(p.state));
}
void get(ByteReader& in, camp::protest::ProtesterView& p) {
  p.position = get_point(in);
  p.state = static_cast<camp::protest::ProtesterState>(in.u8());
}

template <class T>
void put_list(ByteWriter& out, const std::vector<T>& items);
template <class T>
void get_list(ByteReader& in, std::vector<T>& items);

void put(ByteWriter& out, const camp::protest::ProtestView& v) {
  out.u8(v.live ? 1 : 0);
  out.svarint(v.id.value_or(-1));  // recording.bin's format: -1 for no protest yet
  out.u8(static_cast<std::uint8_t>(v.level));
  out.u8(static_cast<std::uint8_t>(v.action));
  put(out, v.gate);
  out.svarint(v.at_gate);
  out.svarint(v.active);
  out.f64(v.legitimacy);
  put_list(out, v.protesters);
  put(out, v.police.from);
  put(out, v.police.to);
  out.svarint(v.police.officers);
}
// `version`: the file's; the police line from version 5 on (before it, none drawn).
void get(ByteReader& in, camp::protest::ProtestView& v, std::uint32_t version) {
  v.live = in.u8() != 0;
  if (const std::int64_t id = in.svarint(); id >= 0) v.id = static_cast<int>(id);
  v.level = static_cast<camp::protest::CrowdLevel>(in.u8());
  v.action = static_cast<camp::protest::ForceAction>(in.u8());
  v.gate = get_point(in);
  v.at_gate = static_cast<int>(in.svarint());
  v.active = static_cast<int>(in.svarint());
  v.legitimacy = in.f64();
  get_list(in, v.protesters);
  v.police = {};
  if (version < 5) return;
  v.police.from = get_point(in);
  v.police.to = get_point(in);
  v.police.officers = static_cast<int>(in.svarint());
}

template <class T>
void put_list(ByteWriter& out, const std::vector<T>& items) {
  out.varint(items.size());
  for (const T& item : items) put(out, item);
}
template <class T>
void get_list(ByteReader& in, std::vector<T>& items) {
  items.assign(in.count(), T{});
  for (T& item : items) get(in, item);
}

// Which sections a delta carries (one bit each) and how an indexed section is coded.
enum Section : std::uint8_t {
  kPosts = 1, kPeople = 2, kVehicles = 4, kIncidents = 8, kImpacts = 16, kHospital = 32,
  kProtest = 64,  // format version 2
  kCombatants = 128,  // format version 3; from version 4 followed by the rounds in flight
};
constexpr std::uint8_t kAllSections = 255;
enum class ListCoding : std::uint8_t { Changed = 0, Whole = 1 };

// People and vehicles keep their places in the list while the list keeps its length and ids:
// then only the changed entries are written, by gap from the previous changed index. Otherwise
// (someone added or removed) the whole list.
template <class T>
bool same_identities(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if constexpr (requires { a[i].id; }) {
      if (a[i].id != b[i].id) return false;
    } else if (a[i].name != b[i].name) {
      return false;
    }
  return true;
}
template <class T>
void put_changes(ByteWriter& out, const std::vector<T>& previous, const std::vector<T>& next) {
  if (!same_identities(previous, next)) {
    out.u8(static_cast<std::uint8_t>(ListCoding::Whole));
    put_list(out, next);
    return;
  }
  out.u8(static_cast<std::uint8_t>(ListCoding::Changed));
  std::size_t changed = 0;
  for (std::size_t i = 0; i < next.size(); ++i) changed += same(previous[i], next[i]) ? 0 : 1;
  out.varint(changed);
  std::size_t after = 0;  // one past the previous changed index
  for (std::size_t i = 0; i < next.size(); ++i) {
    if (same(previous[i], next[i])) continue;
    out.varint(i - after);
    put(out, next[i]);
    after = i + 1;
  }
}
template <class T>
void apply_changes(ByteReader& in, std::vector<T>& items) {
  const auto coding = static_cast<ListCoding>(in.u8());
  if (coding == ListCoding::Whole) return get_list(in, items);
  if (coding != ListCoding::Changed) throw RecordingError("recording: unknown list coding in a delta");
  const std::size_t changed = in.count();
  std::size_t after = 0;
  for (std::size_t k = 0; k < changed; ++k) {
    const std::size_t i = after + static_cast<std::size_t>(in.varint());
    if (i >= items.size()) throw RecordingError("recording: a delta changes an entry that does not exist");
    get(in, items[i]);
    after = i + 1;
  }
}

}  // namespace

bool identical(const WorldSnapshot& a, const WorldSnapshot& b) {
  return same(a.time, b.time) && same(a.time_of_day, b.time_of_day) && same(a.posts, b.posts) &&
         same(a.people, b.people) && same(a.vehicles, b.vehicles) && same(a.incidents, b.incidents) &&
         same(a.impacts, b.impacts) && same(a.hospital, b.hospital) && same(a.protest, b.protest) &&
         same(a.combatants, b.combatants) && same(a.rounds, b.rounds);
}

void encode_keyframe(ByteWriter& out, const WorldSnapshot& s) {
  out.f64(s.time);
  out.f64(s.time_of_day);
  put_list(out, s.posts);
  put_list(out, s.people);
  put_list(out, s.vehicles);
  put_list(out, s.incidents);
  put_list(out, s.impacts);
  put(out, s.hospital);
  put(out, s.protest);
  put_list(out, s.combatants);
  put_list(out, s.rounds);
}

namespace {

// A frame's simulated time: seconds since the run's start, so finite and never negative. A
// damaged frame can hold any double; a NaN would pass every "not before" test the player makes,
// and -5e303 sorts before any starting mark, so only such times are read as times.
engine::SimTime frame_time(ByteReader& in) {
  const double t = in.f64();
  if (!(std::isfinite(t) && t >= 0)) throw RecordingError("recording: a frame's time is not a time within a run (seconds from its start)");
  return t;
}

}  // namespace

WorldSnapshot decode_keyframe(ByteReader& in, std::uint32_t version) {
  WorldSnapshot s;
  s.time = frame_time(in);
  s.time_of_day = in.f64();
  get_list(in, s.posts);
  get_list(in, s.people);
  get_list(in, s.vehicles);
  get_list(in, s.incidents);
  get_list(in, s.impacts);
  get(in, s.hospital);
  if (!in.done()) get(in, s.protest, version);  // absent from format version 1: no protest
  if (!in.done()) get_list(in, s.combatants);  // absent before format version 3: no fight
  if (!in.done()) get_list(in, s.rounds);      // absent before format version 4: none drawn
  return s;
}

void encode_delta(ByteWriter& out, const WorldSnapshot& previous, const WorldSnapshot& next) {
  out.f64(next.time);
  out.f64(next.time_of_day);
  std::uint8_t sections = 0;
  if (!same(previous.posts, next.posts)) sections |= kPosts;
  if (!same(previous.people, next.people)) sections |= kPeople;
  if (!same(previous.vehicles, next.vehicles)) sections |= kVehicles;
  if (!same(previous.incidents, next.incidents)) sections |= kIncidents;
  if (!same(previous.impacts, next.impacts)) sections |= kImpacts;
  if (!same(previous.hospital, next.hospital)) sections |= kHospital;
  if (!same(previous.protest, next.protest)) sections |= kProtest;
  if (!same(previous.combatants, next.combatants) || !same(previous.rounds, next.rounds)) sections |= kCombatants;
  out.u8(sections);
  if (sections & kPosts) put_changes(out, previous.posts, next.posts);
  if (sections & kPeople) put_changes(out, previous.people, next.people);
  if (sections & kVehicles) put_changes(out, previous.vehicles, next.vehicles);
  if (sections & kIncidents) put_list(out, next.incidents);
  if (sections & kImpacts) put_list(out, next.impacts);
  if (sections & kHospital) put(out, next.hospital);
  if (sections & kProtest) put(out, next.protest);
  if (sections & kCombatants) {
    put_list(out, next.combatants);
    put_list(out, next.rounds);
  }
}

void apply_delta(ByteReader& in, WorldSnapshot& state, std::uint32_t version) {
  state.time = frame_time(in);
  state.time_of_day = in.f64();
  const std::uint8_t sections = in.u8();
  if (sections & ~kAllSections) throw RecordingError("recording: unknown section in a delta");
  if (sections & kPosts) apply_changes(in, state.posts);
  if (sections & kPeople) apply_changes(in, state.people);
  if (sections & kVehicles) apply_changes(in, state.vehicles);
  if (sections & kIncidents) get_list(in, state.incidents);
  if (sections & kImpacts) get_list(in, state.impacts);
  if (sections & kHospital) get(in, state.hospital);
  if (sections & kProtest) get(in, state.protest, version);
  if (sections & kCombatants) {
    get_list(in, state.combatants);
    if (!in.done()) get_list(in, state.rounds);  // absent before format version 4
  }
}

engine::SimTime payload_time(ByteReader in) { return frame_time(in); }

}  // namespace campsim::io
