#pragma once
// The fixed obstacles agents walk between: walls (the camp perimeter, barriers, buildings'
// sides) as line segments, and gates as openings that are open or closed. A closed gate is a
// wall; an open gate is nothing at all. Opening or closing a gate is cheap (one byte) and
// takes effect at the next step.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "sim/crowd/crowd_types.hpp"

namespace campsim::crowd {

struct Barrier {
  Segment segment;
  std::optional<GateId> gate;  // none for a plain wall
};

class CrowdGeometry {
 public:
  WallId add_wall(Point2 a, Point2 b);
  GateId add_gate(Point2 a, Point2 b, bool open);
  // Closed polygon of walls through the points (last joined to first).
  void add_wall_loop(std::span<const Point2> corners);

  void set_gate_open(GateId gate, bool open);
  bool gate_open(GateId gate) const;
  std::size_t gate_count() const { return gate_open_.size(); }

  // Every wall and gate, in the order added. A barrier blocks when it is a wall or a closed gate.
  std::span<const Barrier> barriers() const { return barriers_; }
  bool blocks(const Barrier& barrier) const {
    return !barrier.gate || gate_open_[barrier.gate->value] == 0;
  }
  std::span<const std::uint8_t> gate_states() const { return gate_open_; }

 private:
  std::vector<Barrier> barriers_;
  std::vector<std::uint8_t> gate_open_;  // per gate: 1 open, 0 closed
  std::uint32_t wall_count_ = 0;
};

}  // namespace campsim::crowd
