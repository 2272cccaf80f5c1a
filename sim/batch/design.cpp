#include "sim/batch/design.hpp"

#include <cstdio>
#include <cstdlib>
#include <set>

#include "sim/engine/number_format.hpp"
#include "sim/scenario/reader.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace campsim::batch {

namespace {

using scenario::MapReader;
using scenario::Need;

bool is_range_design(DesignKind kind) { return kind != DesignKind::FullFactorial; }

// Units a range factor may carry: the scenario's duration units, or none (a plain number).
bool known_unit(const std::string& unit) {
  return unit.empty() || unit == "s" || unit == "min" || unit == "h" || unit == "d";
}

Factor read_factor(MapReader& item, DesignKind kind) {
  Factor factor;
  item.text("key", factor.key, Need::Required);
  if (!is_range_design(kind)) {
    for (const char* key : {"low", "high", "unit"})
      if (item.has(key))
        item.fail(key, "no range in a full factorial design (list its levels under 'values')", "a range");
    item.list_of_text("values", factor.levels, Need::Required);
    if (item.has("values") && factor.levels.empty())
      item.fail("values", "at least one level, like [4h, 6h, 8h]", "an empty list");
    std::set<std::string> seen;
    for (const std::string& level : factor.levels)
      if (!seen.insert(level).second) item.fail("values", "each level once", "'" + level + "' twice");
    return factor;
  }
  if (item.has("values"))
    item.fail("values", "a range (low, high, unit) in an lhs or nolh design", "a list of levels");
  item.number("low", factor.low, Need::Required);
  item.number("high", factor.high, Need::Required);
  if (item.has("low") && item.has("high") && !(factor.high > factor.low))
    item.fail("high", "a number above low (" + engine::format_number(factor.low) + ")",
              scenario::quote(engine::format_number(factor.high)));
  item.text("unit", factor.unit);
  if (!known_unit(factor.unit))
    item.fail("unit", "a duration unit (s, min, h or d) or nothing for a plain number", scenario::quote(factor.unit));
  return factor;
}

std::string level_text(const Factor& factor, int level, int points, DesignKind kind) {
  const double span = factor.high - factor.low;
  const double value = kind == DesignKind::LatinHypercube
                           ? factor.low + (level + 0.5) * span / points
                           : factor.low + (points > 1 ? level * span / (points - 1) : 0.0);
  // 12 significant digits: 0.03625, not the 0.036250000000000004 that binary arithmetic leaves.
  // Far finer than any stratum, so every level stays in its own.
  char text[32];
  std::snprintf(text, sizeof text, "%.12g", value);
  return engine::format_number(std::strtod(text, nullptr)) + factor.unit;
}

}  // namespace

const char* design_kind_name(DesignKind kind) {
  switch (kind) {
    case DesignKind::FullFactorial: return "full_factorial";
    case DesignKind::LatinHypercube: return "lhs";
    case DesignKind::NearlyOrthogonal: return "nolh";
  }
  return "?";
}

std::vector<std::string> DesignPoint::overrides() const {
  std::vector<std::string> out;
  for (const auto& [key, value] : settings) out.push_back(key + "=" + value);
  return out;
}

std::vector<DesignPoint> full_factorial(const std::vector<Factor>& factors) {
  std::size_t count = 1;
  for (const Factor& f : factors) count *= f.levels.size();
  std::vector<DesignPoint> points;
  if (factors.empty()) return points;
  for (std::size_t p = 0; p < count; ++p) {
    DesignPoint point;
    point.index = static_cast<int>(p);
    // Mixed-radix digits of p, the last factor the fastest-changing digit.
    std::vector<std::size_t> digit(factors.size());
    std::size_t rest = p;
    for (std::size_t f = factors.size(); f-- > 0;) {
      digit[f] = rest % factors[f].levels.size();
      rest /= factors[f].levels.size();
    }
    for (std::size_t f = 0; f < factors.size(); ++f) point.settings.emplace_back(factors[f].key, factors[f].levels[digit[f]]);
    points.push_back(std::move(point));
  }
  return points;
}

std::vector<DesignPoint> points_from_levels(const std::vector<Factor>& factors, const LevelMatrix& levels,
                                            DesignKind kind) {
  std::vector<DesignPoint> points;
  const int n = static_cast<int>(levels.size());
  for (int p = 0; p < n; ++p) {
    DesignPoint point;
    point.index = p;
    for (std::size_t f = 0; f < factors.size(); ++f)
      point.settings.emplace_back(factors[f].key, level_text(factors[f], levels[static_cast<std::size_t>(p)][f], n, kind));
    points.push_back(std::move(point));
  }
  return points;
}

Design read_design(const std::filesystem::path& file) {
  const scenario::Node root = scenario::parse_yaml_file(file);
  scenario::Reader reader(root);
  MapReader top = reader.root();
  MapReader spec = top.map("design", Need::Required);
  Design design;
  spec.choice("kind", design.kind, Need::Required,
              {{"full_factorial", DesignKind::FullFactorial},
               {"lhs", DesignKind::LatinHypercube},
               {"nolh", DesignKind::NearlyOrthogonal}});
  int seed = 1;
  if (is_range_design(design.kind)) {
    spec.integer("points", design.points, Need::Required, {2, 100000});
    spec.integer("seed", seed, Need::Optional, {0, 2147483647});
  } else {
    for (const char* key : {"points", "seed"})
      if (spec.has(key))
        spec.fail(key, "no '" + std::string(key) + "' in a full factorial design (its points are every combination of the levels)",
                  "'" + std::string(key) + "'");
  }
  design.seed = static_cast<std::uint64_t>(seed);
  std::set<std::string> keys;
  spec.list("factors", Need::Required, [&](MapReader& item, std::size_t) {
    Factor factor = read_factor(item, design.kind);
    if (!factor.key.empty() && !keys.insert(factor.key).second)
      item.fail("key", "each factor key once", scenario::quote(factor.key) + " again");
    design.factors.push_back(std::move(factor));
  });
  if (spec.has("factors") && design.factors.empty())
    spec.fail("factors", "at least one factor, like {key: guards.shifts.length, values: [6h, 8h]}", "an empty list");
  reader.finish();  // throws with every problem found

  if (design.kind == DesignKind::FullFactorial) {
    design.table = full_factorial(design.factors);
  } else {
    const int k = static_cast<int>(design.factors.size());
    const LevelMatrix levels = design.kind == DesignKind::LatinHypercube
                                   ? latin_hypercube(design.points, k, design.seed)
                                   : nearly_orthogonal_latin_hypercube(design.points, k, design.seed);
    design.max_abs_correlation = max_abs_column_correlation(levels);
    design.table = points_from_levels(design.factors, levels, design.kind);
  }
  return design;
}

}  // namespace campsim::batch
