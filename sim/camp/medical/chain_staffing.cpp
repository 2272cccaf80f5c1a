// Staff: day and night shifts (surgical teams on duty, the others on call at night), the
// on-call team called in when a second table is needed at night, and the mass-casualty plan
// (every team in, extra bays) declared when enough patients wait at once.
#include <algorithm>
#include <cmath>

#include "sim/camp/medical/chain_core.hpp"

namespace campsim::camp {

// Shift changes and the helicopters' flying windows follow the clock; the first of each is at
// its next time of day after the start.
void ChainCore::start_shifts() {
  const StaffShift& s = p_.hospital.shifts;
  const SimTime tod0 = engine::time_of_day(config_.start_time_of_day, 0);
  auto next = [&](SimTime at_tod) { return std::fmod(at_tod - tod0 + engine::kDay, engine::kDay); };
  at(next(s.day_start), EventKind::MedShiftChange, 0);
  at(next(s.night_start), EventKind::MedShiftChange, 1);
  apply_staffing();
}

// Staffed tables, open bays and flyable helicopters now; a hit's losses come off each.
void ChainCore::apply_staffing() {
  const HospitalParams& h = p_.hospital;
  const bool night = is_night(now_);
  int teams = night ? h.surgical_teams_night + on_call_arrived_ : h.surgical_teams_day;
  int bays = h.resuscitation_bays;
  if (surge_ready_) {
    teams = std::max(teams, std::max(h.surgical_teams_day, h.surgical_teams_night));
    bays += h.surge_bays;
  }
  using R = HospitalResource;
  start_all(R::OperatingTables,
            resource(R::OperatingTables).set_capacity(capacity_left(R::OperatingTables, std::min(h.operating_tables, teams)), now_));
  start_all(R::ResuscitationBays, resource(R::ResuscitationBays).set_capacity(capacity_left(R::ResuscitationBays, bays), now_));
  start_all(R::Helicopters, resource(R::Helicopters)
                                .set_capacity(capacity_left(R::Helicopters, can_fly() ? p_.air_evacuation.helicopters : 0), now_));
}

void ChainCore::call_on_call_team() {
  const HospitalParams& h = p_.hospital;
  if (!is_night(now_) || surge_declared_) return;
  const int on_call = std::max(0, h.surgical_teams_day - h.surgical_teams_night);
  const int staffed = h.surgical_teams_night + on_call_called_;
  if (on_call_called_ >= on_call || staffed >= h.operating_tables) return;
  ++on_call_called_;
  at(now_ + h.team_call_in, EventKind::MedTeamArrives, 0);
}

void ChainCore::check_mass_casualty() {
  if (surge_declared_) return;
  const int waiting = resource(HospitalResource::ResuscitationBays).waiting() +
                      resource(HospitalResource::OperatingTables).waiting();
  if (waiting < p_.hospital.mass_casualty_threshold) return;
  surge_declared_ = true;
  ++out_.mass_casualty_declarations;
  at(now_ + p_.hospital.team_call_in, EventKind::MedSurgeReady, 0);
  log("mass_casualty_declared", now_, {{"waiting", std::int64_t{waiting}}});
}

void ChainCore::on_shift_change(bool day_starts) {
  if (day_starts) {
    on_call_called_ = 0;
    on_call_arrived_ = 0;
  }
  // The surge plan stands down at a shift change once nobody waits for a bay or a table.
  if (surge_declared_ && surge_ready_ && resource(HospitalResource::ResuscitationBays).waiting() == 0 &&
      resource(HospitalResource::OperatingTables).waiting() == 0) {
    surge_declared_ = false;
    surge_ready_ = false;
  }
  apply_staffing();
  // Shifts go on while anyone is still in the chain, but not for ever: a patient waiting for a
  // flight that never comes (every day grounded) stays where it is once the drain limit passes.
  const bool draining = now_ >= config_.end + kDrainLimit;
  if (now_ < config_.end || (active_ > 0 && !draining)) at(now_ + engine::kDay, EventKind::MedShiftChange, day_starts ? 0 : 1);
}

}  // namespace campsim::camp
