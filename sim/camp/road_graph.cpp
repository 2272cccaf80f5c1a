#include "sim/camp/road_graph.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <queue>
#include <stdexcept>
#include <string>
#include <utility>

namespace campsim::camp {

namespace {
// Per node, its neighbours' indices and the edges' lengths, neighbours ascending.
std::vector<std::vector<std::pair<std::uint32_t, double>>> adjacency(const CampLayout& layout) {
  std::vector<std::vector<std::pair<std::uint32_t, double>>> next(layout.road_nodes.size());
  for (const RoadEdge& edge : layout.road_edges) {
    next[edge.from.value].emplace_back(edge.to.value, edge.length_m);
    next[edge.to.value].emplace_back(edge.from.value, edge.length_m);
  }
  for (auto& list : next) std::sort(list.begin(), list.end());
  return next;
}
}  // namespace

std::optional<Route> shortest_route(const CampLayout& layout, RoadNodeId from_id, RoadNodeId to_id) {
  const std::size_t n = layout.road_nodes.size();
  const std::uint32_t from = from_id.value, to = to_id.value;
  if (from >= n || to >= n) return std::nullopt;
  const auto next = adjacency(layout);
  std::vector<double> best(n, std::numeric_limits<double>::infinity());
  std::vector<std::optional<std::uint32_t>> previous(n);  // none for the origin and nodes not reached
  using Entry = std::pair<double, std::uint32_t>;  // (distance, node): pairs order by node on equal distance
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> frontier;
  best[from] = 0;
  frontier.emplace(0.0, from);
  while (!frontier.empty()) {
    auto [d, node] = frontier.top();
    frontier.pop();
    if (d > best[node]) continue;
    if (node == to) break;
    for (auto [neighbour, length] : next[node]) {
      if (d + length < best[neighbour]) {
        best[neighbour] = d + length;
        previous[neighbour] = node;
        frontier.emplace(best[neighbour], neighbour);
      }
    }
  }
  if (best[to] == std::numeric_limits<double>::infinity()) return std::nullopt;
  Route route;
  route.length_m = best[to];
  for (std::optional<std::uint32_t> node = to; node; node = previous[*node]) route.nodes.push_back(RoadNodeId{*node});
  std::reverse(route.nodes.begin(), route.nodes.end());
  return route;
}

int road_components(const CampLayout& layout) {
  const auto next = adjacency(layout);
  std::vector<bool> seen(next.size(), false);
  int components = 0;
  for (std::size_t start = 0; start < next.size(); ++start) {
    if (seen[start]) continue;
    ++components;
    std::vector<std::uint32_t> stack{static_cast<std::uint32_t>(start)};
    seen[start] = true;
    while (!stack.empty()) {
      const std::uint32_t node = stack.back();
      stack.pop_back();
      for (auto [neighbour, length] : next[node]) {
        (void)length;
        if (!seen[neighbour]) {
          seen[neighbour] = true;
          stack.push_back(neighbour);
        }
      }
    }
  }
  return components;
}

std::optional<RoadNodeId> find_road_node(const CampLayout& layout, const std::string& name) {
  for (std::size_t i = 0; i < layout.road_nodes.size(); ++i)
    if (layout.road_nodes[i].name == name) return id_at<RoadNodeId>(i);
  return std::nullopt;
}

RoadNodeId road_node_named(const CampLayout& layout, const std::string& name, std::string_view what) {
  if (const std::optional<RoadNodeId> node = find_road_node(layout, name)) return *node;
  throw std::invalid_argument(std::string(what) + ": no road node named '" + name + "' in the layout's camp.roads.nodes");
}

std::optional<RoadNodeId> nearest_road_node(const CampLayout& layout, Point p) {
  std::optional<RoadNodeId> best;
  double best_d = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < layout.road_nodes.size(); ++i) {
    const double d = distance(layout.road_nodes[i].position, p);
    if (d < best_d) {
      best_d = d;
      best = id_at<RoadNodeId>(i);
    }
  }
  return best;
}

// One search from each node to all others, not one per pair (issue 25: the pairs' searches, each
// building the adjacency again, were 1.3 M instructions a replication). The same numbers as
// shortest_route's: its search stops when it takes `to` off the frontier, and with lengths >= 0
// nothing taken off later can lower best[to] (the relaxation is strict), so the lengths are
// the same bits; the searches' order of relaxations is the same up to that point.
std::vector<std::vector<double>> route_length_table(const CampLayout& layout) {
  const std::size_t n = layout.road_nodes.size();
  const auto next = adjacency(layout);
  std::vector<std::vector<double>> table(n, std::vector<double>(n, std::numeric_limits<double>::infinity()));
  using Entry = std::pair<double, std::uint32_t>;  // as in shortest_route
  for (std::size_t from = 0; from < n; ++from) {
    std::vector<double>& best = table[from];
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> frontier;
    best[from] = 0;
    frontier.emplace(0.0, static_cast<std::uint32_t>(from));
    while (!frontier.empty()) {
      auto [d, node] = frontier.top();
      frontier.pop();
      if (d > best[node]) continue;
      for (auto [neighbour, length] : next[node]) {
        if (d + length < best[neighbour]) {
          best[neighbour] = d + length;
          frontier.emplace(best[neighbour], neighbour);
        }
      }
    }
  }
  return table;
}

}  // namespace campsim::camp
