// `campsim view` end to end: a recording played back and seeked to T draws the same frame as the
// live run at T, and a run watched leaves the same run directory as a run not watched.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <SFML/Graphics/Image.hpp>

namespace fs = std::filesystem;

namespace {

// Runs campsim (this build's) from the source directory; returns the exit code, output in `out`.
// `environment`: variables for the program, e.g. "PATH=/x:$PATH".
int campsim(const std::string& arguments, std::string* out = nullptr, const std::string& environment = "") {
  const std::string command =
      std::string("cd '") + CAMPSIM_SOURCE_DIR + "' && " + environment + " '" + CAMPSIM_APP + "' " + arguments + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return -1;
  std::array<char, 4096> buffer{};
  std::string output;
  while (std::fgets(buffer.data(), buffer.size(), pipe)) output += buffer.data();
  const int status = ::pclose(pipe);
  if (out) *out = output;
  UNSCOPED_INFO("campsim " << arguments << "\n" << output);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("campsim-view-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool same_pixels(const fs::path& a, const fs::path& b) {
  sf::Image x, y;
  REQUIRE(x.loadFromFile(a.string()));
  REQUIRE(y.loadFromFile(b.string()));
  if (x.getSize() != y.getSize()) return false;
  for (unsigned j = 0; j < x.getSize().y; ++j)
    for (unsigned i = 0; i < x.getSize().x; ++i)
      if (x.getPixel(i, j) != y.getPixel(i, j)) return false;
  return true;
}

void require_same_directory(const fs::path& a, const fs::path& b) {
  std::vector<std::string> names_a, names_b;
  for (const auto& e : fs::directory_iterator(a)) names_a.push_back(e.path().filename().string());
  for (const auto& e : fs::directory_iterator(b)) names_b.push_back(e.path().filename().string());
  std::sort(names_a.begin(), names_a.end());
  std::sort(names_b.begin(), names_b.end());
  REQUIRE(names_a == names_b);
  REQUIRE(names_a.size() >= 6);
  for (const std::string& name : names_a) {
    INFO(name);
    CHECK(bytes(a / name) == bytes(b / name));
  }
}

}  // namespace

TEST_CASE("a recording seeked to T draws the frame the live run draws at T", "[render][xvfb][view]") {
  const fs::path dir = scratch("seek");
  const std::string scenario = "scenarios/replay_2016-05-31_gao.yaml";
  REQUIRE(campsim("run " + scenario + " --record -q --out " + (dir / "run").string()) == 0);
  REQUIRE(fs::exists(dir / "run" / "recording.bin"));
  for (const std::string at : {"20h46min", "3h", "23h59min"}) {
    INFO("at " << at);
    REQUIRE(campsim("view " + scenario + " --screenshot " + (dir / "live.png").string() + " --at " + at) == 0);
    REQUIRE(campsim("view " + (dir / "run").string() + " --screenshot " + (dir / "play.png").string() + " --at " + at) == 0);
    CHECK(same_pixels(dir / "live.png", dir / "play.png"));
  }
  // Frames from a recording: the one at 21:00 is the live screenshot at 21:00, and it differs
  // from the one at 20:00 (the clock at least).
  REQUIRE(campsim("view " + (dir / "run").string() + " --frames " + (dir / "frames").string() +
                  " --from 20h --to 21h --every 30min") == 0);
  REQUIRE(campsim("view " + scenario + " --screenshot " + (dir / "live21.png").string() + " --at 21h") == 0);
  CHECK(same_pixels(dir / "frames" / "frame-000002.png", dir / "live21.png"));
  CHECK_FALSE(same_pixels(dir / "frames" / "frame-000000.png", dir / "live21.png"));
  fs::remove_all(dir);
}

TEST_CASE("a run watched in the viewer leaves the same run directory as one not watched", "[render][xvfb][view]") {
  const fs::path dir = scratch("watched");
  const std::string scenario = "scenarios/gao_baseline.yaml --days 0.25 --seed 5";
  REQUIRE(campsim("run " + scenario + " -q --out " + (dir / "plain").string()) == 0);
  // Watched off screen (a screenshot taken from inside the run)...
  REQUIRE(campsim("view " + scenario + " --out " + (dir / "still").string() + " --screenshot " +
                  (dir / "shot.png").string() + " --at 3h") == 0);
  require_same_directory(dir / "plain", dir / "still");
  // ...and in a window, at full speed, closing when the run ends.
  REQUIRE(campsim("view " + scenario + " --out " + (dir / "window").string() + " --speed 100000 --quit-at-end") == 0);
  require_same_directory(dir / "plain", dir / "window");
  // A recording made while watching leaves the other files as they are.
  REQUIRE(campsim("run " + scenario + " -q --record --out " + (dir / "recorded").string()) == 0);
  for (const char* name : {"events.jsonl", "metrics.json", "timeseries.csv", "casualties.csv", "care.csv"}) {
    INFO(name);
    CHECK(bytes(dir / "plain" / name) == bytes(dir / "recorded" / name));
  }
  fs::remove_all(dir);
}

TEST_CASE("without a display the viewer says how to get one instead of crashing", "[render][view]") {
  std::string out;
  CHECK(campsim("view scenarios/gao_baseline.yaml --screenshot /tmp/never.png --at 1h", &out) == 0);  // Xvfb here
  const std::string command = std::string("cd '") + CAMPSIM_SOURCE_DIR + "' && env -u DISPLAY '" + CAMPSIM_APP +
                              "' view scenarios/gao_baseline.yaml --screenshot /tmp/never.png --at 1h 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::array<char, 4096> buffer{};
  std::string output;
  while (std::fgets(buffer.data(), buffer.size(), pipe)) output += buffer.data();
  const int status = ::pclose(pipe);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);
  CHECK(output.find("no X display") != std::string::npos);
  CHECK(output.find("scripts/with-xvfb.sh") != std::string::npos);
  std::filesystem::remove("/tmp/never.png");
}

