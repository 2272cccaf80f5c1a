#pragma once
// The camp layout as JSON and back, so a recording carries the map it was made on and plays back
// without the scenario file (which may have changed since). Numbers keep every bit (nlohmann
// writes the shortest text that reads back to the same double).
#include <nlohmann/json.hpp>

#include "sim/camp/layout.hpp"

namespace campsim::io {

nlohmann::ordered_json layout_to_json(const camp::CampLayout& layout);
// Throws RecordingError when a field is missing or has the wrong type.
camp::CampLayout layout_from_json(const nlohmann::json& json);

}  // namespace campsim::io
