#include "sim/camp/road_graph.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <queue>
#include <stdexcept>
#include <string>
#include <utility>

namespace campsim::camp {

namespace {
// Per node, its neighbours' indices and the edges' lengths, neighbours ascending.
using Adjacency = std::vector<std::vector<std::pair<std::uint32_t, double>>>;
Adjacency adjacency(const CampLayout& layout) {
  Adjacency next(layout.road_nodes.size());
  for (const RoadEdge& edge : layout.road_edges) {
    next[edge.from.value].emplace_back(edge.to.value, edge.length_m);
    next[edge.to.value].emplace_back(edge.from.value, edge.length_m);
  }
  for (auto& list : next) std::sort(list.begin(), list.end());
  return next;
}

// Dijkstra from `from` over `next`, into `best` (infinity for the nodes not reached) and, when
// given, `previous` (none for the origin and the nodes not reached). It stops when it takes
// `stop` off the frontier, if given: with lengths >= 0 nothing taken off later could lower
// best[stop] (the relaxation is strict), so a stopped search and a whole one give the same
// bits for `stop`, their relaxations being the same up to there.
void search_from(const Adjacency& next, std::uint32_t from, std::optional<std::uint32_t> stop, std::vector<double>& best,
                 std::vector<std::optional<std::uint32_t>>* previous) {
  std::fill(best.begin(), best.end(), std::numeric_limits<double>::infinity());
  using Entry = std::pair<double, std::uint32_t>;  // (distance, node): pairs order by node on equal distance
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> frontier;
  best[from] = 0;
  frontier.emplace(0.0, from);
  while (!frontier.empty()) {
    auto [d, node] = frontier.top();
    frontier.pop();
    if (d > best[node]) continue;
    if (node == stop) break;
    for (auto [neighbour, length] : next[node]) {
      if (d + length < best[neighbour]) {
        best[neighbour] = d + length;
        if (previous != nullptr) (*previous)[neighbour] = node;
        frontier.emplace(best[neighbour], neighbour);
      }
    }
  }
}
}  // namespace

std::optional<Route> shortest_route(const CampLayout& layout, RoadNodeId from_id, RoadNodeId to_id) {
  const std::size_t n = layout.road_nodes.size();
  const std::uint32_t from = from_id.value, to = to_id.value;
  if (from >= n || to >= n) return std::nullopt;
  std::vector<double> best(n);
  std::vector<std::optional<std::uint32_t>> previous(n);
  search_from(adjacency(layout), from, to, best, &previous);
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
// building the adjacency again, were 1.3 M instructions a replication). The same search as
// shortest_route's, which only stops earlier: the same bits (search_from).
std::vector<std::vector<double>> route_length_table(const CampLayout& layout) {
  const std::size_t n = layout.road_nodes.size();
  const Adjacency next = adjacency(layout);
  std::vector<std::vector<double>> table(n, std::vector<double>(n));
  for (std::size_t from = 0; from < n; ++from)
    search_from(next, static_cast<std::uint32_t>(from), std::nullopt, table[from], nullptr);
  return table;
}

}  // namespace campsim::camp
