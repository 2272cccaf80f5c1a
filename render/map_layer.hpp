#pragma once
// The map under the agents: ground, the town's edge, the camp, zones, roads, wall, bunkers and
// gates (static); the towers' fields of view shaded by their sentries' vigilance, and the posts
// coloured by manning (from the snapshot). Each is one vertex array, one draw call.
#include <SFML/Graphics/VertexArray.hpp>

#include "render/scene.hpp"

namespace campsim::render {

sf::VertexArray build_ground(const camp::CampLayout& layout, const ViewFrame& frame);
sf::VertexArray build_fields_of_view(const camp::CampLayout& layout, const camp::WorldSnapshot& snapshot,
                                     const ViewFrame& frame);
sf::VertexArray build_posts(const camp::WorldSnapshot& snapshot, const ViewFrame& frame);

// A post's colour: grey when not required, red when short, green brighter with vigilance.
sf::Color post_colour(const camp::PostView& post);
// The tower a post stands in (same name, else same place), or null for gates and patrols.
const camp::Watchtower* tower_of(const camp::CampLayout& layout, const camp::PostView& post);

// The town's edge drawn west of the camp: blocks from this far west of the wall outwards. A
// picture only (assumed, no source gives it; the model has no town).
inline constexpr double kTownSetbackM = 120;

}  // namespace campsim::render
