#pragma once
// A protest as a snapshot shows it: plain data, no references into the model.
#include <cstdint>
#include <optional>
#include <vector>

#include "sim/camp/geometry.hpp"
#include "sim/camp/core/crowd_levels.hpp"

namespace campsim::camp::protest {

// The state byte each protester carries in the crowd kernel.
enum class ProtesterState : std::uint8_t { Quiet = 0, Active = 1, Leaving = 2 };

struct ProtesterView {
  Point position;
  ProtesterState state = ProtesterState::Quiet;
};

// The formed police unit's line behind the gate, where the model stands it (gate_crowd.hpp's
// police_places): from its first officer to its last. No officers: no line.
struct PoliceLineView {
  Point from, to;
  int officers = 0;  // standing: those at the gate less those hurt
};

struct ProtestView {
  bool live = false;
  std::optional<int> id;  // the protest shown (the last one once it is over); none before the first
  CrowdLevel level = CrowdLevel::dispersed;
  ForceAction action = ForceAction::none;
  Point gate;
  int at_gate = 0;         // standing within a throw of the gate
  int active = 0;
  double legitimacy = 0;   // the force's, in the town's eyes
  PoliceLineView police;   // while a protest is live
  std::vector<ProtesterView> protesters;  // every agent, ascending id
};

}  // namespace campsim::camp::protest
