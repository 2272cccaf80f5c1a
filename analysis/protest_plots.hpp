#pragma once
// The figures of a comparison of rules of engagement (policies of a protest replay, compared with
// `--metrics 'protests.*'`): the toll per policy (civilians killed and wounded, police and
// peacekeepers hurt, breaches), how far the protests escalated, how long they lasted, and, when
// every run has one protest, when its crowd first threw stones and when it ended.
//
// A batch keeps each run's metrics (results.csv) and care records (care.csv), not its
// protests.csv or events.jsonl, so the time each rung of the escalation ladder was reached is not
// there; only the first stones and the end are (the per-run means of protests.mean_*_min, which
// are the protest's own times when a run has one protest).
#include <string>
#include <vector>

#include "analysis/batch_table.hpp"
#include "analysis/comparison.hpp"
#include "analysis/plot_script.hpp"

namespace campsim::analysis {

// Nothing when the comparison holds no protest metric (a medical comparison gets no protest
// notes); otherwise each figure, or the sentence saying why it is not drawn.
std::vector<FigureOrNote> protest_figures(const BatchTable& batch, const Comparison& c, int design_point, const std::string& where,
                                          const std::string& suffix);

}  // namespace campsim::analysis
