// The multi-server hospital queue against theory: hand-worked FIFO and priority cases, M/M/c mean
// waits against the Erlang C formula (computed here, independently) for six loads, and Little's
// law on every run.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/camp/medical/hospital_queue.hpp"
#include "sim/engine/random.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_camp_medical_test_hospital_queue {

using namespace campsim;
using namespace campsim::camp;

namespace {

// Erlang C: the probability that an arrival waits in M/M/c with offered load a = lambda / mu < c,
//   C(c, a) = [a^c / c! * c / (c - a)] / [sum_{k<c} a^k / k! + a^c / c! * c / (c - a)],
// and the mean wait Wq = C / (c mu - lambda).
double erlang_c(int c, double a) {
  double term = 1, sum = 0;  // term = a^k / k!
  for (int k = 0; k < c; ++k) {
    sum += term;
    term *= a / (k + 1);
  }
  const double top = term * c / (c - a);
  return top / (sum + top);
}

double mmc_mean_wait(int c, double lambda, double mu) {
  return erlang_c(c, lambda / mu) / (c * mu - lambda);
}

std::vector<QueueArrival> poisson_exponential(double lambda, double mean_service, int n, engine::RandomStream& rng) {
  std::vector<QueueArrival> out;
  out.reserve(static_cast<std::size_t>(n));
  double t = 0;
  for (int i = 0; i < n; ++i) {
    t += rng.exponential(1 / lambda);
    out.push_back({t, rng.exponential(mean_service), Triage::Delayed});
  }
  return out;
}

// Little's law on a run observed over [0, last arrival]: L * T = (time in system inside the
// window) and lambda W * T = n W = (all time in system); they differ by exactly the time spent in
// the system after the window closes, the edge effect. Checks both the identity and that the edge
// is small for a long run.
void check_little(const std::vector<QueueArrival>& arrivals, const QueueResult& r, double tolerance) {
  const double T = r.observe_until - r.observe_from;
  const double n = static_cast<double>(arrivals.size());
  const double lambda_hat = n / T;
  double outside = 0;
  for (const auto& p : r.patients) outside += std::max(0.0, p.departure - std::max(p.arrival, r.observe_until));
  CHECK(r.mean_in_system * T + outside == Approx(n * r.mean_time_in_system).epsilon(1e-9));
  CHECK(r.mean_in_system == Approx(lambda_hat * r.mean_time_in_system).epsilon(tolerance));
}

}  // namespace

TEST_CASE("hospital queue: a single server worked by hand", "[medical][queue]") {
  const std::vector<QueueArrival> arrivals{{0, 3}, {1, 3}, {2, 3}};
  const QueueResult r = run_queue(arrivals, {});
  REQUIRE(r.patients.size() == 3);
  CHECK(r.patients[0].wait == 0);
  CHECK(r.patients[1].wait == 2);
  CHECK(r.patients[2].wait == 4);
  CHECK(r.patients[2].departure == 9);
  CHECK(r.mean_wait == 2);
  CHECK(r.mean_time_in_system == 5);
  // Over [0, 9]: time in system 3 + 5 + 7 = 15, waiting 0 + 2 + 4 = 6, busy 9.
  CHECK(r.observe_from == 0);
  CHECK(r.observe_until == 9);
  CHECK(r.mean_in_system == Approx(15.0 / 9));
  CHECK(r.mean_in_queue == Approx(6.0 / 9));
  CHECK(r.mean_busy == Approx(1.0));
  CHECK(r.max_in_queue == 2);
  CHECK(r.max_in_system == 3);
}

TEST_CASE("hospital queue: two servers and priority by triage, worked by hand", "[medical][queue]") {
  SECTION("c = 2, FIFO") {
    // Arrivals 0 (10), 0 (4), 1 (5), 2 (1): servers free at 10 and 4; the third starts at 4 on
    // server 1 (free at 9), the fourth at 9 on server 1.
    const std::vector<QueueArrival> arrivals{{0, 10}, {0, 4}, {1, 5}, {2, 1}};
    QueueOptions options;
    options.servers = 2;
    const QueueResult r = run_queue(arrivals, options);
    CHECK(r.patients[0].server == 0);
    CHECK(r.patients[1].server == 1);
    CHECK(r.patients[2].start == 4);
    CHECK(r.patients[2].server == 1);
    CHECK(r.patients[3].start == 9);
    CHECK(r.patients[3].wait == 7);
    CHECK(r.mean_wait == Approx((0 + 0 + 3 + 7) / 4.0));
  }
  SECTION("c = 1, a T1 overtakes a waiting T3 but does not pre-empt") {
    const std::vector<QueueArrival> arrivals{
        {0, 10, Triage::Minimal}, {1, 5, Triage::Minimal}, {2, 5, Triage::Immediate}};
    QueueOptions options;
    const QueueResult fifo = run_queue(arrivals, options);
    CHECK(fifo.patients[1].wait == 9);
    CHECK(fifo.patients[2].wait == 13);
    options.priority_by_triage = true;
    const QueueResult prio = run_queue(arrivals, options);
    CHECK(prio.patients[0].wait == 0);
    CHECK(prio.patients[2].start == 10);
    CHECK(prio.patients[2].wait == 8);
    CHECK(prio.patients[1].start == 15);
    CHECK(prio.patients[1].wait == 14);
  }
  SECTION("empty input and bad options") {
    CHECK(run_queue({}, {}).patients.empty());
    QueueOptions none;
    none.servers = 0;
    CHECK_THROWS_AS(run_queue({{0, 1}}, none), std::invalid_argument);
  }
}

