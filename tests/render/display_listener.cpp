// Keeps one OpenGL context, and so one connection to the X display, open for the whole test run.
// SFML closes its display connection whenever its last context goes and opens a new one with the
// next; under a loaded Xvfb such a reopening now and then failed ("Failed to open X11 display",
// and SFML aborts), so the tests open it once.
#define CATCH_CONFIG_EXTERNAL_INTERFACES  // the listener base class
#include <catch2/catch.hpp>

#include <memory>

#include <SFML/Window/Context.hpp>

namespace {

class DisplayListener : public Catch::TestEventListenerBase {
 public:
  using TestEventListenerBase::TestEventListenerBase;
  void testRunStarting(const Catch::TestRunInfo&) override { context_ = std::make_unique<sf::Context>(); }
  void testRunEnded(const Catch::TestRunStats&) override { context_.reset(); }

 private:
  std::unique_ptr<sf::Context> context_;
};

}  // namespace

CATCH_REGISTER_LISTENER(DisplayListener)
