#pragma once
// A batch over a design, written by hand, whose answer is known (tests of the "over the design"
// analysis): 8 points, two factors, two policies, 10 replications.
//   qrf.notice_to_move_day          2min .. 9min at points 0..7
//   medical.first_aid.buddy_aid_share 0.41 .. 0.48 in the order 1,4,6,7,8,5,3,2 (rank correlation 0
//                                     with the notice: sum of squared rank differences 84 = n (n^2 - 1) / 6)
//   medical.died_of_wounds          reference 5 + r mod 4; the policy adds 2.75 - 0.5 * minutes
//                                   + 0.1 ((r mod 3) - 1): mean difference 1.74, 1.24, ..., -1.76
#include <filesystem>
#include <fstream>
#include <string>

namespace campsim::testing {

inline void write_design_batch(const std::filesystem::path& dir) {
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const int buddy_order[8] = {1, 4, 6, 7, 8, 5, 3, 2};
  std::string points;
  for (int i = 0; i < 8; ++i)
    points += std::string(i ? "," : "") + "{\"design_point\": " + std::to_string(i) + ", \"settings\": {\"qrf.notice_to_move_day\": \"" +
              std::to_string(i + 2) + "min\", \"medical.first_aid.buddy_aid_share\": \"0." + std::to_string(40 + buddy_order[i]) +
              "\"}}";
  std::ofstream(dir / "batch.json") << "{\"scenario\": \"s.yaml\", \"replications\": 10, \"seed\": 1, "
                                       "\"policies\": [{\"name\": \"today\"}, {\"name\": \"pre_authorized\"}], "
                                       "\"design\": {\"kind\": \"nolh\", \"points\": [" + points + "]}}";
  std::ofstream results(dir / "results.csv");
  results << "design_point,policy,replication,seed,qrf.notice_to_move_day,medical.first_aid.buddy_aid_share,medical.died_of_wounds\n";
  for (int i = 0; i < 8; ++i)
    for (int p = 0; p < 2; ++p)
      for (int r = 0; r < 10; ++r) {
        const double reference = 5 + r % 4;
        const double value = p == 0 ? reference : reference + 2.75 - 0.5 * (i + 2) + 0.1 * ((r % 3) - 1);
        results << i << "," << (p ? "pre_authorized" : "today") << "," << r << ",1," << i + 2 << "min,0." << 40 + buddy_order[i]
                << "," << value << "\n";
      }
}

}  // namespace campsim::testing
