#pragma once
// People, vehicles, impacts and incidents as vertex arrays: one array and one draw call per
// layer, however many agents (10,000 moving must stay smooth, 100,000 usable: docs/performance.md).
#include <optional>

#include <SFML/Graphics/VertexArray.hpp>

#include "render/scene.hpp"

namespace campsim::render {

// Side of a person's marker in pixels at this zoom: about 1.5 m, never below 3 px nor above 7.
float person_marker_px(const ViewFrame& frame);

// Fill by role; a rim by activity (white on post, yellow moving, grey sheltered); the wounded red
// and the dead black whatever their role; asleep and at home drawn darker.
void build_people(sf::VertexArray& out, const camp::WorldSnapshot& snapshot, const ViewFrame& frame);
sf::VertexArray build_vehicles(const camp::WorldSnapshot& snapshot, const ViewFrame& frame);
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
