#pragma once
// One alarm's runners on the crowd kernel (shelter_crowd.hpp): who is running to which bunker,
// where the kernel has them, and the people standing in a door's queue, who still take room in
// the kernel (standing, desired speed 0), so runners arriving behind them stop short and those
// sent on leave from where they stood. The kernel is built for the first runner and dropped
// when the last agent leaves it.
//
// The movement step is the kernel's: double-buffered, every runner's next position computed
// from the current positions only (TBB chunks), the same bytes on any thread count.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "sim/camp/layout.hpp"
#include "sim/crowd/crowd_world.hpp"
#include "sim/engine/parallel.hpp"
#include "sim/engine/sim_time.hpp"

namespace campsim::camp {

using engine::SimTime;

class BunkerRunners {
 public:
  struct Movers {  // struct of arrays; slot order = order of joining, kept stable
    std::vector<float> x, y;        // where the kernel put them at the end of the last step
    std::vector<float> goal_x, goal_y, speed;
    std::vector<double> start;      // when they set off (alarm + reaction)
    std::vector<std::uint32_t> person;
    std::vector<BunkerId> bunker;   // heading for this bunker
    std::vector<crowd::CrowdAgentId> agent;  // in the kernel
    std::vector<std::uint8_t> running;       // set off: the kernel has their running speed
    void push(std::uint32_t who, Point from, Point goal, float v, double when, BunkerId to_bunker, crowd::CrowdAgentId id);
    // Takes out the movers at `slots` (ascending), the others keeping their order.
    void erase(std::span<const std::uint32_t> slots);
    std::size_t size() const { return person.size(); }
  };

  // Room for persons up to n - 1.
  void grow(std::size_t people) { queued_agent_.resize(people); }
  const Movers& movers() const { return movers_; }
  // The person sets off from `from` for the bunker at `goal`, standing still until `when` (the
  // reaction time), then at `speed`. Someone sent on from a full bunker's door keeps the agent
  // that stood there.
  void join(std::uint32_t person, Point from, Point goal, float speed, double when, BunkerId bunker,
            const CampLayout& layout, double body_radius_m);
  // Mover `slot` reached its door: stays in the kernel, standing, until let in or sent on.
  void stand_at_door(std::size_t slot);
  // Takes mover `slot` out of the movers and the kernel.
  void drop(std::size_t slot);
  // As stand_at_door and drop, but the slot stays in the movers until close_up(), which takes
  // every marked slot out at once: a pass over the movers that lets many leave moves each run
  // of staying movers once, not once per leaver (World::settle; issue 25).
  void stand_at_door_marked(std::size_t slot);
  void drop_marked(std::size_t slot);
  void close_up();
  // Takes the person out of the movers, if running.
  void stop(std::uint32_t person);
  // Takes a person standing in a door's queue out of the kernel (let in, sent on, or stopped).
  void release_queued(std::uint32_t person);
  // Every mover steps for `dt` seconds from `now` in pieces of at most `movement_step`; returns
  // the position updates done (movers times pieces).
  std::uint64_t step(SimTime now, SimTime dt, SimTime movement_step, engine::Parallelism& parallelism);
  // Every mover's position, by person (empty when nobody moves; `people` entries otherwise).
  std::vector<Point> positions(std::size_t people) const;
  // The mover's position; nothing for someone not running.
  std::optional<Point> position_of(std::uint32_t person) const;

 private:
  // The last agent out of the kernel drops it.
  void release_agent(crowd::CrowdAgentId id);

  Movers movers_;
  std::vector<std::uint32_t> leaving_;  // slots marked to leave, ascending
  std::unique_ptr<crowd::CrowdWorld> crowd_;  // this alarm's runners and queues; null when empty
  std::vector<std::optional<crowd::CrowdAgentId>> queued_agent_;  // per person
};

}  // namespace campsim::camp
