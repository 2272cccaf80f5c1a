#pragma once
// The side panel: simulated date and time, speed, open incidents with elapsed times, vehicles'
// states, the hospital's queues and beds, 10-1-2 counters, charts of the last hours, what is
// selected, the tail of the log, and (playback) the timeline.
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>

#include "render/fonts.hpp"
#include "render/scene.hpp"

namespace campsim::render {

void draw_side_panel(sf::RenderTarget& target, const Fonts& fonts, const Scene& scene, sf::FloatRect area);

// Where the playback timeline is drawn in a panel occupying `area`, so clicks can seek.
sf::FloatRect timeline_area(sf::FloatRect area);
// The time a click at x in the timeline stands for.
engine::SimTime timeline_time(const Scene& scene, sf::FloatRect area, float x);

// Where the clock text is drawn (tests look there for it changing).
sf::FloatRect clock_area(sf::FloatRect area);

}  // namespace campsim::render
