#pragma once
// A counted resource of the medical chain (resuscitation bays, operating tables with their
// teams, ICU and ward beds, helicopters): `capacity` patients at once, the others wait in order
// of priority (lower first) then of request. Capacity may change while patients are being
// served (a shift ends, an on-call team arrives); a drop never interrupts anyone, it only stops
// new starts until enough have finished.
//
// It keeps the time integrals a planner asks for (mean occupancy, mean queue, utilisation) over
// an observation window, and per-patient waits, so Little's law L = lambda W can be checked.
// No random draws and no clock of its own: the caller passes `now` and starts the service.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/engine/sim_time.hpp"

namespace campsim::camp {

using engine::SimTime;

struct CareResourceStats {
  std::string name;
  int capacity = 0;            // nominal (at the start)
  long requests = 0;           // arrivals (all, the window only clips the integrals)
  long served = 0;             // services started
  long abandoned = 0;          // left the queue before service (died, or sent elsewhere)
  double wait_total = 0;       // sum of waits of served patients, seconds
  double wait_max = 0;
  double sojourn_total = 0;    // sum of (departure - arrival) of those who departed
  long departed = 0;
  double busy_integral = 0;    // integral of busy servers over the window, server-seconds
  double queue_integral = 0;   // integral of the queue length
  double in_system_integral = 0;
  double capacity_integral = 0;  // integral of the capacity (staffed servers)
  int max_queue = 0;
  SimTime window = 0;          // length of the observation window

  double mean_wait() const { return served > 0 ? wait_total / static_cast<double>(served) : 0.0; }
  double mean_busy() const { return window > 0 ? busy_integral / window : 0.0; }
  double mean_queue() const { return window > 0 ? queue_integral / window : 0.0; }
  double mean_in_system() const { return window > 0 ? in_system_integral / window : 0.0; }
  double utilisation() const { return capacity_integral > 0 ? busy_integral / capacity_integral : 0.0; }
};

class CareResource {
 public:
  CareResource(std::string name, int capacity, SimTime observe_until);

  // Asks for a server. Returns true if service starts now; false if the patient waits.
  bool request(int patient, int priority, SimTime now);
  // A served patient leaves. Returns the patients who start now (in order), at most one unless
  // capacity rose meanwhile.
  std::vector<int> release(int patient, SimTime now);
  // A waiting patient leaves the queue (died). Returns false if it was not waiting.
  bool withdraw(int patient, SimTime now);
  // New staffed capacity. Returns the waiting patients who can start now.
  std::vector<int> set_capacity(int capacity, SimTime now);

  int capacity() const { return capacity_; }
  int busy() const { return static_cast<int>(in_service_.size()); }
  int waiting() const { return static_cast<int>(queue_.size()); }
  bool is_waiting(int patient) const;
  // The waiting patients in the order they would be served (priority, then request).
  std::vector<int> waiting_in_order() const;
  bool is_served(int patient) const;
  // Closes the window at observe_until (call once, after the last event).
  CareResourceStats finish();

 private:
  struct Waiting {
    int patient;
    int priority;
    std::uint64_t order;
    SimTime since;
  };
  struct InService {
    int patient;
    SimTime arrived;
  };
  void advance(SimTime now);
  std::vector<int> start_waiting(SimTime now);

  CareResourceStats stats_;
  int capacity_;
  SimTime observe_until_;
  SimTime last_ = 0;
  std::uint64_t next_order_ = 0;
  std::vector<Waiting> queue_;
  std::vector<InService> in_service_;
};

}  // namespace campsim::camp
