#pragma once
// Vehicles, impacts, incidents and the selection as vertex arrays: one array and one draw call
// per layer. People are drawn by PeopleLayer (people_layer.hpp).
#include <optional>

#include <SFML/Graphics/VertexArray.hpp>

#include "render/scene.hpp"

namespace campsim::render {

sf::VertexArray build_vehicles(const camp::WorldSnapshot& snapshot, const ViewFrame& frame);
// Everyone in a fight: intruders as triangles, the QRF on foot as diamonds, sentries firing as
// squares; a yellow rim while firing, grey when down, black when killed.
sf::VertexArray build_combatants(const camp::WorldSnapshot& snapshot, const ViewFrame& frame);
// Blast radii (true scale) fading out over kImpactFade after the impact, and a ring on each open
// incident's place.
sf::VertexArray build_impacts_and_incidents(const camp::WorldSnapshot& snapshot, engine::SimTime now,
                                            const ViewFrame& frame);
// A ring round whatever is selected.
sf::VertexArray build_selection(const camp::CampLayout& layout, const camp::WorldSnapshot& snapshot,
                                const Selection& selection, const ViewFrame& frame);

inline constexpr engine::SimTime kImpactFade = 10 * engine::kMinute;

// Where the selected object is now, if it still exists.
std::optional<camp::Point> selection_position(const camp::WorldSnapshot& snapshot, const Selection& selection);

}  // namespace campsim::render
