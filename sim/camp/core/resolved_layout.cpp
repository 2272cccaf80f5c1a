#include "sim/camp/core/resolved_layout.hpp"

#include <stdexcept>

#include "sim/camp/road_graph.hpp"

namespace campsim::camp {

namespace {

template <class IdType, class Object>
std::optional<IdType> find_named(const std::vector<Object>& objects, const std::string& name) {
  for (std::size_t i = 0; i < objects.size(); ++i)
    if (objects[i].name == name) return id_at<IdType>(i);
  return std::nullopt;
}

template <class IdType>
IdType named_or_throw(std::optional<IdType> found, const Post& post, const std::string& name, std::string_view list) {
  if (found) return *found;
  throw std::invalid_argument("post '" + post.name + "': no " + std::string(list) + " named '" + name + "' in the layout");
}

}  // namespace

std::optional<GateId> find_gate(const CampLayout& layout, const std::string& name) {
  return find_named<GateId>(layout.gates, name);
}

std::optional<TowerId> find_tower(const CampLayout& layout, const std::string& name) {
  return find_named<TowerId>(layout.towers, name);
}

std::vector<PostPlace> resolve_posts(const CampLayout& layout, const std::vector<Post>& posts) {
  std::vector<PostPlace> places;
  places.reserve(posts.size());
  for (const Post& post : posts) {
    switch (post.kind) {
      case PostKind::Tower: places.emplace_back(named_or_throw(find_tower(layout, post.at), post, post.at, "tower")); break;
      case PostKind::Gate: places.emplace_back(named_or_throw(find_gate(layout, post.at), post, post.at, "gate")); break;
      case PostKind::Patrol: {
        PatrolRoute route;
        for (const std::string& node : post.route)
          route.nodes.push_back(named_or_throw(find_road_node(layout, node), post, node, "road node"));
        places.emplace_back(std::move(route));
        break;
      }
    }
  }
  return places;
}

std::vector<Point> post_positions(const CampLayout& layout, const std::vector<PostPlace>& places) {
  std::vector<Point> positions;
  positions.reserve(places.size());
  for (const PostPlace& place : places) {
    if (const TowerId* tower = std::get_if<TowerId>(&place)) {
      positions.push_back(layout.tower(*tower).position);
    } else if (const GateId* gate = std::get_if<GateId>(&place)) {
      positions.push_back(layout.gate(*gate).position);
    } else {
      const PatrolRoute& route = std::get<PatrolRoute>(place);
      positions.push_back(route.nodes.empty() ? Point{} : layout.road_node(route.nodes.front()).position);
    }
  }
  return positions;
}

}  // namespace campsim::camp
