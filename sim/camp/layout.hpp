#pragma once
// The camp's physical layout: perimeter, gates, watchtowers, zones, bunkers and internal roads.
// Everything is in metres on a local grid (x east, y north) with the origin at the camp's
// south-west corner. Plain data; validated when read (layout_reader.cpp).
//
// Every object of the layout is known by a typed id, its index in its list: a GateId and a
// ZoneId do not mix, and none is built from a bare int by accident (Id has no converting
// constructor). The names in a scenario are turned into these ids once, when it is loaded
// (resolved_layout.hpp); while a run goes on nothing is looked up by name.
#include <cstddef>
#include <string>
#include <vector>

#include "sim/camp/geometry.hpp"
#include "sim/engine/typed_id.hpp"

namespace campsim::camp {

struct GateTag {};
struct TowerTag {};
struct ZoneTag {};
struct BunkerTag {};
struct RoadNodeTag {};
using GateId = engine::Id<GateTag>;          // index into CampLayout::gates
using TowerId = engine::Id<TowerTag>;        // index into CampLayout::towers
using ZoneId = engine::Id<ZoneTag>;          // index into CampLayout::zones
using BunkerId = engine::Id<BunkerTag>;      // index into CampLayout::bunkers
using RoadNodeId = engine::Id<RoadNodeTag>;  // index into CampLayout::road_nodes

// The id of the i-th object of a list (a loop over the layout's gates, zones, ...).
template <class IdType>
constexpr IdType id_at(std::size_t index) {
  return IdType{static_cast<std::uint32_t>(index)};
}

struct Gate {
  std::string name;
  Point position;
  bool barrier = true;  // drop barrier or rising bollards at the entry
  bool chicane = true;  // serpentine of blocks that forces approaching vehicles to slow down
};

struct Watchtower {
  std::string name;
  Point position;
  double facing_deg = 0;         // compass bearing of the centre of view: 0 north, 90 east
  double field_of_view_deg = 120;  // full angle of the sector the tower watches
  double range_m = 400;          // distance at which a person can still be made out by day
};

enum class ZoneKind { Accommodation, Headquarters, Hospital, Helipad, Airfield, Logistics, Motorpool, Other };

struct Zone {
  std::string name;
  ZoneKind kind = ZoneKind::Other;
  std::vector<Point> polygon;
  int occupants_day = 0;    // people normally inside by day
  int occupants_night = 0;  // and at night (sleeping)
  std::string contingent = "UN";  // who lives or works there (CHN for the Chinese lines)
};

struct Bunker {
  std::string name;
  Point position;
  int capacity = 0;
};

struct RoadNode {
  std::string name;
  Point position;
};

struct RoadEdge {
  RoadNodeId from;
  RoadNodeId to;
  double length_m = 0;  // straight-line length between the nodes
};

struct CampLayout {
  std::vector<Point> perimeter;
  std::vector<Gate> gates;
  std::vector<Watchtower> towers;
  std::vector<Zone> zones;
  std::vector<Bunker> bunkers;
  std::vector<RoadNode> road_nodes;
  std::vector<RoadEdge> road_edges;

  const Gate& gate(GateId id) const { return gates[id.value]; }
  const Watchtower& tower(TowerId id) const { return towers[id.value]; }
  const Zone& zone(ZoneId id) const { return zones[id.value]; }
  const Bunker& bunker(BunkerId id) const { return bunkers[id.value]; }
  const RoadNode& road_node(RoadNodeId id) const { return road_nodes[id.value]; }
};

}  // namespace campsim::camp
