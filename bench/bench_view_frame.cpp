// Frame cost of the viewer with 1,000, 10,000 and 100,000 people, every one of them moving (the
// people layer is rebuilt each frame from a new snapshot, as in a live run or playback).
// Off screen, so it runs under Xvfb (scripts/with-xvfb.sh); the GPU work is waited for
// (glFinish) so the time is the whole frame's. Figures go into docs/performance.md.
//   scripts/with-xvfb.sh build/release/bench/bench_view_frame [FRAMES]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/OpenGL.hpp>

#include "render/frame_renderer.hpp"
#include "tests/support/synthetic_world.hpp"

using namespace campsim;

int main(int argc, char** argv) {
  const int frames = argc > 1 ? std::atoi(argv[1]) : 30;
  const sf::Vector2u size{1280, 800};
  sf::RenderTexture target;
  if (!target.create(size.x, size.y)) {
    std::fprintf(stderr, "no OpenGL surface: run under scripts/with-xvfb.sh\n");
    return 1;
  }
  render::FrameRenderer renderer;
  const camp::CampLayout layout = testing::synthetic_layout();
  render::ViewHistory history;
  std::printf("people   median ms/frame   min    max   (%d frames, 1280x800, everyone moving)\n", frames);
  for (int people : {1000, 10000, 100000}) {
    testing::TestRandom random(3);
    camp::WorldSnapshot snapshot = testing::synthetic_world(people, 1, 0);
    for (auto& p : snapshot.people) p.activity = camp::PersonActivity::Moving;  // the costlier marker (rim + fill)
    render::Scene scene;
    scene.layout = &layout;
    scene.history = &history;
    scene.title = "bench";
    scene.mode = render::ViewMode::Live;
    scene.camera = render::default_camera(layout, size);
    std::vector<double> ms;
    for (int f = -5; f < frames; ++f) {
      snapshot = testing::step_world(snapshot, people, 1, random);  // every person takes a step
      history.observe(snapshot);
      scene.snapshot = &snapshot;
      scene.now = snapshot.time;
      const auto start = std::chrono::steady_clock::now();
      renderer.draw(target, scene);
      target.display();
      glFinish();
      const double elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      if (f >= 0) ms.push_back(elapsed);
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%7d   %10.1f          %5.1f  %5.1f\n", people, ms[ms.size() / 2], ms.front(), ms.back());
  }
  return 0;
}
