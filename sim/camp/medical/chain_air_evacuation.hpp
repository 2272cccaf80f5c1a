#pragma once
// Air evacuation to Level 3: the helicopters (a CareResource), which a patient fit to fly waits
// for (none at night unless night flying is allowed, none on a day grounded by dust); the
// helicopter is away for the patient's own mission time.
#include <vector>

#include "sim/camp/medical/chain_hospital.hpp"

namespace campsim::camp {

class AirEvacuation {
 public:
  AirEvacuation(ChainContext& ctx, PatientBook& patients, Hospital& hospital);

  // Fit to fly: flies now, or waits for a helicopter (false).
  bool ask(PatientId id);
  void withdraw(PatientId id);  // a waiting patient leaves the queue (died)
  void on_helicopter_back(PatientId id);
  // Flyable helicopters now (night, dust), less a hit's losses.
  void staff();
  void lose(int count);
  const CareResource& helicopters() const { return helicopters_; }
  CareResourceStats finish() { return helicopters_.finish(); }

 private:
  bool grounded_today() const;
  bool can_fly() const;
  void fly_all(const std::vector<int>& ids);

  ChainContext& ctx_;
  PatientBook& patients_;
  Hospital& hospital_;  // frees the bed of whoever flies out
  CareResource helicopters_;
  int lost_ = 0;
};

}  // namespace campsim::camp
