// A person of the world is an optional<PersonId> wherever a casualty or a person crosses a
// module boundary (issue 20): the two places that still need a number say how they get one.
#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>

#include "sim/camp/core/casualty.hpp"
#include "sim/camp/core/person.hpp"

using campsim::camp::Person;
using campsim::camp::PersonId;

TEST_CASE("events.jsonl names a casualty's person by its id, and nobody as -1", "[camp][ids]") {
  CHECK(campsim::camp::logged_person(PersonId{7}) == 7);
  CHECK(campsim::camp::logged_person(PersonId{0}) == 0);  // person 0 is somebody
  CHECK(campsim::camp::logged_person(std::nullopt) == -1);
}

TEST_CASE("a person's random stream is keyed by the id, a hand-made one by the caller's fallback", "[camp][ids]") {
  Person world_person;
  world_person.person = PersonId{42};
  CHECK(campsim::camp::stream_entity(world_person, 3) == 42);
  Person listed;  // of a hand-made list: no id
  CHECK_FALSE(listed.person.has_value());
  CHECK(campsim::camp::stream_entity(listed, 3) == 3);
  CHECK(campsim::camp::stream_entity(listed, ~std::uint64_t{0}) == ~std::uint64_t{0});
}
