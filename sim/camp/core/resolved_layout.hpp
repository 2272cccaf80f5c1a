#pragma once
// The names a scenario gives to the layout's objects, turned into typed ids once, when the run is
// set up from the loaded scenario (resolve_layout, sim/camp/resolve_layout.cpp). The scenario
// loader has already refused every name that names nothing, with its file and line; while a run
// goes on, no module looks a gate, a tower, a zone or a road node up by name.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "sim/camp/guard_params.hpp"
#include "sim/camp/layout.hpp"

namespace campsim::camp {

// A patrol's route, from its first road node (where the post is said to stand) to its last.
struct PatrolRoute {
  std::vector<RoadNodeId> nodes;
  bool operator==(const PatrolRoute&) const = default;
};

// Where a post stands: at a tower, at a gate, or along a patrol route (PostKind says which).
using PostPlace = std::variant<TowerId, GateId, PatrolRoute>;

// The road nodes the medical chain uses: medical.ambulances.hospital_node and gate_node, and
// medical.first_aid.responder_posts.
struct MedicalSites {
  RoadNodeId hospital;
  std::optional<RoadNodeId> gate;      // named only when an ambulance is stationed at the main gate
  std::vector<RoadNodeId> responders;  // first responders' posts (the hospital when none are named)
};

struct ResolvedLayout {
  std::vector<PostPlace> posts;        // per GuardParams::posts, in the same order
  std::vector<Point> post_positions;   // where each stands (post_positions below)
  RoadNodeId qrf_base;                 // where the QRF's teams wait
  std::vector<GateId> bomb_gates;      // the vehicle bomb's candidate gates (every gate when none is named)
  std::optional<GateId> protest_gate;  // the gate protesters march to, when the scenario has protests
  std::optional<MedicalSites> medical; // the medical chain's road nodes, when the scenario runs the chain
};

// Look-ups by name, for the resolution and the loader's checks only.
std::optional<GateId> find_gate(const CampLayout& layout, const std::string& name);
std::optional<TowerId> find_tower(const CampLayout& layout, const std::string& name);

// Each post's place. A name that names nothing is std::invalid_argument naming the post: the
// loader refuses it first (guard_reader.cpp), so only a model assembled by hand gets here.
std::vector<PostPlace> resolve_posts(const CampLayout& layout, const std::vector<Post>& posts);

// Where each post stands on the map: its tower or gate, or the first node of its patrol route.
std::vector<Point> post_positions(const CampLayout& layout, const std::vector<PostPlace>& places);

}  // namespace campsim::camp
