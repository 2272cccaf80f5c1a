#pragma once
// Where every person of the world is at one instant, in six counts that exclude one another and
// add up to the population: the conservation columns of timeseries.csv (issue 23), so that
// nobody can be lost or counted twice without an output showing it.
#include <string>
#include <vector>

namespace campsim::camp {

struct Census {
  long present = 0;          // in the camp, fit, going about the day (on post, at work, at home)
  long away = 0;             // alive and fit but out of the camp: on the routes or in town by the
                             // schedule, or a guard unit gone home after its rotation
  long sheltering = 0;       // answering an alarm: running to a bunker, at its door, inside it,
                             // or stranded outside full ones
  long wounded_in_care = 0;  // hurt and not yet back on duty (in the medical chain's care, or off
                             // for the assumed days when the chain is not in the loop)
  long evacuated = 0;        // flown out to a Level 3 hospital: gone for the rest of the run
  long dead = 0;             // killed outright or died of wounds
  long total() const { return present + away + sheltering + wounded_in_care + evacuated + dead; }
};

// The census's timeseries.csv columns, in the order append_census_values gives them.
std::vector<std::string> census_columns();
// Appends the census's values to a sample row (no allocation once the row has its capacity).
void append_census_values(const Census& census, std::vector<double>& row);

}  // namespace campsim::camp
