#include "sim/batch/progress.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

namespace campsim::batch {

namespace {

constexpr std::chrono::milliseconds kRedraw{200};  // terminal: often enough to look alive
constexpr std::chrono::seconds kPlainEvery{10};    // logs: at least this often
constexpr int kBarWidth = 30;

std::string clock_text(double seconds) {
  if (!(seconds >= 0) || seconds > 1e7) return "?";
  const long s = static_cast<long>(seconds + 0.5);
  return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60) : fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

Progress::Progress(std::size_t total, std::size_t already_done, std::ostream& out, bool terminal)
    : total_(total), done_(already_done), started_with_(already_done), out_(out), terminal_(terminal),
      start_(Clock::now()), last_draw_(start_) {
  while (total_ > 0 && next_tenth_ <= 10 && done_ * 10 >= next_tenth_ * total_) ++next_tenth_;
  if (terminal_) draw();
}

double Progress::elapsed_seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

double Progress::runs_per_second() const {
  const double elapsed = elapsed_seconds();
  return elapsed > 0 ? static_cast<double>(done_ - started_with_) / elapsed : 0.0;
}

void Progress::advance() {
  ++done_;
  const auto now = Clock::now();
  if (terminal_) {
    if (now - last_draw_ >= kRedraw || done_ == total_) {
      last_draw_ = now;
      draw();
    }
    return;
  }
  bool crossed = false;
  while (next_tenth_ <= 10 && done_ * 10 >= next_tenth_ * total_) {
    ++next_tenth_;
    crossed = true;
  }
  if (crossed || now - last_draw_ >= kPlainEvery) {
    last_draw_ = now;
    print_line();
  }
}

void Progress::finish() {
  if (terminal_) {
    if (done_ != total_) draw();  // a complete bar was drawn by the last advance()
    out_ << "\n";
  }
  out_.flush();
}

void Progress::draw() {
  const double share = total_ ? static_cast<double>(done_) / static_cast<double>(total_) : 1.0;
  const int filled = static_cast<int>(share * kBarWidth);
  const double rate = runs_per_second();
  const double left = rate > 0 ? static_cast<double>(total_ - done_) / rate : -1;
  fmt::print(out_, "\r[{}{}] {}/{} runs  {:.1f} runs/s  {} left   ", std::string(static_cast<std::size_t>(filled), '#'),
             std::string(static_cast<std::size_t>(kBarWidth - filled), '.'), done_, total_, rate,
             done_ == total_ ? "0:00" : clock_text(left));
  out_.flush();
}

void Progress::print_line() {
  const double rate = runs_per_second();
  const double left = rate > 0 ? static_cast<double>(total_ - done_) / rate : -1;
  fmt::print(out_, "batch: {}/{} runs ({:.0f}%), {:.1f} runs/s, {} left\n", done_, total_,
             total_ ? 100.0 * static_cast<double>(done_) / static_cast<double>(total_) : 100.0, rate, clock_text(left));
  out_.flush();
}

}  // namespace campsim::batch
