#include "sim/camp/medical/care_record.hpp"

namespace campsim::camp {

std::string_view death_place_name(DeathPlace place) {
  switch (place) {
    case DeathPlace::None: return "";
    case DeathPlace::BeforePickup: return "before_pickup";
    case DeathPlace::InTransit: return "in_transit";
    case DeathPlace::AtHospital: return "at_hospital";
  }
  return "";
}

std::string_view first_aid_by_name(FirstAidBy by) {
  switch (by) {
    case FirstAidBy::None: return "";
    case FirstAidBy::Buddy: return "buddy";
    case FirstAidBy::Responder: return "responder";
    case FirstAidBy::AmbulanceCrew: return "ambulance_crew";
    case FirstAidBy::Hospital: return "hospital";
  }
  return "";
}

}  // namespace campsim::camp
