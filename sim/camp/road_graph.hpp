#pragma once
// Shortest routes over the camp's internal roads (Dijkstra). Used by anything that drives or
// walks inside the camp: patrols now, the quick reaction force and ambulances later.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/camp/layout.hpp"

namespace campsim::camp {

struct Route {
  std::vector<RoadNodeId> nodes;  // from origin to destination, both included
  double length_m = 0;
};

// Returns nothing when the destination cannot be reached. Ties between equal-length routes are
// broken towards lower node indices, so the same layout always gives the same route.
std::optional<Route> shortest_route(const CampLayout& layout, RoadNodeId from, RoadNodeId to);

// The road node called `name`, or nothing if there is none (for the loader's checks and the
// resolution of names to ids, resolved_layout.cpp: never while a run goes on).
std::optional<RoadNodeId> find_road_node(const CampLayout& layout, const std::string& name);

// The road node a scenario names for a site (`what`: "qrf.base", "medical.ambulances.hospital_node").
// The scenario loader refuses an unknown name with its file and line, so one that is not found
// here is a model assembled without the loader: std::invalid_argument naming it, never node 0.
RoadNodeId road_node_named(const CampLayout& layout, const std::string& name, std::string_view what);

// The road node nearest to `p` (the lowest id on ties), or nothing when the layout has no roads.
std::optional<RoadNodeId> nearest_road_node(const CampLayout& layout, Point p);

// Shortest route length between every pair of road nodes, metres ([from.value][to.value]; infinity when
// unreachable). For models that route many trips on a small graph (ambulances).
std::vector<std::vector<double>> route_length_table(const CampLayout& layout);

// Number of connected pieces of the road graph (1 means every node reaches every other).
int road_components(const CampLayout& layout);

}  // namespace campsim::camp
