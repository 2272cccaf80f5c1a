#include "sim/recording/layout_json.hpp"

#include <array>
#include <string_view>
#include <utility>

#include "sim/io/byte_stream.hpp"

namespace campsim::io {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

constexpr std::array<std::pair<camp::ZoneKind, std::string_view>, 8> kZoneKinds{{
    {camp::ZoneKind::Accommodation, "accommodation"},
    {camp::ZoneKind::Headquarters, "headquarters"},
    {camp::ZoneKind::Hospital, "hospital"},
    {camp::ZoneKind::Helipad, "helipad"},
    {camp::ZoneKind::Airfield, "airfield"},
    {camp::ZoneKind::Logistics, "logistics"},
    {camp::ZoneKind::Motorpool, "motorpool"},
    {camp::ZoneKind::Other, "other"},
}};

ordered_json point(camp::Point p) { return ordered_json::array({p.x, p.y}); }
camp::Point point(const json& j) { return {j.at(0).get<double>(), j.at(1).get<double>()}; }

ordered_json polygon(const std::vector<camp::Point>& points) {
  ordered_json out = ordered_json::array();
  for (camp::Point p : points) out.push_back(point(p));
  return out;
}
std::vector<camp::Point> polygon(const json& j) {
  std::vector<camp::Point> out;
  for (const json& p : j) out.push_back(point(p));
  return out;
}

}  // namespace

ordered_json layout_to_json(const camp::CampLayout& layout) {
  ordered_json out;
  out["perimeter"] = polygon(layout.perimeter);
  out["gates"] = ordered_json::array();
  for (const camp::Gate& g : layout.gates)
    out["gates"].push_back({{"name", g.name}, {"position", point(g.position)}, {"barrier", g.barrier}, {"chicane", g.chicane}});
  out["towers"] = ordered_json::array();
  for (const camp::Watchtower& t : layout.towers)
    out["towers"].push_back({{"name", t.name},
                             {"position", point(t.position)},
                             {"facing_deg", t.facing_deg},
                             {"field_of_view_deg", t.field_of_view_deg},
                             {"range_m", t.range_m}});
  out["zones"] = ordered_json::array();
  for (const camp::Zone& z : layout.zones) {
    std::string_view kind = "other";
    for (const auto& [k, name] : kZoneKinds)
      if (k == z.kind) kind = name;
    out["zones"].push_back({{"name", z.name},
                            {"kind", kind},
                            {"polygon", polygon(z.polygon)},
                            {"occupants_day", z.occupants_day},
                            {"occupants_night", z.occupants_night},
                            {"contingent", z.contingent}});
  }
  out["bunkers"] = ordered_json::array();
  for (const camp::Bunker& b : layout.bunkers)
    out["bunkers"].push_back({{"name", b.name}, {"position", point(b.position)}, {"capacity", b.capacity}});
  out["road_nodes"] = ordered_json::array();
  for (const camp::RoadNode& n : layout.road_nodes)
    out["road_nodes"].push_back({{"name", n.name}, {"position", point(n.position)}});
  out["road_edges"] = ordered_json::array();
  for (const camp::RoadEdge& e : layout.road_edges)
    out["road_edges"].push_back({{"from", e.from.value}, {"to", e.to.value}, {"length_m", e.length_m}});
  return out;
}

camp::CampLayout layout_from_json(const json& j) {
  try {
    camp::CampLayout layout;
    layout.perimeter = polygon(j.at("perimeter"));
    for (const json& g : j.at("gates"))
      layout.gates.push_back({g.at("name"), point(g.at("position")), g.at("barrier"), g.at("chicane")});
    for (const json& t : j.at("towers"))
      layout.towers.push_back({t.at("name"), point(t.at("position")), t.at("facing_deg"), t.at("field_of_view_deg"),
                               t.at("range_m")});
    for (const json& z : j.at("zones")) {
      camp::Zone zone;
      zone.name = z.at("name");
      const std::string kind = z.at("kind");
      for (const auto& [k, name] : kZoneKinds)
        if (name == kind) zone.kind = k;
      zone.polygon = polygon(z.at("polygon"));
      zone.occupants_day = z.at("occupants_day");
      zone.occupants_night = z.at("occupants_night");
      zone.contingent = z.at("contingent");
      layout.zones.push_back(std::move(zone));
    }
    for (const json& b : j.at("bunkers")) layout.bunkers.push_back({b.at("name"), point(b.at("position")), b.at("capacity")});
    for (const json& n : j.at("road_nodes")) layout.road_nodes.push_back({n.at("name"), point(n.at("position"))});
    for (const json& e : j.at("road_edges")) layout.road_edges.push_back({camp::RoadNodeId{e.at("from").get<std::uint32_t>()}, camp::RoadNodeId{e.at("to").get<std::uint32_t>()}, e.at("length_m")});
    return layout;
  } catch (const nlohmann::json::exception& e) {
    throw RecordingError(std::string("recording: the layout in the header is incomplete: ") + e.what());
  }
}

}  // namespace campsim::io
