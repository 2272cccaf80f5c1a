#pragma once
// A multi-server queue: c identical servers (operating tables with their teams, resuscitation
// bays, ...), patients served to completion (non-preemptive), in order of arrival or, optionally,
// by triage category first (Immediate, then Delayed, then Minimal, then Killed) and arrival
// within a category. Given arrival and service times it returns each patient's wait, start and
// departure and the queue's time-averaged occupancy. Deterministic: ties in arrival time are
// broken by input order, and an arriving patient takes the idle server that has been free longest
// (lowest index among equals). No random draws: callers draw the arrivals and service times.
//
// It is the core the Level 2 hospital model will build on, and the piece docked against M/M/c
// theory (Erlang C) and Little's law in tests/camp/medical/test_hospital_queue.cpp.
#include <optional>
#include <vector>

#include "sim/camp/core/casualty.hpp"
#include "sim/engine/sim_time.hpp"

namespace campsim::camp {

struct QueueArrival {
  SimTime arrival = 0;
  SimTime service = 0;  // seconds of service once started; negative counts as 0
  Triage triage = Triage::Delayed;
};

struct QueueOptions {
  int servers = 1;  // at least 1
  bool priority_by_triage = false;
  // Window for the time averages; default [first arrival, last departure].
  std::optional<SimTime> observe_from, observe_until;
};

struct QueuedPatient {
  SimTime arrival = 0, start = 0, departure = 0;
  SimTime wait = 0;  // start - arrival
  int server = 0;
};

struct QueueResult {
  std::vector<QueuedPatient> patients;  // in input order
  SimTime observe_from = 0, observe_until = 0;
  // Time averages over [observe_from, observe_until]:
  double mean_in_system = 0;  // L: number waiting or in service
  double mean_in_queue = 0;   // Lq: number waiting
  double mean_busy = 0;       // number of servers busy (utilisation = mean_busy / servers)
  // Over all patients:
  double mean_wait = 0;            // Wq
  double mean_time_in_system = 0;  // W
  int max_in_queue = 0;
  int max_in_system = 0;
};

// Throws std::invalid_argument if servers < 1 or a time is not finite.
QueueResult run_queue(const std::vector<QueueArrival>& arrivals, const QueueOptions& options);

}  // namespace campsim::camp
