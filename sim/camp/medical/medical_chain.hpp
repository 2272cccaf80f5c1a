#pragma once
// The medical chain as a discrete-event model of its own: from each casualty's injury through
// first aid, the CASEVAC request and its approval, the ambulance, the Level 2 hospital
// (triage, resuscitation bays, operating tables and teams on shifts, ICU and ward beds) to
// discharge, air evacuation to Level 3, or death of wounds. Routine (non-combat) admissions
// share the hospital's tables and beds.
//
// It runs after the camp's main loop, on the casualties and incidents that loop produced: the
// chain does not act back on guards or attackers (a wounded sentry's post is not re-manned
// differently), so running it afterwards gives exactly what running it alongside would. It
// runs alone too: give it no casualties and it models the hospital's routine load, or give it a
// hand-made list. It continues past `end` until every patient has left, so a casualty of the
// last hour is still followed to its outcome; occupancy and queue averages cover [0, end].
//
// Random numbers: one stream per purpose and entity (casualty, incident, patient, vehicle
// trip), so two policies differing only in, say, the approval chain see the same injuries, the
// same first aid and the same surgery times (common random numbers).
#include <cstdint>
#include <vector>

#include "sim/camp/layout.hpp"
#include "sim/camp/medical/care_record.hpp"
#include "sim/camp/medical/care_resource.hpp"
#include "sim/camp/medical/medical_params.hpp"
#include "sim/camp/threats/incident.hpp"
#include "sim/camp/threats/qrf.hpp"
#include "sim/engine/event_log.hpp"

namespace campsim::camp {

struct MedicalRunConfig {
  std::uint64_t seed = 1;
  std::uint64_t replication = 0;
  SimTime start_time_of_day = 0;
  SimTime end = 30 * engine::kDay;  // routine admissions stop; averages are over [0, end]
};

struct AmbulanceStats {
  long trips = 0;
  long crew_call_ins = 0;
  double busy_seconds = 0;  // summed over vehicles, from tasking to back at the station (within [0, end])
  int vehicles = 0;
};

struct MedicalOutcome {
  std::vector<CareRecord> casualties;   // one per input casualty, same order
  long routine_admissions = 0;
  long routine_surgeries = 0;
  int mass_casualty_declarations = 0;
  AmbulanceStats ambulances;
  // resuscitation_bays, operating_tables, icu_beds, ward_beds, helicopters (in that order)
  std::vector<CareResourceStats> resources;
  SimTime last_event = 0;  // when the last patient left
};

// `qrf` gives the escort's notice to move for trips outside the camp. `log`, if given, receives
// one record per step of every casualty (and per routine admission and discharge).
MedicalOutcome run_medical_chain(const MedicalParams& params, const CampLayout& layout, const QrfParams& qrf,
                                 const std::vector<Casualty>& casualties, const std::vector<Incident>& incidents,
                                 const MedicalRunConfig& config, engine::EventLog* log = nullptr);

}  // namespace campsim::camp
