#include "sim/batch/design.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "sim/batch/orthogonal_latin_hypercube.hpp"
#include "sim/engine/number_format.hpp"
#include "sim/scenario/reader.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace campsim::batch {

namespace {

using scenario::MapReader;
using scenario::Need;

bool is_range_design(DesignKind kind) {
  return kind == DesignKind::LatinHypercube || kind == DesignKind::NearlyOrthogonal ||
         kind == DesignKind::DecorrelatedLatinHypercube;
}

// Units a range factor may carry: the scenario's duration units, or none (a plain number).
bool known_unit(const std::string& unit) {
  return unit.empty() || unit == "s" || unit == "min" || unit == "h" || unit == "d";
}

Factor read_factor(MapReader& item, DesignKind kind) {
  Factor factor;
  item.text("key", factor.key, Need::Required);
  if (kind == DesignKind::Table) {
    for (const char* key : {"low", "high", "unit", "values"})
      if (item.has(key)) item.fail(key, "only the key in a table design (its values are under 'rows')", scenario::quote(key));
    return factor;
  }
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
    item.fail("values", "a range (low, high, unit) in an lhs, nolh or decorrelated_lhs design", "a list of levels");
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
    case DesignKind::DecorrelatedLatinHypercube: return "decorrelated_lhs";
    case DesignKind::Table: return "table";
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

std::vector<DesignPoint> table_points(const std::vector<std::string>& keys, const std::vector<std::vector<std::string>>& rows) {
  std::vector<DesignPoint> points;
  for (std::size_t p = 0; p < rows.size(); ++p) {
    DesignPoint point;
    point.index = static_cast<int>(p);
    for (std::size_t f = 0; f < keys.size() && f < rows[p].size(); ++f) point.settings.emplace_back(keys[f], rows[p][f]);
    points.push_back(std::move(point));
  }
  return points;
}

std::string table_design_yaml(const std::vector<std::string>& keys, const std::vector<std::vector<std::string>>& rows) {
  // Every value double-quoted (after escaping), so YAML reads it back as the same text.
  const auto quoted = [](const std::string& text) {
    std::string out = "\"";
    for (char c : text) out += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    return out + "\"";
  };
  std::string out = "design:\n  kind: table\n  factors:\n";
  for (const std::string& key : keys) out += "    - {key: " + quoted(key) + "}\n";
  out += "  rows:\n";
  for (const auto& row : rows) {
    out += "    - {values: [";
    for (std::size_t i = 0; i < row.size(); ++i) out += (i ? ", " : "") + quoted(row[i]);
    out += "]}\n";
  }
  return out;
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
               {"nolh", DesignKind::NearlyOrthogonal},
               {"decorrelated_lhs", DesignKind::DecorrelatedLatinHypercube},
               {"table", DesignKind::Table}});
  int seed = 1;
  if (is_range_design(design.kind)) {
    spec.integer("points", design.points, design.kind == DesignKind::NearlyOrthogonal ? Need::Optional : Need::Required,
                 {2, kMaxDesignPoints});
    spec.integer("seed", seed, Need::Optional, {0, 2147483647});
  } else {
    for (const char* key : {"points", "seed"})
      if (spec.has(key))
        spec.fail(key,
                  "no '" + std::string(key) + "' in a " + design_kind_name(design.kind) + " design (" +
                      (design.kind == DesignKind::Table ? "its points are its rows" : "its points are every combination of the levels") +
                      ")",
                  "'" + std::string(key) + "'");
  }
  if (design.kind != DesignKind::Table && spec.has("rows"))
    spec.fail("rows", "rows only in a table design", "'rows'");
  design.seed = static_cast<std::uint64_t>(seed);
  std::set<std::string> keys;
  spec.list("factors", Need::Required, [&](MapReader& item, std::size_t) {
    Factor factor = read_factor(item, design.kind);
    if (!factor.key.empty() && !keys.insert(factor.key).second)
      item.fail("key", "each factor key once", scenario::quote(factor.key) + " again");
    design.factors.push_back(std::move(factor));
  });
  if (design.kind == DesignKind::FullFactorial) {
    // Counted before anything is made: 40 factors of 2 levels ask for 2^40 points.
    std::uint64_t count = design.factors.empty() ? 0 : 1;
    for (const Factor& f : design.factors)
      count = f.levels.empty() ? 0
              : count > (std::uint64_t{1} << 62) / f.levels.size() ? (std::uint64_t{1} << 62)
                                                                    : count * f.levels.size();
    if (count > static_cast<std::uint64_t>(kMaxDesignPoints))
      spec.fail("factors",
                "a design of at most " + std::to_string(kMaxDesignPoints) +
                    " points (every combination of the levels is a point; split a bigger study into several design files)",
                count >= (std::uint64_t{1} << 62) ? std::string("more than 2^62 combinations") : std::to_string(count) + " combinations");
  }
  if (spec.has("factors") && design.factors.empty())
    spec.fail("factors", "at least one factor, like {key: guards.shifts.length, values: [6h, 8h]}", "an empty list");
  if (design.kind == DesignKind::Table) {
    spec.list("rows", Need::Required, [&](MapReader& item, std::size_t) {
      std::vector<std::string> values;
      item.list_of_text("values", values, Need::Required);
      if (item.has("values") && values.size() != design.factors.size())
        item.fail("values", "one value per factor (" + std::to_string(design.factors.size()) + ")",
                  std::to_string(values.size()) + " values");
      design.rows.push_back(std::move(values));
    });
    if (spec.has("rows") && design.rows.empty()) spec.fail("rows", "at least one row", "an empty list");
    if (design.rows.size() > static_cast<std::size_t>(kMaxDesignPoints))
      spec.fail("rows", "a design of at most " + std::to_string(kMaxDesignPoints) + " points (one per row)",
                std::to_string(design.rows.size()) + " rows");
  }
  const int k = static_cast<int>(design.factors.size());
  if (design.kind == DesignKind::NearlyOrthogonal && k > 0) {
    // The orthogonal constructions exist for 2^m + 1 runs only (docs/batch.md lists the sizes).
    const int fitting = orthogonal_runs_for(k);
    if (design.points == 0) {
      design.points = fitting;
    } else {
      const std::optional<int> m = orthogonal_size_exponent(design.points);
      if (!m || orthogonal_columns(*m, OrthogonalConstruction::CioppaLucas2007) < k)
        spec.fail("points",
                  "2^m + 1 points with room for " + std::to_string(k) + " orthogonal factors (" + std::to_string(fitting) +
                      " or more: 5 runs hold 2 factors, 9 hold 4, 17 hold 7, 33 hold 11, 65 hold 16, 129 hold 22, 257 hold 29), "
                      "or no 'points' to get the smallest; decorrelated_lhs takes any size",
                  std::to_string(design.points));
    }
  }
  reader.finish();  // throws with every problem found

  if (design.kind == DesignKind::FullFactorial) {
    design.table = full_factorial(design.factors);
  } else if (design.kind == DesignKind::Table) {
    std::vector<std::string> factor_keys;
    for (const Factor& f : design.factors) factor_keys.push_back(f.key);
    design.table = table_points(factor_keys, design.rows);
  } else {
    const LevelMatrix levels =
        design.kind == DesignKind::LatinHypercube     ? latin_hypercube(design.points, k, design.seed)
        : design.kind == DesignKind::NearlyOrthogonal ? nearly_orthogonal_latin_hypercube_of(design.points, k, design.seed)
                                                      : decorrelated_latin_hypercube(design.points, k, design.seed);
    design.max_abs_correlation = max_abs_column_correlation(levels);
    design.table = points_from_levels(design.factors, levels, design.kind);
  }
  return design;
}

}  // namespace campsim::batch
