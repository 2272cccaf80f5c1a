#pragma once
// The force's legitimacy in the town's eyes (L in Epstein's model, in [0, 1]). It falls after
// civilian casualties caused by the force and after mission decisions nobody explained to the
// town, and recovers toward its baseline only through community engagement; so protests cluster
// after incidents. Each fall removes a share of what is left (L stays in [0, 1] whatever
// happens); engagement closes a share of the gap to the baseline per day of engagement.
// Parameters and sources: docs/protest.md.
namespace campsim::camp::protest {

struct LegitimacyParams {
  double baseline = 0.8;              // Epstein 2002 / Mesa's example default legitimacy
  double fall_per_death = 0.10;       // share lost per civilian killed by the force (assumed)
  double fall_per_injury = 0.02;      // share lost per civilian injured by the force (assumed)
  double fall_per_unexplained = 0.03; // share lost per unexplained mission decision (assumed)
  double recovery_per_day = 0.05;     // share of the gap closed per day of full engagement (assumed)
};

class Legitimacy {
 public:
  explicit Legitimacy(LegitimacyParams params = {});  // starts at the baseline

  double value() const { return value_; }
  void civilians_killed(int count);
  void civilians_injured(int count);
  void unexplained_decision();
  // `days` of engagement at `intensity` in [0, 1] (0: none, 1: full programme).
  void engage(double days, double intensity);

 private:
  void fall(double share, int times);
  LegitimacyParams params_;
  double value_;
};

}  // namespace campsim::camp::protest