TEST_CASE("hospital queue: deterministic given its inputs, whatever their order", "[medical][queue]") {
  engine::RandomStream rng(engine::StreamKey{7, 0, engine::purpose_tag("test.queue"), 0, 0});
  auto arrivals = poisson_exponential(1.5, 1.0, 2000, rng);
  for (std::size_t i = 0; i < arrivals.size(); ++i)
    arrivals[i].triage = static_cast<Triage>(1 + i % 3);
  QueueOptions options;
  options.servers = 2;
  options.priority_by_triage = true;
  const QueueResult a = run_queue(arrivals, options);
  const QueueResult b = run_queue(arrivals, options);
  std::vector<QueueArrival> reversed(arrivals.rbegin(), arrivals.rend());
  const QueueResult c = run_queue(reversed, options);
  for (std::size_t i = 0; i < arrivals.size(); ++i) {
    CHECK(a.patients[i].start == b.patients[i].start);
    CHECK(a.patients[i].server == b.patients[i].server);
    CHECK(a.patients[i].start == c.patients[arrivals.size() - 1 - i].start);
  }
  CHECK(a.mean_in_system == b.mean_in_system);
  CHECK(a.mean_in_system == c.mean_in_system);
}

TEST_CASE("hospital queue: M/M/c mean waits match Erlang C: Little's law holds on every run",
          "[medical][queue]") {
  // mu = 1 (mean service 1 time unit); lambda = rho * c. R independent replications of N
  // patients, the first W of each discarded as warm-up (the queue starts empty); the mean wait
  // must be within 4 standard errors of the replication means (plus 2% for the remaining
  // start-up bias) of Erlang C.
  struct Load {
    int c;
    double rho;
  };
  const std::vector<Load> loads{{2, 0.5}, {2, 0.7}, {2, 0.85}, {3, 0.5}, {3, 0.7}, {3, 0.85}};
  const int R = 20, N = 25000, W = 2500;
  std::uint64_t load_index = 0;
  for (const Load& load : loads) {
    ++load_index;
    const double lambda = load.rho * load.c;
    const double theory = mmc_mean_wait(load.c, lambda, 1.0);
    double sum = 0, sum_sq = 0, busy_sum = 0;
    for (int rep = 0; rep < R; ++rep) {
      engine::RandomStream rng(engine::StreamKey{42, static_cast<std::uint64_t>(rep),
                                                 engine::purpose_tag("test.mmc"), load_index, 0});
      const auto arrivals = poisson_exponential(lambda, 1.0, N, rng);
      QueueOptions options;
      options.servers = load.c;
      options.observe_from = 0;
      options.observe_until = arrivals.back().arrival;
      const QueueResult r = run_queue(arrivals, options);
      check_little(arrivals, r, 0.02);
      // Default window [first arrival, last departure]: Little's law is then an identity.
      options.observe_from.reset();
      options.observe_until.reset();
      const QueueResult whole = run_queue(arrivals, options);
      CHECK(whole.mean_in_system * (whole.observe_until - whole.observe_from) ==
            Approx(N * whole.mean_time_in_system).epsilon(1e-9));
      double w = 0;
      for (int i = W; i < N; ++i) w += r.patients[static_cast<std::size_t>(i)].wait;
      w /= (N - W);
      sum += w;
      sum_sq += w * w;
      busy_sum += r.mean_busy / load.c;
    }
    const double mean = sum / R;
    const double se = std::sqrt((sum_sq / R - mean * mean) * R / (R - 1) / R);
    INFO("c = " << load.c << ", rho = " << load.rho << ": simulated Wq " << mean << " +- " << se
                << ", Erlang C " << theory);
    CHECK(std::abs(mean - theory) <= 4 * se + 0.02 * theory);
    CHECK(busy_sum / R == Approx(load.rho).epsilon(0.02));  // utilisation = rho
  }
}

}  // namespace unity_camp_medical_test_hospital_queue
