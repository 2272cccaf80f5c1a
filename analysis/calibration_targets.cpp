#include "analysis/calibration_targets.hpp"

#include <cmath>
#include <limits>

#include "sim/engine/number_format.hpp"
#include "sim/scenario/reader.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace campsim::analysis {

using scenario::MapReader;
using scenario::Need;

std::vector<CalibrationTarget> read_calibration_targets(const std::filesystem::path& file) {
  const scenario::Node root = scenario::parse_yaml_file(file);
  scenario::Reader reader(root);
  MapReader top = reader.root();
  std::vector<CalibrationTarget> targets;
  top.list("targets", Need::Required, [&](MapReader& item, std::size_t) {
    CalibrationTarget t;
    if (item.has("metric") == item.has("sum_of"))
      item.fail(item.has("metric") ? "sum_of" : "metric", "exactly one of 'metric' (a column) or 'sum_of' (a list of columns)",
                item.has("metric") ? "both" : "neither");
    if (item.has("metric")) {
      item.text("metric", t.metric, Need::Required);
      t.columns = {t.metric};
    } else if (item.has("sum_of")) {
      item.list_of_text("sum_of", t.columns, Need::Required);
      if (t.columns.empty()) item.fail("sum_of", "at least one column", "an empty list");
      for (const std::string& c : t.columns) t.metric += (t.metric.empty() ? "" : " + ") + c;
    }
    item.choice("per", t.scale, Need::Optional,
                {{"run", TargetScale::PerRun},
                 {"day", TargetScale::PerDay},
                 {"year", TargetScale::PerYear},
                 {"incident", TargetScale::PerIncident}});
    if (t.scale == TargetScale::PerIncident) {
      item.text("incidents", t.incidents, Need::Required);
    } else if (item.has("incidents")) {
      std::string unused;  // read, so that it is reported once, as misplaced rather than unknown
      item.text("incidents", unused);
      item.fail("incidents", "no 'incidents' column unless 'per: incident'", "'incidents' with per: " + std::string(to_string(t.scale)));
    }
    item.choice("role", t.role, Need::Required,
                {{"calibration", TargetRole::Calibration}, {"validation", TargetRole::Validation}});
    const int records = (item.has("value") ? 1 : 0) + (item.has("interval") ? 1 : 0) + (item.has("count") ? 1 : 0);
    if (records != 1)
      item.fail(item.has("value") ? "interval" : "value",
                "exactly one of 'value' (a figure), 'interval' ([low, high]) or 'count' (events on record, with 'over_years')",
                records == 0 ? "none" : "more than one");
    if (item.has("count")) {
      PoissonRecord record;
      double events = 0;
      item.number("count", events, Need::Required, {0.0, 1e9});
      item.number("over_years", record.years, Need::Required, {1e-9, 1e6});
      if (events != std::floor(events)) item.fail("count", "a whole number of events", engine::format_number(events));
      record.events = static_cast<long>(events);
      if (t.scale != TargetScale::PerYear)
        item.fail("per", "per: year with a count (the rate per year is multiplied by over_years)", to_string(t.scale));
      t.count = record;
    } else if (item.has("over_years")) {
      double unused = 0;  // read, so that it is reported once, as misplaced rather than unknown
      item.number("over_years", unused);
      item.fail("over_years", "'over_years' only with 'count'", "'over_years' without 'count'");
    }
    if (item.has("value")) {
      double v = 0;
      item.number("value", v, Need::Required);
      t.value = v;
    }
    if (item.has("interval")) {
      std::vector<double> bounds;
      item.numbers("interval", bounds, Need::Required, {}, 2);
      if (bounds.size() == 2) {
        if (bounds[1] < bounds[0])
          item.fail("interval", "[low, high] with low <= high",
                    "[" + engine::format_number(bounds[0]) + ", " + engine::format_number(bounds[1]) + "]");
        t.low = bounds[0];
        t.high = bounds[1];
      } else {
        t.low = t.high = 0;
      }
    }
    item.number("sd", t.sd, Need::Optional, {0.0, std::numeric_limits<double>::infinity()});
    item.text("source", t.source, Need::Required);
    item.text("note", t.note);
    targets.push_back(std::move(t));
  });
  if (top.has("targets") && targets.empty())
    top.fail("targets", "at least one target, like {metric: threats.casualties.killed, per: year, interval: [0, 3], source: ...}",
             "an empty list");
  reader.finish();
  return targets;
}

}  // namespace campsim::analysis
