#include "sim/camp/core/event_kinds.hpp"

namespace campsim::camp {

std::string_view event_kind_name(EventKind kind) {
  switch (kind) {
    case EventKind::UnitRotation: return "unit_rotation";
    case EventKind::NewDay: return "new_day";
    case EventKind::Roster: return "roster";
    case EventKind::DutyEnd: return "duty_end";
    case EventKind::DutyStart: return "duty_start";
    case EventKind::ThreatArrival: return "threat_arrival";
    case EventKind::Alarm: return "alarm";
    case EventKind::Impact: return "impact";
    case EventKind::Detonation: return "detonation";
    case EventKind::AllClear: return "all_clear";
    case EventKind::CasualtyOccurs: return "casualty_occurs";
    case EventKind::QrfLaunched: return "qrf_launched";
    case EventKind::QrfOnScene: return "qrf_on_scene";
    case EventKind::QrfContained: return "qrf_contained";
    case EventKind::QrfHome: return "qrf_home";
    case EventKind::TownDecides: return "town_decides";
    case EventKind::UnexplainedDecision: return "unexplained_decision";
    case EventKind::ProtestMarch: return "protest_march";
    case EventKind::ProtestAssess: return "protest_assess";
    case EventKind::MedInjured: return "med_injured";
    case EventKind::MedFirstAid: return "med_first_aid";
    case EventKind::MedRequested: return "med_requested";
    case EventKind::MedApproved: return "med_approved";
    case EventKind::MedDeath: return "med_death";
    case EventKind::MedDeparts: return "med_departs";
    case EventKind::MedOnScene: return "med_on_scene";
    case EventKind::MedLeftScene: return "med_left_scene";
    case EventKind::MedAtHospital: return "med_at_hospital";
    case EventKind::MedVehicleFree: return "med_vehicle_free";
    case EventKind::MedVehicleHome: return "med_vehicle_home";
    case EventKind::MedTriaged: return "med_triaged";
    case EventKind::MedResuscitationEnd: return "med_resuscitation_end";
    case EventKind::MedSurgeryEnd: return "med_surgery_end";
    case EventKind::MedFitToFly: return "med_fit_to_fly";
    case EventKind::MedBedEnd: return "med_bed_end";
    case EventKind::MedHelicopterBack: return "med_helicopter_back";
    case EventKind::MedShiftChange: return "med_shift_change";
    case EventKind::MedTeamArrives: return "med_team_arrives";
    case EventKind::MedSurgeReady: return "med_surge_ready";
    case EventKind::MedRoutineArrival: return "med_routine_arrival";
    case EventKind::MedMinorTreatmentEnd: return "med_minor_treatment_end";
    case EventKind::MedExternalIncident: return "med_external_incident";
    case EventKind::MedExternalArrival: return "med_external_arrival";
    case EventKind::Sample: return "sample";
    case EventKind::Count_: break;
  }
  return "unknown";
}

}  // namespace campsim::camp
