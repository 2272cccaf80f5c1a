#pragma once
// The camp's physical layout: perimeter, gates, watchtowers, zones, bunkers and internal roads.
// Everything is in metres on a local grid (x east, y north) with the origin at the camp's
// south-west corner. Plain data; validated when read (layout_reader.cpp).
#include <string>
#include <vector>

#include "sim/camp/geometry.hpp"

namespace campsim::camp {

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
  int from = 0;  // index into CampLayout::road_nodes
  int to = 0;
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
};

}  // namespace campsim::camp
