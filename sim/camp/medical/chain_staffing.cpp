// The hospital's staff: day and night shifts (surgical teams on duty, the others on call at
// night), the on-call team called in when a second table is needed at night, and the
// mass-casualty plan (every team in, extra bays) declared when enough patients wait at once.
#include <algorithm>
#include <cmath>

#include "sim/camp/medical/chain_coordinator.hpp"

namespace campsim::camp {

void Hospital::staff() {
  const HospitalParams& h = ctx_.p.hospital;
  const bool night = ctx_.is_night(ctx_.now());
  int teams = night ? h.surgical_teams_night + on_call_arrived_ : h.surgical_teams_day;
  int bays = h.resuscitation_bays;
  if (surge_ready_) {
    teams = std::max(teams, std::max(h.surgical_teams_day, h.surgical_teams_night));
    bays += h.surge_bays;
  }
  using R = HospitalResource;
  const SimTime now = ctx_.now();
  // A team needs a table: the tables a hit left, then as many as there are teams (a lost table
  // does not send a team home, nor close the theatre at night while one table stands).
  start_all(R::OperatingTables,
            resource(R::OperatingTables).set_capacity(std::min(capacity_left(R::OperatingTables, h.operating_tables), teams), now));
  start_all(R::ResuscitationBays, resource(R::ResuscitationBays).set_capacity(capacity_left(R::ResuscitationBays, bays), now));
}

void Hospital::call_on_call_team() {
  const HospitalParams& h = ctx_.p.hospital;
  if (!ctx_.is_night(ctx_.now()) || surge_declared_) return;
  const int on_call = std::max(0, h.surgical_teams_day - h.surgical_teams_night);
  const int staffed = h.surgical_teams_night + on_call_called_;
  if (on_call_called_ >= on_call || staffed >= capacity_left(HospitalResource::OperatingTables, h.operating_tables)) return;
  ++on_call_called_;
  ctx_.at(ctx_.now() + h.team_call_in, EventKind::MedTeamArrives, 0);
}

void Hospital::check_mass_casualty() {
  if (surge_declared_) return;
  const int waiting = resource(HospitalResource::ResuscitationBays).waiting() +
                      resource(HospitalResource::OperatingTables).waiting();
  if (waiting < ctx_.p.hospital.mass_casualty_threshold) return;
  surge_declared_ = true;
  ++mass_casualty_declarations_;
  ctx_.at(ctx_.now() + ctx_.p.hospital.team_call_in, EventKind::MedSurgeReady, 0);
  ctx_.log("mass_casualty_declared", {{"waiting", std::int64_t{waiting}}});
}

void Hospital::on_shift_change(bool day_starts) {
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
}

// Shift changes follow the clock: the first of each is at its next time of day after the start.
void ChainCoordinator::start_shifts() {
  const StaffShift& s = ctx_.p.hospital.shifts;
  const SimTime tod0 = engine::time_of_day(ctx_.config.start_time_of_day, 0);
  auto next = [&](SimTime at_tod) { return std::fmod(at_tod - tod0 + engine::kDay, engine::kDay); };
  ctx_.at(next(s.day_start), EventKind::MedShiftChange, 0);
  ctx_.at(next(s.night_start), EventKind::MedShiftChange, 1);
  apply_staffing();
}

void ChainCoordinator::apply_staffing() {
  hospital_.staff();
  air_.staff();
}

void ChainCoordinator::on_shift_change(bool day_starts) {
  hospital_.on_shift_change(day_starts);
  apply_staffing();
  // Shifts go on while anyone is still in the chain, but not for ever: a patient waiting for a
  // flight that never comes (every day grounded) stays where it is once the drain limit passes.
  const SimTime now = ctx_.now(), end = ctx_.config.end;
  const bool draining = now >= end + kDrainLimit;
  if (now < end || (patients_.active() > 0 && !draining)) ctx_.at(now + engine::kDay, EventKind::MedShiftChange, day_starts ? 0 : 1);
}

}  // namespace campsim::camp
