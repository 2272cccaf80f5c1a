#pragma once
// Language at the gate. Whether someone at the gate speaks the crowd's languages changes how
// likely and how fast a negotiation calms it. Gao's town speaks mostly Songhai (Koyraboro
// Senni), also Tamasheq and Fulfulde; French is the official language, understood by part of
// the town (../shared/reference/gao-facts.md). The seeds report few French speakers in the force
// and none for local languages: which languages are covered is a parameter users vary.
namespace campsim::camp::protest {

struct LanguageMix {  // shares of the crowd by main language (sum 1), and French as a second language
  double songhai = 0.70;            // assumed: the town's main language (gao-facts.md)
  double tamasheq = 0.12;           // assumed
  double fulfulde = 0.10;           // assumed
  double other = 0.08;              // assumed (Arabic, Bambara ...)
  double french_understood = 0.30;  // assumed: share who also follow French
};

struct InterpretersAtGate {
  bool french = true;  // the seeds: a few French speakers
  bool songhai = false, tamasheq = false, fulfulde = false;
};

struct NegotiationParams {
  double success_chance = 0.6;    // per negotiation round with full understanding (assumed)
  double round_minutes = 15.0;    // one round with full understanding (assumed)
  double without_language = 0.2;  // what gestures and written signs keep of both (assumed)
};

// Share of the crowd the force can address: main language covered, or French covered and
// understood.
double understanding(const LanguageMix& mix, const InterpretersAtGate& at_gate);
// Chance that one negotiation round calms the crowd, and how long a round takes: both scale
// with understanding u as (f + (1 - f) u), f = without_language.
double negotiation_success_chance(double understanding, const NegotiationParams& params);
double negotiation_round_minutes(double understanding, const NegotiationParams& params);

}  // namespace campsim::camp::protest
