#include "apps/campsim/view/viewer_window.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <filesystem>
#include <set>
#include <thread>

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <SFML/Window/Event.hpp>
#include <fmt/format.h>

#include "apps/campsim/view/live_feed.hpp"
#include "render/frame_renderer.hpp"
#include "render/side_panel.hpp"

namespace campsim::cli::view {

namespace {

// Speeds the + and - keys step through: real time to a hundred thousand times faster.
constexpr std::array<double, 15> kSpeeds{1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200, 18000, 36000, 100000};

double step_speed(double speed, int direction) {
  auto it = std::lower_bound(kSpeeds.begin(), kSpeeds.end(), speed);
  std::ptrdiff_t i = it - kSpeeds.begin();
  i = std::clamp<std::ptrdiff_t>(i + direction, 0, static_cast<std::ptrdiff_t>(kSpeeds.size()) - 1);
  return kSpeeds[static_cast<std::size_t>(i)];
}

std::string shot_name(const render::Scene& scene, const std::string& prefix) {
  std::string clock = render::clock_text(scene.start_time_of_day, scene.now);
  std::replace(clock.begin(), clock.end(), ' ', '-');
  std::erase(clock, ':');
  return prefix + clock + ".png";
}

bool new_incident(const camp::WorldSnapshot& s, std::set<int>& seen) {
  bool found = false;
  for (const camp::IncidentView& i : s.incidents) found = seen.insert(i.id).second || found;
  return found;
}

}  // namespace

void run_window(const camp::CampLayout& layout, SnapshotFeed& feed, render::ViewMode mode, const WindowOptions& options) {
  sf::RenderWindow window(sf::VideoMode(options.size.x, options.size.y), "campsim view - " + options.title);
  window.setFramerateLimit(60);
  render::FrameRenderer renderer;
  render::ViewHistory history;
  LiveFeed* live = dynamic_cast<LiveFeed*>(&feed);

  render::Scene scene;
  scene.layout = &layout;
  scene.history = &history;
  scene.title = options.title;
  scene.start_time_of_day = options.start_time_of_day;
  scene.mode = mode;
  scene.speed = options.speed;
  scene.paused = options.paused;
  scene.camera = render::default_camera(layout, options.size);
  scene.first_time = options.first_time;
  scene.last_time = options.last_time;
  scene.marks = options.marks;

  std::set<int> seen_incidents;
  const camp::WorldSnapshot empty;
  if (feed.can_seek()) {
    feed.seek(options.start_at, history);
    scene.now = std::max(options.start_at, feed.has_current() ? feed.current().time : 0.0);
  }
  bool jumping = false, recording = false, dragging = false;
  int recorded = 0;
  std::filesystem::path capture_dir;
  sf::Vector2i drag_from;
  auto status_until = std::chrono::steady_clock::now();
  auto last = std::chrono::steady_clock::now();

  auto say = [&](std::string text) {
    scene.status = std::move(text);
    status_until = std::chrono::steady_clock::now() + std::chrono::seconds(4);
  };
  auto seek = [&](engine::SimTime t) {
    if (!feed.can_seek()) return;
    t = std::clamp(t, options.first_time, options.last_time);
    feed.seek(t, history);
    scene.now = t;
  };
  auto jump_to_next_incident = [&] {
    if (feed.can_seek()) {
      for (const render::TimelineMark& m : options.marks)
        if (m.time > scene.now + 1e-9) {
          seek(m.time);
          scene.paused = true;
          return say("incident: " + m.label);
        }
      return say("no incident after this time");
    }
    jumping = true;
    say("looking for the next incident...");
  };

  while (window.isOpen()) {
    sf::Event event;
    while (window.pollEvent(event)) {
      if (event.type == sf::Event::Closed) window.close();
      if (event.type == sf::Event::Resized) {
        window.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(event.size.width), static_cast<float>(event.size.height))));
        scene.camera = render::default_camera(layout, window.getSize());
      }
      if (event.type == sf::Event::MouseWheelScrolled) {
        const sf::Vector2f at{static_cast<float>(event.mouseWheelScroll.x), static_cast<float>(event.mouseWheelScroll.y)};
        scene.camera = scene.camera.zoomed(event.mouseWheelScroll.delta > 0 ? 1.25 : 0.8, at);
      }
      if (event.type == sf::Event::MouseButtonPressed && event.mouseButton.button == sf::Mouse::Left) {
        const sf::Vector2f at{static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)};
        const sf::FloatRect panel = render::panel_area(window.getSize());
        if (panel.contains(at)) {
          if (mode == render::ViewMode::Playback && render::timeline_area(panel).contains(at.x, at.y + 4))
            seek(render::timeline_time(scene, panel, at.x));
        } else {
          dragging = true;
          drag_from = {event.mouseButton.x, event.mouseButton.y};
          if (feed.has_current()) {
            scene.snapshot = &feed.current();
            scene.selection = render::pick(scene, at);
          }
        }
      }
      if (event.type == sf::Event::MouseButtonReleased) dragging = false;
      if (event.type == sf::Event::MouseMoved && dragging) {
        const sf::Vector2i to{event.mouseMove.x, event.mouseMove.y};
        scene.camera = scene.camera.panned(static_cast<float>(to.x - drag_from.x), static_cast<float>(to.y - drag_from.y));
        drag_from = to;
      }
      if (event.type != sf::Event::KeyPressed) continue;
      switch (event.key.code) {
        case sf::Keyboard::Escape:
        case sf::Keyboard::Q: window.close(); break;
        case sf::Keyboard::Space: scene.paused = !scene.paused; break;
        case sf::Keyboard::N:
          if (const auto next = feed.next_time()) {
            feed.advance_to(*next, history);
            scene.now = *next;
          }
          scene.paused = true;
          break;
        case sf::Keyboard::Add:
        case sf::Keyboard::Equal: scene.speed = step_speed(scene.speed, +1); break;
        case sf::Keyboard::Subtract:
        case sf::Keyboard::Hyphen: scene.speed = step_speed(scene.speed, -1); break;
        case sf::Keyboard::I: jump_to_next_incident(); break;
        case sf::Keyboard::H:
        case sf::Keyboard::F1: scene.help = !scene.help; break;
        case sf::Keyboard::Num0:
        case sf::Keyboard::Home:
          if (event.key.code == sf::Keyboard::Home && feed.can_seek()) seek(options.first_time);
          else scene.camera = render::default_camera(layout, window.getSize());
          break;
        case sf::Keyboard::End: seek(options.last_time); break;
        case sf::Keyboard::Num1: scene.layers.people = !scene.layers.people; break;
        case sf::Keyboard::Num2: scene.layers.vehicles = !scene.layers.vehicles; break;
        case sf::Keyboard::Num3: scene.layers.fields_of_view = !scene.layers.fields_of_view; break;
        case sf::Keyboard::Num4: scene.layers.incidents = !scene.layers.incidents; break;
        case sf::Keyboard::Num5: scene.layers.night = !scene.layers.night; break;
        case sf::Keyboard::Num6: scene.layers.labels = !scene.layers.labels; break;
        case sf::Keyboard::Num7: scene.layers.legend = !scene.layers.legend; break;
        case sf::Keyboard::Left: scene.camera = scene.camera.panned(60, 0); break;
        case sf::Keyboard::Right: scene.camera = scene.camera.panned(-60, 0); break;
        case sf::Keyboard::Up: scene.camera = scene.camera.panned(0, 60); break;
        case sf::Keyboard::Down: scene.camera = scene.camera.panned(0, -60); break;
        case sf::Keyboard::Comma: seek(scene.now - engine::kMinute); break;
        case sf::Keyboard::Period: seek(scene.now + engine::kMinute); break;
        case sf::Keyboard::LBracket: seek(scene.now - engine::kHour); break;
        case sf::Keyboard::RBracket: seek(scene.now + engine::kHour); break;
        case sf::Keyboard::S: {
          sf::Texture shot;
          shot.create(window.getSize().x, window.getSize().y);
          shot.update(window);
          const std::string name = shot_name(scene, "campsim-");
          say(shot.copyToImage().saveToFile(name) ? "saved " + name : "could not write " + name);
          break;
        }
        case sf::Keyboard::R:
          recording = !recording;
          if (recording) {
            capture_dir = shot_name(scene, "campsim-frames-");
            capture_dir.replace_extension();
            std::filesystem::create_directories(capture_dir);
            recorded = 0;
            say("recording frames into " + capture_dir.string());
          } else {
            say(fmt::format("{} frames in {}", recorded, capture_dir.string()));
          }
          break;
        default: break;
      }
    }

    // The clock: real time times speed, never past what the feed has (a live run behind).
    const auto now_real = std::chrono::steady_clock::now();
    const double dt = std::chrono::duration<double>(now_real - last).count();
    last = now_real;
    if (jumping && live) {
      // Take snapshots as fast as they come until one shows an incident not seen before.
      const auto deadline = now_real + std::chrono::milliseconds(30);
      while (std::chrono::steady_clock::now() < deadline && live->advance_one(history))
        if (new_incident(live->current(), seen_incidents)) {
          jumping = false;
          scene.paused = true;
          scene.now = live->current().time;
          say("incident");
          break;
        }
      if (jumping) scene.now = std::max(scene.now, live->has_current() ? live->current().time : scene.now);
      if (jumping && live->at_end()) {
        jumping = false;
        say("no more incidents: the run has ended");
      }
    } else if (!scene.paused) {
      engine::SimTime target = scene.now + scene.speed * std::min(dt, 0.25);
      if (mode == render::ViewMode::Playback) target = std::min(target, options.last_time);
      feed.advance_to(target, history);
      // A live run that has not got that far yet holds the clock at its latest snapshot.
      if (live && !feed.next_time() && feed.has_current())
        target = std::min(target, std::max(scene.now, feed.current().time));
      scene.now = target;
    }
    if (feed.has_current()) {
      scene.now = std::max(scene.now, feed.current().time);
      if (live) new_incident(feed.current(), seen_incidents);
    }
    if (live) live->rethrow_failure();
    scene.finished = feed.at_end();
    if (std::chrono::steady_clock::now() > status_until) scene.status.clear();

    scene.snapshot = feed.has_current() ? &feed.current() : &empty;
    renderer.draw(window, scene);
    window.display();
    if (recording) {
      sf::Texture frame;
      frame.create(window.getSize().x, window.getSize().y);
      frame.update(window);
      frame.copyToImage().saveToFile((capture_dir / fmt::format("frame-{:06}.png", recorded++)).string());
    }
    if (options.quit_at_end && feed.at_end() && !jumping) window.close();
  }
}

}  // namespace campsim::cli::view
