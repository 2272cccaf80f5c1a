#include "render/people_layer.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <SFML/Graphics/Sprite.hpp>

#include "render/palette.hpp"

namespace campsim::render {

namespace {

sf::Color darker(sf::Color c) {
  return {static_cast<sf::Uint8>(c.r * 3 / 5), static_cast<sf::Uint8>(c.g * 3 / 5), static_cast<sf::Uint8>(c.b * 3 / 5)};
}

// A marker's rim colour, or transparent for none.
sf::Color rim_of(camp::PersonActivity activity) {
  switch (activity) {
    case camp::PersonActivity::OnPost: return kRimOnPost;
    case camp::PersonActivity::Moving: return kRimMoving;
    case camp::PersonActivity::Sheltered: return kRimSheltered;
    case camp::PersonActivity::Killed: return kCasualty;  // black with the wounded's red round it
    default: return sf::Color::Transparent;
  }
}

sf::Color fill_of(const camp::PersonView& p) {
  switch (p.activity) {
    case camp::PersonActivity::Casualty: return kCasualty;
    case camp::PersonActivity::Killed: return kKilled;
    case camp::PersonActivity::Asleep:
    case camp::PersonActivity::AtHome:
    case camp::PersonActivity::OffCamp: return darker(role_colour(p.role));
    default: return role_colour(p.role);
  }
}

}  // namespace

int person_marker_px(const ViewFrame& frame) {
  return std::clamp(static_cast<int>(std::lround(1.5 * frame.scale)), 3, 7);
}

void PeopleLayer::square(int cx, int cy, int half, sf::Color colour) {
  const int w = static_cast<int>(size_.x), h = static_cast<int>(size_.y);
  const int x0 = std::max(cx - half, 0), x1 = std::min(cx + half, w - 1);
  const int y0 = std::max(cy - half, 0), y1 = std::min(cy + half, h - 1);
  if (x0 > x1 || y0 > y1) return;
  min_x_ = std::min(min_x_, x0);
  max_x_ = std::max(max_x_, x1);
  min_y_ = std::min(min_y_, y0);
  max_y_ = std::max(max_y_, y1);
  for (int y = y0; y <= y1; ++y) {
    sf::Uint8* p = &pixels_[4 * (static_cast<std::size_t>(y) * size_.x + static_cast<std::size_t>(x0))];
    for (int x = x0; x <= x1; ++x, p += 4) {
      p[0] = colour.r;
      p[1] = colour.g;
      p[2] = colour.b;
      p[3] = 255;
    }
  }
}

void PeopleLayer::draw(sf::RenderTarget& target, const camp::WorldSnapshot& snapshot, const ViewFrame& frame) {
  if (target.getSize() != size_) {
    size_ = target.getSize();
    pixels_.assign(4 * static_cast<std::size_t>(size_.x) * size_.y, 0);
    if (!texture_.create(size_.x, size_.y)) return;
    min_x_ = min_y_ = 0;
    max_x_ = max_y_ = -1;
  }
  // Clear what was painted last time.
  for (int y = min_y_; y <= max_y_; ++y)
    std::memset(&pixels_[4 * (static_cast<std::size_t>(y) * size_.x + static_cast<std::size_t>(min_x_))], 0,
                4 * static_cast<std::size_t>(max_x_ - min_x_ + 1));
  min_x_ = static_cast<int>(size_.x);
  min_y_ = static_cast<int>(size_.y);
  max_x_ = max_y_ = -1;

  // A marker of odd side 2*half+1 centred on the person's pixel; the rim one pixel wider all round.
  const int half = person_marker_px(frame) / 2;
  for (const camp::PersonView& person : snapshot.people) {
    const sf::Vector2f at = frame.to_pixels(person.position);
    const int cx = static_cast<int>(std::floor(at.x)), cy = static_cast<int>(std::floor(at.y));
    const sf::Color rim = rim_of(person.activity);
    if (rim.a > 0) square(cx, cy, half + 1, rim);
    square(cx, cy, half, fill_of(person));
  }
  // Protesters: a marker one size smaller (they stand closer than the camp's people), by state.
  for (const camp::protest::ProtesterView& p : snapshot.protest.protesters) {
    const sf::Vector2f at = frame.to_pixels(p.position);
    const sf::Color colour = p.state == camp::protest::ProtesterState::Active    ? kProtesterActive
                             : p.state == camp::protest::ProtesterState::Leaving ? kProtesterLeaving
                                                                                 : kProtesterQuiet;
    square(static_cast<int>(std::floor(at.x)), static_cast<int>(std::floor(at.y)), std::max(half - 1, 1), colour);
  }
  if (max_x_ < min_x_) return;  // nobody in view
  // Upload and draw only the rows and columns painted: the crowd seldom fills the window.
  const auto rows = static_cast<unsigned>(max_y_ - min_y_ + 1);
  texture_.update(&pixels_[4 * static_cast<std::size_t>(min_y_) * size_.x], size_.x, rows, 0, static_cast<unsigned>(min_y_));
  sf::Sprite sprite(texture_, {min_x_, min_y_, max_x_ - min_x_ + 1, static_cast<int>(rows)});
  sprite.setPosition(static_cast<float>(min_x_), static_cast<float>(min_y_));
  target.draw(sprite);
}

}  // namespace campsim::render
