#pragma once
// The names of a batch directory's growing files (results_file.hpp writes them, resume_check.hpp
// checks them, merge.cpp joins them).

namespace campsim::batch {

inline constexpr const char* kResultsFile = "results.csv";
inline constexpr const char* kCareFile = "care.csv";

}  // namespace campsim::batch