TEST_CASE("a run directory that is not there is named as one, not as a scenario file", "[render][view]") {
  std::string out;
  CHECK(campsim("view runs/no-such-run-of-this-test --at 1h", &out) == 2);
  CHECK(out.find("runs/no-such-run-of-this-test does not exist; expected a run directory") != std::string::npos);
  CHECK(out.find("scenario file;") == std::string::npos);
  CHECK(campsim("view scenarios/no_such_scenario.yaml", &out) == 2);
  CHECK(out.find("does not exist; expected a scenario file") != std::string::npos);
}

// `text` as one word for the test's own shell (single-quoted, ' as '\'').
std::string shell_word(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

TEST_CASE("view --frames hands ffmpeg no path: a crafted directory name runs nothing", "[render][xvfb][view][hostile]") {
  const fs::path dir = scratch("frames-name");
  // A stand-in ffmpeg that records where it ran and what it was given, and makes the video.
  fs::create_directories(dir / "bin");
  std::ofstream(dir / "bin" / "ffmpeg") << "#!/bin/sh\npwd > " << shell_word((dir / "ffmpeg.cwd").string())
                                        << "\nprintf '%s\\n' \"$@\" > " << shell_word((dir / "ffmpeg.args").string())
                                        << "\n: > video.mp4\n";
  fs::permissions(dir / "bin" / "ffmpeg", fs::perms::owner_all);
  const std::string name = "fr'; touch " + (dir / "PWNED1").string() + "; '$(touch " + (dir / "PWNED2").string() +
                           ") `touch " + (dir / "PWNED3").string() + "` %d";
  const fs::path frames = dir / name;
  std::string out;
  REQUIRE(campsim("view scenarios/gao_baseline.yaml --days 0.05 --frames " + shell_word(frames.string()) +
                      " --from 0h --to 1h --every 30min",
                  &out, "PATH=" + shell_word((dir / "bin").string()) + ":\"$PATH\"") == 0);
  CHECK(fs::exists(frames / "frame-000002.png"));
  CHECK(fs::exists(frames / "video.mp4"));
  CHECK(out.find("video: ") != std::string::npos);
  for (const char* file : {"PWNED1", "PWNED2", "PWNED3"}) CHECK_FALSE(fs::exists(dir / file));
  std::ostringstream cwd, args;
  cwd << std::ifstream(dir / "ffmpeg.cwd").rdbuf();
  args << std::ifstream(dir / "ffmpeg.args").rdbuf();
  CHECK(cwd.str() == fs::canonical(frames).string() + "\n");  // ffmpeg ran inside the frames directory
  CHECK(args.str().find("PWNED") == std::string::npos);        // and was given none of its name
  CHECK(args.str().find("frame-%06d.png\n") != std::string::npos);
  fs::remove_all(dir);
}
