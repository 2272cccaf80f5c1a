#include "sim/camp/fight/sighting.hpp"

namespace campsim::fight {

void Sightings::set(FighterId observer, FighterId target, bool known, std::size_t fighters) {
  auto& row = known_[observer.value];
  if (row.size() < fighters) row.resize(fighters, 0);
  row[target.value] = known ? 1 : 0;
}

double exposure(const FireParams& fire, Posture p) {
  switch (p) {
    case Posture::Standing: return fire.exposure_standing;
    case Posture::InCover: return fire.exposure_in_cover;
    case Posture::Booth: return fire.exposure_booth;
    case Posture::Vehicle: return fire.exposure_vehicle;
    case Posture::Indoors: return fire.exposure_in_cover;  // through a door or a window
    case Posture::Driving: return fire.exposure_driving;
  }
  return 1;
}

double visibility_to(const FightParams& params, const Terrain& terrain, const Fighter& observer, const Fighter& target,
                     double visibility) {
  const double range = observer.sight_range_m * visibility;
  // Squared distance first: most of the camp's people are out of an intruder's sight.
  const double dx = observer.position.x - target.position.x, dy = observer.position.y - target.position.y;
  if (dx * dx + dy * dy > range * range) return 0;
  const double d = camp::distance(observer.position, target.position);
  if (d > range) return 0;
  if (target.posture == Posture::Indoors && d > params.sight.indoor_reach_m) return 0;
  if (!in_field_of_view(observer.position, observer.facing_deg, observer.field_of_view_deg, target.position)) return 0;
  const Sight sight = line_of_sight(terrain, Eye{observer.position, observer.eye_height_m}, target.position,
                                    params.sight.target_height_m);
  return sight.clear ? sight.transmission : 0;
}

}  // namespace campsim::fight
