#include "sim/crowd/crowd_geometry.hpp"

#include <cmath>
#include <stdexcept>

namespace campsim::crowd {

namespace {
void check_finite(Point2 a, Point2 b) {
  if (!std::isfinite(a.x) || !std::isfinite(a.y) || !std::isfinite(b.x) || !std::isfinite(b.y))
    throw std::invalid_argument("CrowdGeometry: segment end points must be finite");
}
}  // namespace

WallId CrowdGeometry::add_wall(Point2 a, Point2 b) {
  check_finite(a, b);
  barriers_.push_back(Barrier{Segment{a, b}, std::nullopt});
  return WallId{wall_count_++};
}

GateId CrowdGeometry::add_gate(Point2 a, Point2 b, bool open) {
  check_finite(a, b);
  const GateId gate{static_cast<std::uint32_t>(gate_open_.size())};
  gate_open_.push_back(open ? 1 : 0);
  barriers_.push_back(Barrier{Segment{a, b}, gate});
  return gate;
}

void CrowdGeometry::add_wall_loop(std::span<const Point2> corners) {
  for (std::size_t i = 0; i < corners.size(); ++i) add_wall(corners[i], corners[(i + 1) % corners.size()]);
}

void CrowdGeometry::set_gate_open(GateId gate, bool open) {
  if (gate.value >= gate_open_.size()) throw std::out_of_range("CrowdGeometry: no such gate");
  gate_open_[gate.value] = open ? 1 : 0;
}

bool CrowdGeometry::gate_open(GateId gate) const {
  if (gate.value >= gate_open_.size()) throw std::out_of_range("CrowdGeometry: no such gate");
  return gate_open_[gate.value] != 0;
}

}  // namespace campsim::crowd
