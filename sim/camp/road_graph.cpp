#include "sim/camp/road_graph.hpp"

#include <algorithm>
#include <limits>
#include <queue>
#include <stdexcept>
#include <string>
#include <utility>

namespace campsim::camp {

namespace {
std::vector<std::vector<std::pair<int, double>>> adjacency(const CampLayout& layout) {
  std::vector<std::vector<std::pair<int, double>>> next(layout.road_nodes.size());
  for (const RoadEdge& edge : layout.road_edges) {
    next[edge.from].emplace_back(edge.to, edge.length_m);
    next[edge.to].emplace_back(edge.from, edge.length_m);
  }
  for (auto& list : next) std::sort(list.begin(), list.end());
  return next;
}
}  // namespace

std::optional<Route> shortest_route(const CampLayout& layout, int from, int to) {
  const int n = static_cast<int>(layout.road_nodes.size());
  if (from < 0 || to < 0 || from >= n || to >= n) return std::nullopt;
  const auto next = adjacency(layout);
  std::vector<double> best(n, std::numeric_limits<double>::infinity());
  std::vector<int> previous(n, -1);
  using Entry = std::pair<double, int>;  // (distance, node): pairs order by node on equal distance
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
  for (int node = to; node != -1; node = previous[node]) route.nodes.push_back(node);
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
    std::vector<int> stack{static_cast<int>(start)};
    seen[start] = true;
    while (!stack.empty()) {
      int node = stack.back();
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

std::optional<int> find_road_node(const CampLayout& layout, const std::string& name) {
  for (std::size_t i = 0; i < layout.road_nodes.size(); ++i)
    if (layout.road_nodes[i].name == name) return static_cast<int>(i);
  return std::nullopt;
}

int road_node_named(const CampLayout& layout, const std::string& name, std::string_view what) {
  if (const std::optional<int> node = find_road_node(layout, name)) return *node;
  throw std::invalid_argument(std::string(what) + ": no road node named '" + name + "' in the layout's camp.roads.nodes");
}

std::vector<std::vector<double>> route_length_table(const CampLayout& layout) {
  const int n = static_cast<int>(layout.road_nodes.size());
  std::vector<std::vector<double>> table(static_cast<std::size_t>(n),
                                         std::vector<double>(static_cast<std::size_t>(n),
                                                             std::numeric_limits<double>::infinity()));
  for (int from = 0; from < n; ++from)
    for (int to = 0; to < n; ++to)
      if (const auto route = shortest_route(layout, from, to))
        table[static_cast<std::size_t>(from)][static_cast<std::size_t>(to)] = route->length_m;
  return table;
}

}  // namespace campsim::camp
