// campsim view: watch a scenario run live, play back a recorded run, or draw frames off screen.
#include <unistd.h>

#include <cerrno>
#include <chrono>

#include <cstdlib>
#include <iostream>
#include <limits>
#include <optional>
#include <sstream>
#include <string_view>

#include <fmt/format.h>

#include "apps/campsim/commands.hpp"
#include "apps/campsim/limits.hpp"
#include "apps/campsim/options.hpp"
#include "apps/campsim/run_files.hpp"
#include "apps/campsim/view/live_feed.hpp"
#include "apps/campsim/view/playback_feed.hpp"
#include "apps/campsim/view/still_frames.hpp"
#include "apps/campsim/view/viewer_window.hpp"
#include "apps/campsim/world_feed.hpp"
#include "sim/io/byte_stream.hpp"
#include "sim/io/run_directory.hpp"
#include "sim/io/regular_file.hpp"
#include "sim/io/subprocess.hpp"
#include "sim/io/visible_text.hpp"
#include "sim/scenario/duration.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace campsim::cli {

namespace {

struct ViewOptions {
  ScenarioOptions scenario;  // SCENARIO, or a run directory / recording file
  std::string days_text, seed_text;  // parsed by limits.hpp, as run and batch parse them
  RunNumbers numbers;                 // what they hold (nothing: the scenario's)
  int threads = 1;
  double speed = 60;
  bool paused = false, quit_at_end = false, force = false, record = false;
  std::string at, screenshot, frames, from, to, every = "1min", size = "1280x800", out, look;
  double fps = 25;
};

// --look X,Y,ZOOM: still frames centred on (X, Y) metres, ZOOM times closer than the whole camp.
std::optional<view::Look> look_option(const std::string& text) {
  if (text.empty()) return std::nullopt;
  view::Look look;
  char c1 = 0, c2 = 0;
  std::istringstream in(text);
  if (!(in >> look.centre.x >> c1 >> look.centre.y >> c2 >> look.zoom) || c1 != ',' || c2 != ',' || !in.eof() ||
      !(std::abs(look.centre.x) <= 1e6) || !(std::abs(look.centre.y) <= 1e6) || !(look.zoom >= 1 && look.zoom <= 200))
    throw std::invalid_argument("--look takes X,Y,ZOOM: a point in camp metres (within 1000 km, as every layout point) and a "
                                "zoom from 1 to 200, e.g. -20,500,12; got '" + text + "'");
  return look;
}

std::optional<double> time_option(const std::string& name, const std::string& text) {
  if (text.empty()) return std::nullopt;
  if (auto t = scenario::parse_duration(text)) return t;
  throw std::invalid_argument("--" + name + " takes a time since the start such as 20h45min or 1d2h, got '" + text + "'");
}

sf::Vector2u size_option(const std::string& text) {
  unsigned w = 0, h = 0;
  char x = 0;
  std::istringstream in(text);
  // At most 8192 a side: 256 MB for a frame's pixels, and within every graphics card's texture
  // limit that SFML draws into (100000x100000 would be 40 GB).
  constexpr unsigned kMaxSide = 8192;
  if (text.find_first_not_of("0123456789x") != std::string::npos || !(in >> w >> x >> h) || x != 'x' || in.peek() != EOF ||
      w < render::kPanelWidth + 200 || h < 400 || w > kMaxSide || h > kMaxSide)
    throw std::invalid_argument("--size takes WIDTHxHEIGHT from " + std::to_string(render::kPanelWidth + 200) + "x400 to " +
                                std::to_string(kMaxSide) + "x" + std::to_string(kMaxSide) + ", got '" + text + "'");
  return {w, h};
}

// --at, --from and --to must fall within what is drawn: the recording's frames, or the live
// run's duration; a time past the end would draw the last frame as if it were that time.
std::optional<std::string> time_past_problem(const ViewOptions& o, engine::SimTime end, std::string_view what,
                                             std::string_view end_is) {
  for (const auto& [name, text] : {std::pair{"at", o.at}, std::pair{"from", o.from}, std::pair{"to", o.to}})
    if (const auto t = time_option(name, text); t && *t > end + 1e-9)
      return fmt::format("--{} {} is past the end of {} ({:.0f} s after the start, {})", name, text, what, end, end_is);
  return std::nullopt;
}

// Why the pictures cannot be written where asked, checked before a run or a display: the same
// rules as every output path (io::output_path_problem), plus what is particular to a picture. A
// screenshot goes into a directory that exists (a typo in it should not grow a tree of
// directories) and is not itself a directory; --frames and --out are directories campsim makes.
std::optional<std::string> picture_path_problem(const ViewOptions& o) {
  std::error_code ec;
  if (!o.screenshot.empty()) {
    const fs::path shot = o.screenshot;
    if (const auto problem = io::output_path_problem(shot)) return "--screenshot " + *problem;
    if (fs::is_directory(shot, ec))
      return fmt::format("--screenshot {} is a directory; give the picture's file name, e.g. {}", shot.string(),
                         (shot / "shot.png").string());
    const fs::path parent = fs::absolute(shot).parent_path();
    if (!fs::is_directory(parent, ec))
      return fmt::format("--screenshot {}: the directory {} does not exist; make it first", shot.string(), parent.string());
  }
  if (!o.frames.empty()) {
    if (const auto problem = io::output_path_problem(o.frames)) return "--frames " + *problem;
    if (fs::exists(o.frames, ec) && !fs::is_directory(o.frames, ec))
      return fmt::format("--frames {} exists and is not a directory", o.frames);
  }
  if (!o.out.empty())
    if (const auto problem = io::output_path_problem(o.out)) return "--out " + *problem;
  return std::nullopt;
}

// The still frames asked for: one screenshot, or frames every so often from T0 to T1.
std::vector<view::Shot> shots(const ViewOptions& o) {
  std::vector<view::Shot> out;
  if (!o.screenshot.empty()) {
    const auto at = time_option("at", o.at);
    if (!at) throw std::invalid_argument("--screenshot needs --at TIME");
    out.push_back({*at, o.screenshot});
  }
  if (!o.frames.empty()) {
    const auto from = time_option("from", o.from), to = time_option("to", o.to), every = time_option("every", o.every);
    if (!from || !to || *to < *from) throw std::invalid_argument("--frames needs --from T0 and --to T1 with T0 <= T1");
    if (!every || *every <= 0) throw std::invalid_argument("--every must be a positive time");
    fs::create_directories(o.frames);
    for (int k = 0; *from + k * *every <= *to + 1e-9; ++k)
      out.push_back({*from + k * *every, fs::path(o.frames) / fmt::format("frame-{:06}.png", k)});
  }
  return out;
}

// A video of the frames, when Debian's ffmpeg is there; the frames stay either way. ffmpeg runs
// by argv inside the frames directory, so the directory's name reaches neither a shell nor
// ffmpeg (which would read '%' in it as a frame number and "proto:" as a protocol); an hour is
// far more than encoding the frames takes (about 25 frames a second per core).
void make_video(const ViewOptions& o) {
  if (o.frames.empty()) return;
  io::ProgramRun run;
  run.argv = {"ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-framerate", fmt::format("{}", o.fps), "-i", "frame-%06d.png",
              "-pix_fmt", "yuv420p", "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "video.mp4"};
  run.directory = o.frames;
  run.stderr_file = "ffmpeg.log";
  run.limit = std::chrono::hours(1);
  const io::ProgramOutcome outcome = io::run_program(run);
  const std::string shown = io::visible(o.frames);
  if (outcome.kind == io::ProgramOutcome::Kind::cannot_start && outcome.code == ENOENT) {
    std::cout << "frames in " << shown << " (install ffmpeg for a video: apt-get install ffmpeg)\n";
    return;
  }
  if (outcome.ok()) {
    std::error_code ignored;
    fs::remove(fs::path(o.frames) / "ffmpeg.log", ignored);
    std::cout << "video: " << shown << "/video.mp4\n";
  } else {
    std::cerr << "campsim view: ffmpeg " << io::describe(outcome, run.limit) << " (its messages are in " << shown
              << "/ffmpeg.log); the frames are in " << shown << "\n";
  }
}

fs::path recording_in(const fs::path& path) { return fs::is_directory(path) ? path / "recording.bin" : path; }

std::vector<render::TimelineMark> timeline(const io::RecordingReader& reader) {
  std::vector<render::TimelineMark> marks;
  for (const io::IncidentMark& m : reader.incidents())
    marks.push_back({m.first_recorded, fmt::format("#{} {}", m.id, camp::threat_kind_name(m.kind))});
  return marks;
}

int play_recording(const ViewOptions& o) {
  view::PlaybackFeed feed(recording_in(o.scenario.scenario));
  const io::RecordingReader& reader = feed.reader();
  if (reader.empty()) {
    std::cerr << "campsim view: the recording " << o.scenario.scenario << " holds no snapshot\n";
    return kBadInput;
  }
  const io::RecordingInfo& info = reader.info();
  const std::string title = fmt::format("{}  seed {}", info.scenario_name, info.seed);
  const sf::Vector2u size = size_option(o.size);
  std::vector<view::Shot> wanted = shots(o);
  if (!wanted.empty()) {
    view::StillFrames still(info.layout, title, info.start_time_of_day, size, wanted, look_option(o.look));
    io::RecordingReader frames(recording_in(o.scenario.scenario));
    still.observe(frames.seek(still.history_start()));
    const double last_shot = wanted.back().time;
    while (frames.next_time() && *frames.next_time() <= last_shot + 1e-9) {
      frames.advance();
      still.observe(frames.current());
    }
    // One more snapshot, if any, so shots at the last instant see everything at that instant.
    if (frames.advance()) still.observe(frames.current());
    const int n = still.finish();
    if (n == 1) std::cout << "wrote " << wanted.front().file.string() << "\n";
    else std::cout << "wrote " << n << " frames\n";
    make_video(o);
    return kOk;
  }
  view::WindowOptions w;
  w.title = title;
  w.start_time_of_day = info.start_time_of_day;
  w.size = size;
  w.speed = o.speed;
  w.paused = o.paused;
  w.quit_at_end = o.quit_at_end;
  w.start_at = time_option("at", o.at).value_or(reader.first_time());
  w.first_time = reader.first_time();
  w.last_time = reader.last_time();
  w.marks = timeline(reader);
  view::run_window(info.layout, feed, render::ViewMode::Playback, w);
  return kOk;
}

// The run a live view makes: the scenario's seed and duration unless --seed and --days say otherwise.
camp::RunOptions live_run_options(const ViewOptions& o, const camp::LoadedScenario& loaded) {
  camp::RunOptions run;
  run.seed = o.numbers.seed ? *o.numbers.seed : static_cast<std::uint64_t>(loaded.scenario.meta.seed);
  run.threads = o.threads;
  run.duration = o.numbers.days ? *o.numbers.days * engine::kDay : 0;
  return run;
}

// Why a live run cannot be watched as asked, checked before a display is needed (so the answer is
// the same with or without one): too many attacks, a time past the run's end, an --out that
// exists without --force, --record without --out.
std::optional<std::string> live_run_problem(const ViewOptions& o, const camp::LoadedScenario& loaded) {
  const camp::RunOptions run = live_run_options(o, loaded);
  const engine::SimTime run_end = run.duration > 0 ? run.duration : loaded.scenario.meta.duration;
  if (const auto too_many = attack_budget_problem(loaded.scenario, run_end)) return *too_many + "; nothing was run";
  if (auto past = time_past_problem(o, run_end, "the run", run.duration > 0 ? "--days" : "the scenario's duration")) return past;
  if (!o.out.empty() && fs::exists(o.out) && !o.force)
    return "output directory " + o.out + " already exists; use --force to replace it";
  if (o.record && o.out.empty()) return "--record needs --out DIR (the recording goes into the run directory)";
  return std::nullopt;
}

int watch_live(const ViewOptions& o, const camp::LoadedScenario& loaded) {
  const camp::RunOptions run = live_run_options(o, loaded);
  const std::optional<fs::path> run_dir = o.out.empty() ? std::nullopt : std::optional<fs::path>(o.out);
  const std::string title = fmt::format("{}  seed {}", loaded.scenario.meta.name, run.seed);
  const sf::Vector2u size = size_option(o.size);
  const double days = (run.duration > 0 ? run.duration : loaded.scenario.meta.duration) / engine::kDay;

  // Runs the model with `observer` (and a recorder when asked), then writes the run directory
  // exactly as `campsim run` does.
  auto run_model = [&](const std::function<void(const camp::WorldSnapshot&)>& observer) {
    camp::RunOptions options = run;
    std::optional<fs::path> recording_file;
    std::optional<io::RecordingWriter> recorder;
    if (o.record) {
      const fs::path parent = fs::absolute(*run_dir).parent_path();
      fs::create_directories(parent);
      recording_file = parent / (".recording-" + run_dir->filename().string() + "-" + std::to_string(::getpid()) + ".bin");
      recorder.emplace(*recording_file, recording_info(loaded, run));
    }
    attach_world_observer(options, [&](const camp::WorldSnapshot& s) {
      if (recorder) recorder->write(s);
      observer(s);
    });
    try {
      const camp::RunResult result = camp::run_scenario(loaded.scenario, options);
      if (recorder) recorder->finish();
      if (run_dir) {
        const auto manifest = run_manifest(loaded, o.scenario, run, days,
                                           o.record ? std::optional<std::string>("recording.bin") : std::nullopt);
        io::write_run_directory(*run_dir, o.force, [&](const fs::path& dir) {
          write_run_files(dir, manifest, result);
          if (recording_file) fs::rename(*recording_file, dir / "recording.bin");
        });
      }
    } catch (...) {
      if (recording_file) fs::remove(*recording_file);
      throw;
    }
  };

  std::vector<view::Shot> wanted = shots(o);
  if (!wanted.empty()) {
    view::StillFrames still(loaded.scenario.layout, title, loaded.scenario.meta.start_time_of_day, size, wanted,
                            look_option(o.look));
    run_model([&](const camp::WorldSnapshot& s) { still.observe(s); });
    const int n = still.finish();
    if (n == 1) std::cout << "wrote " << wanted.front().file.string() << "\n";
    else std::cout << "wrote " << n << " frames\n";
    make_video(o);
    return kOk;
  }
  view::LiveFeed feed(run_model, 256);
  view::WindowOptions w;
  w.title = title;
  w.start_time_of_day = loaded.scenario.meta.start_time_of_day;
  w.size = size;
  w.speed = o.speed;
  w.paused = o.paused;
  w.quit_at_end = o.quit_at_end;
  view::run_window(loaded.scenario.layout, feed, render::ViewMode::Live, w);
  if (run_dir && !feed.at_end()) std::cerr << "campsim view: the window closed before the run ended; no run directory written\n";
  return kOk;
}

}  // namespace

int view_command(const std::vector<std::string>& args) {
  ViewOptions o;
  po::options_description options;
  add_scenario_options(options, o.scenario);
  options.add_options()
      ("seed", po::value<std::string>(&o.seed_text), "random seed (live; default: the scenario's seed)")
      ("days", po::value<std::string>(&o.days_text), "simulated days, 2 or 2d or 12h (live; default: the scenario's duration)")
      ("threads", po::value<int>(&o.threads)->default_value(1), "model threads (live); never changes the results")
      ("speed", po::value<double>(&o.speed)->default_value(60), "simulated seconds per real second (+ and - change it)")
      ("paused", po::bool_switch(&o.paused), "start paused (space resumes)")
      ("at", po::value<std::string>(&o.at), "time since the start (20h45min, 1d2h): the screenshot's time, or where playback begins")
      ("screenshot", po::value<std::string>(&o.screenshot), "draw the frame at --at into this PNG, without a window")
      ("look", po::value<std::string>(&o.look), "still frames: centre on X,Y (camp metres) and zoom ZOOM times, e.g. -20,500,12 (the main gate)")
      ("frames", po::value<std::string>(&o.frames), "draw frames --from T0 --to T1 every --every into this directory (and a video if ffmpeg is installed)")
      ("from", po::value<std::string>(&o.from), "first frame's time")
      ("to", po::value<std::string>(&o.to), "last frame's time")
      ("every", po::value<std::string>(&o.every)->default_value("1min"), "simulated time between frames")
      ("fps", po::value<double>(&o.fps)->default_value(25), "frames per second of the video")
      ("size", po::value<std::string>(&o.size)->default_value("1280x800"), "window or picture size in pixels")
      ("out", po::value<std::string>(&o.out), "live: also write the run directory here when the run ends (as campsim run does)")
      ("force", po::bool_switch(&o.force), "replace --out if it exists")
      ("record", po::bool_switch(&o.record), "live: also write --out/recording.bin")
      ("quit-at-end", po::bool_switch(&o.quit_at_end), "close the window when the run or recording has ended");
  if (auto stop = parse_command_line(
          args, options, "campsim view SCENARIO|RUN_DIR [--seed S] [--set KEY=VALUE]... [--days D]\n"
          "       [--screenshot PNG --at TIME]",
          "SCENARIO (a .yaml file) runs live in a window; RUN_DIR (made by campsim run --record) or a\n"
          "recording.bin plays back, with seeking. --screenshot and --frames draw off screen (no window\n"
          "manager needed; an X display or Xvfb is). Keys: press H in the window, or see docs/user-guide.md.\n\n"
          "Examples:\n  campsim view scenarios/gao_baseline.yaml --days 3 --speed 600\n"
          "  campsim run scenarios/replay_2016-05-31_gao.yaml --record --out runs/replay \\\n"
          "      && campsim view runs/replay --at 20h40min\n"
          "  campsim view scenarios/gao_baseline.yaml --days 2 --screenshot night.png --at 1d2h\n"
          "  campsim view scenarios/replay_2015-01-27_gao_protest_restrained.yaml --seed 3 \\\n"
          "      --screenshot gate.png --at 10h55min --look -20,500,12\n"
          "  campsim view runs/replay --frames frames/ --from 20h40min --to 21h30min --every 30s\n"))
    return *stop;
  // The same limits as run and batch, checked before anything else (a display included): a
  // thread count TBB cannot make, a run that never ends, a seed of -1 that would wrap round.
  if (const auto problem = run_numbers_problem(o.threads, o.days_text, o.seed_text, o.numbers)) {
    std::cerr << "campsim view: " << *problem << "\n";
    return kBadInput;
  }
  // Nothing there: say what view takes, not that a run directory is "a readable scenario file".
  if (const fs::path source = o.scenario.scenario; !fs::exists(source)) {
    const bool yaml = source.extension() == ".yaml" || source.extension() == ".yml";
    std::cerr << "campsim view: " << io::visible(source.string()) << " does not exist; expected "
              << (yaml ? "a scenario file" : "a run directory (campsim run --record --out DIR), a recording.bin or a scenario .yaml file")
              << "\n";
    return kBadInput;
  }
  // The picture's options, before a display is needed: a nonsense size, look or frame rate is
  // refused, never drawn.
  try {
    size_option(o.size);
    look_option(o.look);
    if (!(o.fps >= 1 && o.fps <= 240))
      throw std::invalid_argument(fmt::format("--fps must be from 1 to 240 frames a second, got {}", o.fps));
    if (const auto problem = picture_path_problem(o)) throw std::invalid_argument(*problem);
  } catch (const std::invalid_argument& e) {
    std::cerr << "campsim view: " << io::visible_lines(e.what()) << "\n";
    return kBadInput;
  }
  // A recording that is a FIFO or a device would hang or never end the read: refused by name
  // before anything else, a display included.
  if (const fs::path source = o.scenario.scenario; fs::is_directory(source) || source.extension() == ".bin") {
    if (const auto why = io::not_a_regular_file(recording_in(source))) {
      std::cerr << "campsim view: the recording " << *why << "\n";
      return kBadInput;
    } else {
      // A recording cut short or damaged is refused whole, before a display is needed: never a
      // picture drawn from part of it.
      try {
        io::RecordingReader reader(recording_in(source));
        reader.check_whole();
        // A time past the recording's end would draw its last frame as if it were that time.
        if (auto past = time_past_problem(o, reader.last_time(), "the recording", "its last frame"))
          throw std::invalid_argument(*past);
      } catch (const io::RecordingError& e) {
        std::cerr << "campsim view: " << io::visible_lines(e.what()) << "\n";
        return kBadInput;
      } catch (const std::invalid_argument& e) {
        std::cerr << "campsim view: " << io::visible_lines(e.what()) << "\n";
        return kBadInput;
      }
    }
  }
  // A live run's scenario is read (and its run checked) before a display is needed too.
  std::optional<camp::LoadedScenario> live;
  if (const fs::path source = o.scenario.scenario; !fs::is_directory(source) && source.extension() != ".bin") {
    live = load_or_report(o.scenario);
    if (!live) return kBadInput;
    if (const auto problem = live_run_problem(o, *live)) {
      std::cerr << "campsim view: " << io::visible_lines(*problem) << "\n";
      return kBadInput;
    }
  }
  // SFML aborts the process when it cannot open a display; say what to do instead.
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display) {
    std::cerr << "campsim view: no X display (DISPLAY is not set). Off-screen forms run under a virtual one:\n"
                 "  scripts/with-xvfb.sh campsim view ... --screenshot out.png --at TIME\n";
    return kFailure;
  }
  try {
    return live ? watch_live(o, *live) : play_recording(o);
  } catch (const std::invalid_argument& e) {
    std::cerr << "campsim view: " << io::visible_lines(e.what()) << "\n";
    return kBadInput;
  } catch (const io::RecordingError& e) {
    std::cerr << "campsim view: " << io::visible_lines(e.what()) << "\n";
    return kBadInput;
  }
}

}  // namespace campsim::cli
