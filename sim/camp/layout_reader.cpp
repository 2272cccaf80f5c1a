// Reads and checks the camp layout: everything must sit where it physically can (gates on the
// fence, bunkers inside it), every name must be unique, and the roads must form one network.
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "sim/camp/geometry.hpp"
#include "sim/camp/road_graph.hpp"
#include "sim/camp/scenario_readers.hpp"

namespace campsim::camp {

using scenario::MapReader;
using scenario::Need;
using scenario::Range;

namespace {

constexpr double kGateTolerance_m = 10;   // a gate is a hole in the fence: it must lie on it
constexpr double kTowerTolerance_m = 50;  // towers stand at the fence line, just inside or outside

// Metres from the layout's origin. The Gao camp spans about 1.5 km; 1,000 km bounds any layout
// of one camp while keeping distances far from overflow (a node at 1e308 made every distance inf).
constexpr double kMaxCoordinate_m = 1e6;

Point read_point(MapReader& in, std::string_view key) {
  std::vector<double> xy{0, 0};
  in.numbers(key, xy, Need::Required, Range{-kMaxCoordinate_m, kMaxCoordinate_m}, 2);
  return xy.size() == 2 ? Point{xy[0], xy[1]} : Point{};
}

std::vector<Point> read_polygon(MapReader& in, std::string_view key) {
  std::vector<std::array<double, 2>> raw;
  in.points(key, raw, Need::Required, 3);
  std::vector<Point> polygon;
  for (const auto& xy : raw) {
    if (std::abs(xy[0]) > kMaxCoordinate_m || std::abs(xy[1]) > kMaxCoordinate_m) {
      in.fail(key, fmt::format("points within {:g} km of the origin", kMaxCoordinate_m / 1000), fmt::format("[{:g}, {:g}]", xy[0], xy[1]));
      return {};
    }
    polygon.push_back({xy[0], xy[1]});
  }
  return polygon;
}

std::string metres(double m) { return fmt::format("{:.1f} m", m); }

void check_unique(MapReader& in, std::string_view key, const std::string& name, std::set<std::string>& seen) {
  if (!seen.insert(name).second) in.fail(key, "a name not used before in the layout", "'" + name + "' again");
}

// The name and position every placed thing has; names are unique across the whole layout.
void read_place(MapReader& item, std::string& name, Point& position, std::set<std::string>& names) {
  item.name("name", name, Need::Required);
  position = read_point(item, "position");
  check_unique(item, "name", name, names);
}

}  // namespace

CampLayout read_layout(MapReader in) {
  CampLayout layout;
  layout.perimeter = read_polygon(in, "perimeter");
  const bool have_perimeter = layout.perimeter.size() >= 3;
  if (have_perimeter && std::abs(signed_area(layout.perimeter)) < 1.0)
    in.fail("perimeter", "a polygon enclosing an area", "points that enclose none");

  std::set<std::string> names;
  in.list("gates", Need::Required, [&](MapReader& item, std::size_t) {
    Gate gate;
    read_place(item, gate.name, gate.position, names);
    item.boolean("barrier", gate.barrier);
    item.boolean("chicane", gate.chicane);
    if (have_perimeter) {
      const double off = distance_to_boundary(layout.perimeter, gate.position);
      if (off > kGateTolerance_m)
        item.fail("position", fmt::format("a point on the perimeter (within {:.0f} m)", kGateTolerance_m),
                  metres(off) + " from it");
    }
    layout.gates.push_back(gate);
  });

  in.list("towers", Need::Required, [&](MapReader& item, std::size_t) {
    Watchtower tower;
    read_place(item, tower.name, tower.position, names);
    item.number("facing_deg", tower.facing_deg, Need::Required, Range{0, 360});
    item.number("field_of_view_deg", tower.field_of_view_deg, Need::Optional, Range{1, 360});
    item.number("range_m", tower.range_m, Need::Optional, Range{1, 5000});
    if (have_perimeter && !contains(layout.perimeter, tower.position)) {
      const double off = distance_to_boundary(layout.perimeter, tower.position);
      if (off > kTowerTolerance_m)
        item.fail("position", fmt::format("a point inside the perimeter or within {:.0f} m of it", kTowerTolerance_m),
                  metres(off) + " outside");
    }
    layout.towers.push_back(tower);
  });

  in.list("zones", Need::Optional, [&](MapReader& item, std::size_t) {
    Zone zone;
    item.name("name", zone.name, Need::Required);
    item.choice("kind", zone.kind, Need::Required,
                {{"accommodation", ZoneKind::Accommodation}, {"headquarters", ZoneKind::Headquarters},
                 {"hospital", ZoneKind::Hospital}, {"helipad", ZoneKind::Helipad}, {"airfield", ZoneKind::Airfield},
                 {"logistics", ZoneKind::Logistics}, {"motorpool", ZoneKind::Motorpool}, {"other", ZoneKind::Other}});
    zone.polygon = read_polygon(item, "polygon");
    item.integer("occupants_day", zone.occupants_day, Need::Optional, Range{0, 1e6});
    item.integer("occupants_night", zone.occupants_night, Need::Optional, Range{0, 1e6});
    item.text("contingent", zone.contingent);
    check_unique(item, "name", zone.name, names);
    if (have_perimeter)
      for (const Point& corner : zone.polygon)
        if (!contains(layout.perimeter, corner) && distance_to_boundary(layout.perimeter, corner) > 1.0) {
          item.fail("polygon", "corners inside the perimeter",
                    fmt::format("corner ({}, {}) outside it", corner.x, corner.y));
          break;
        }
    layout.zones.push_back(zone);
  });

  in.list("bunkers", Need::Optional, [&](MapReader& item, std::size_t) {
    Bunker bunker;
    read_place(item, bunker.name, bunker.position, names);
    item.integer("capacity", bunker.capacity, Need::Required, Range{1, 10000});
    if (have_perimeter && !contains(layout.perimeter, bunker.position))
      item.fail("position", "a point inside the perimeter",
                metres(distance_to_boundary(layout.perimeter, bunker.position)) + " outside");
    layout.bunkers.push_back(bunker);
  });

  MapReader roads = in.map("roads", Need::Required);
  std::map<std::string, RoadNodeId, std::less<>> node_index;
  roads.list("nodes", Need::Required, [&](MapReader& item, std::size_t) {
    RoadNode node;
    read_place(item, node.name, node.position, names);
    node_index.emplace(node.name, id_at<RoadNodeId>(layout.road_nodes.size()));
    layout.road_nodes.push_back(node);
  });
  roads.list("edges", Need::Required, [&](MapReader& item, std::size_t) {
    std::string from, to;
    item.text("from", from, Need::Required);
    item.text("to", to, Need::Required);
    const auto a = node_index.find(from), b = node_index.find(to);
    if (a == node_index.end()) item.fail("from", "the name of a road node", "'" + from + "'");
    if (b == node_index.end()) item.fail("to", "the name of a road node", "'" + to + "'");
    if (a == node_index.end() || b == node_index.end()) return;
    if (a->second == b->second) {
      item.fail("to", "a node other than 'from'", "'" + to + "' again");
      return;
    }
    layout.road_edges.push_back(
        {a->second, b->second, distance(layout.road_node(a->second).position, layout.road_node(b->second).position)});
  });
  // The QRF waits at a road node and the ambulances drive the roads: a camp without any is a
  // mistake in the scenario, refused here rather than run with no node to stand on.
  if (roads.has("nodes") && layout.road_nodes.empty())
    roads.fail("nodes", "at least one road node (the QRF's base and the hospital are road nodes)", "an empty list");
  if (!layout.road_nodes.empty() && road_components(layout) > 1)
    roads.fail("edges", "roads that connect every node",
               fmt::format("{} separate networks", road_components(layout)));
  return layout;
}

}  // namespace campsim::camp
