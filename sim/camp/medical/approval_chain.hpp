#pragma once
// The CASEVAC dispatch approval chain: from the moment a casualty evacuation is requested until
// the Level 2 hospital's ambulance is cleared to roll. Seed 004 (l.242-248) says dispatch must be
// cleared "up the hierarchy and chain of command", that requests are usually granted but slowly,
// and that a same-nation sector commander could cut the gap. This is that latency, made explicit:
// an ordered list of approval levels, each with its own decision delay and a chance of being
// unavailable (night, radio, language) which adds an extra delay before it decides.
//
// Everything here is a parameter. The defaults (default_approval_policy) are ASSUMED: no source
// gives the number of levels or their delays; see docs/medical/core.md for the reasons.
#include <string>
#include <vector>

#include "sim/engine/distribution.hpp"
#include "sim/engine/random.hpp"
#include "sim/engine/sim_time.hpp"

namespace campsim::camp {

using engine::SimTime;

struct ApprovalLevel {
  std::string name;
  engine::Distribution delay;  // seconds from the request reaching this level to its decision
  // Chance that the level cannot decide at once (officer absent at night, radio down, no common
  // language); when it happens, unavailable_extra_delay is added to this level's delay.
  double unavailable_probability = 0;
  SimTime unavailable_extra_delay = 0;
};

// Levels in the order the request climbs them: levels[0] is the first (lowest) to decide.
struct ApprovalChain {
  std::vector<ApprovalLevel> levels;
};

struct ApprovalPolicy {
  ApprovalChain same_nation;   // the requesting unit is of the hospital's nation
  ApprovalChain other_nation;  // any other contingent
  // "Pre-authorized dispatch": the top k levels (the last k of the chain) have delegated their
  // authority, so the request is cleared once the level below them decides. Clamped to
  // [0, number of levels]; k = number of levels means dispatch on request.
  int pre_authorized_skip_levels = 0;
};

struct ApprovalStep {
  std::string name;
  bool skipped = false;      // pre-authorized: this level was not asked
  bool unavailable = false;  // the level was unavailable (its extra delay is in `delay`)
  SimTime received = 0;      // the request reached this level
  SimTime decided = 0;       // this level's decision (== received when skipped)
  SimTime delay = 0;         // decided - received: drawn delay + extra delay if unavailable
};

struct ApprovalTimeline {
  bool same_nation = false;
  SimTime requested = 0;
  SimTime approved = 0;               // requested + total_delay: the ambulance may roll
  SimTime total_delay = 0;            // the dispatch latency (first-class output)
  SimTime unavailability_delay = 0;   // the part of total_delay due to unavailable levels
  int levels_asked = 0;
  int levels_skipped = 0;
  std::vector<ApprovalStep> steps;    // one per level of the chain used, skipped ones included
};

// Walks the chain chosen by `same_nation`. Random draws: for every level of that chain, in order,
// skipped or not, one delay.sample(rng) (none for a fixed delay) then one bernoulli for
// unavailability, so a policy that skips levels sees the same draws for the levels it keeps
// (common random numbers across policies). Negative drawn delays count as 0.
ApprovalTimeline approve(const ApprovalPolicy& policy, bool same_nation, SimTime requested,
                         engine::RandomStream& rng);

// The analytic mean of total_delay: the sum over levels asked of mean(delay) + p * extra.
SimTime mean_approval_delay(const ApprovalPolicy& policy, bool same_nation);

// Today's chain as assumed (see docs/medical/core.md): other-nation requests climb the requesting
// unit's operations room, the sector joint operations centre and the hospital's national
// contingent command; same-nation requests go from the unit's operations room straight to the
// contingent command. Every number is ASSUMED.
ApprovalPolicy default_approval_policy();

// Problems with a policy (negative probabilities or delays, empty names), empty if none.
std::vector<std::string> validate_approval_policy(const ApprovalPolicy& policy);

}  // namespace campsim::camp
