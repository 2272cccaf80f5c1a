#pragma once
// Progress of a batch for the person waiting on it. On a terminal: one line redrawn in place
// ("\r") with a bar, runs done of total, runs per second and the time left. Elsewhere (a log
// file, a CI job, a pipe): a plain line at every tenth of the batch or every 10 s, whichever
// comes first, so logs stay short and readable.
#include <chrono>
#include <cstddef>
#include <ostream>

namespace campsim::batch {

class Progress {
 public:
  using Clock = std::chrono::steady_clock;

  // `already_done` rows were finished before (a resume): they count as done but not in the rate.
  Progress(std::size_t total, std::size_t already_done, std::ostream& out, bool terminal);

  void advance();  // one more run written
  void finish();   // ends the bar's line (terminal) or prints the last line

  double runs_per_second() const;
  double elapsed_seconds() const;
  std::size_t done() const { return done_; }

 private:
  void draw();
  void print_line();

  std::size_t total_, done_, started_with_;
  std::ostream& out_;
  bool terminal_;
  Clock::time_point start_, last_draw_;
  std::size_t next_tenth_ = 1;
};

}  // namespace campsim::batch
