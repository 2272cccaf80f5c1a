// MapReader::distribution: a scalar is a fixed value, a map names its distribution and
// parameters. The parameter map is read through an internal, non-recording MapReader so its
// misspelt keys are reported like any other; the record is written from the final value, in one
// canonical map form, so defaults and values read look alike in resolved().
#include <fmt/core.h>

#include <array>
#include <cmath>
#include <numeric>
#include <utility>

#include "sim/scenario/duration.hpp"
#include "sim/scenario/reader.hpp"

namespace campsim::scenario {

namespace {

using Json = nlohmann::ordered_json;
using Kind = engine::Distribution::Kind;

constexpr std::array<std::pair<std::string_view, Kind>, 6> kKinds{{{"fixed", Kind::Fixed},
                                                                    {"uniform", Kind::Uniform},
                                                                    {"exponential", Kind::Exponential},
                                                                    {"lognormal", Kind::Lognormal},
                                                                    {"triangular", Kind::Triangular},
                                                                    {"empirical", Kind::Empirical}}};

std::string_view kind_name(Kind kind) {
  for (const auto& [name, k] : kKinds) {
    if (k == kind) return name;
  }
  return "fixed";
}

Json json_value(double v, ValueUnit unit) { return unit == ValueUnit::Duration ? Json(format_duration(v)) : Json(v); }

// The parameter names match the scenario syntax, so the record reads back as the same value.
Json to_json(const engine::Distribution& d, ValueUnit unit) {
  Json j = Json::object();
  j["dist"] = std::string(kind_name(d.kind));
  switch (d.kind) {
    case Kind::Fixed: j["value"] = json_value(d.a, unit); break;
    case Kind::Uniform:
      j["min"] = json_value(d.a, unit);
      j["max"] = json_value(d.b, unit);
      break;
    case Kind::Exponential: j["mean"] = json_value(d.a, unit); break;
    case Kind::Lognormal:
      j["median"] = json_value(d.a, unit);
      j["p90"] = json_value(d.b, unit);
      break;
    case Kind::Triangular:
      j["min"] = json_value(d.a, unit);
      j["mode"] = json_value(d.b, unit);
      j["max"] = json_value(d.c, unit);
      break;
    case Kind::Empirical: {
      Json values = Json::array();
      for (double v : d.values) values.push_back(json_value(v, unit));
      j["values"] = std::move(values);
      j["weights"] = d.weights;
      break;
    }
  }
  return j;
}

}  // namespace

void MapReader::distribution(std::string_view key, engine::Distribution& out, Need need, ValueUnit unit, Range range) {
  const ValueKind kind = unit == ValueUnit::Duration ? ValueKind::Duration : ValueKind::Number;
  const std::string expected =
      fmt::format("{} or a distribution like {}", noun(kind),
                  unit == ValueUnit::Duration ? "{dist: lognormal, median: 10min, p90: 30min}" : "{dist: uniform, min: 1, max: 3}");
  if (const Node* value = lookup(key, need, expected)) {
    if (value->kind == Node::Kind::Scalar) {
      if (!parse_value(value->scalar, kind)) {
        report(value, key, expected, quote(value->scalar), hint_for(value->scalar, kind));
      } else if (const auto x = scalar(*value, key_path(key), kind, range)) {
        out = engine::Distribution::fixed(*x);
      }
    } else if (value->kind == Node::Kind::Map) {
      if (auto d = distribution_map(key, *value, unit, range)) out = std::move(*d);
    } else {
      report(value, key, expected, describe(value));
    }
  }
  record(key, to_json(out, unit));
}

std::optional<engine::Distribution> MapReader::distribution_map(std::string_view key, const Node& value, ValueUnit unit,
                                                                Range range) {
  using engine::Distribution;
  const ValueKind kind = unit == ValueUnit::Duration ? ValueKind::Duration : ValueKind::Number;
  MapReader m = child(&value, key_path(key), nlohmann::ordered_json::json_pointer(), /*record_values=*/false);

  std::vector<std::string_view> names;
  for (const auto& entry : kKinds) names.push_back(entry.first);
  const auto chosen = m.choose("dist", Need::Required, names, std::nullopt);
  if (!chosen) {
    // Without a valid kind the other keys cannot be judged; calling them unknown would be noise.
    for (const auto& entry : value.entries) reader_->mark(&value, entry.first);
    return std::nullopt;
  }

  auto param = [&](std::string_view name) -> std::optional<double> {
    const Node* p = m.lookup(name, Need::Required, expected_in(kind, range));
    return p != nullptr ? m.scalar(*p, m.key_path(name), kind, range) : std::nullopt;
  };
  auto found = [&](std::string_view name) { return describe(value.find(name)); };
  auto shown = [&](double v) { return show(v, kind); };

  switch (kKinds[*chosen].second) {
    case Kind::Fixed: {
      const auto v = param("value");
      if (!v) return std::nullopt;
      return Distribution::fixed(*v);
    }
    case Kind::Uniform: {
      const auto lo = param("min");
      const auto hi = param("max");
      if (!lo || !hi) return std::nullopt;
      if (*hi < *lo) {
        m.fail("max", fmt::format("a max of at least the min ({})", shown(*lo)), found("max"));
        return std::nullopt;
      }
      return Distribution::uniform(*lo, *hi);
    }
    case Kind::Exponential: {
      const auto mean = param("mean");
      if (!mean) return std::nullopt;
      if (!(*mean > 0)) {
        m.fail("mean", "a mean greater than 0", found("mean"));
        return std::nullopt;
      }
      return Distribution::exponential(*mean);
    }
    case Kind::Lognormal: {
      const auto median = param("median");
      const auto p90 = param("p90");
      if (!median || !p90) return std::nullopt;
      if (!(*median > 0)) {
        m.fail("median", "a median greater than 0", found("median"));
        return std::nullopt;
      }
      if (!(*p90 > *median)) {
        m.fail("p90", fmt::format("a p90 greater than the median ({})", shown(*median)), found("p90"));
        return std::nullopt;
      }
      return Distribution::lognormal(*median, *p90);
    }
    case Kind::Triangular: {
      const auto lo = param("min");
      const auto mode = param("mode");
      const auto hi = param("max");
      if (!lo || !mode || !hi) return std::nullopt;
      if (!(*lo < *hi)) {
        m.fail("max", fmt::format("a max greater than the min ({})", shown(*lo)), found("max"));
        return std::nullopt;
      }
      if (*mode < *lo || *mode > *hi) {
        m.fail("mode", fmt::format("a mode between the min ({}) and the max ({})", shown(*lo), shown(*hi)), found("mode"));
        return std::nullopt;
      }
      return Distribution::triangular(*lo, *mode, *hi);
    }
    case Kind::Empirical: {
      const auto values = m.scalar_list("values", Need::Required, kind, range, 0);
      const auto weights = m.scalar_list("weights", Need::Optional, ValueKind::Number, Range{0.0}, 0);
      if (!values || (m.has("weights") && !weights)) return std::nullopt;
      if (values->empty()) {
        m.fail("values", "at least one value", found("values"));
        return std::nullopt;
      }
      if (!weights) return Distribution::empirical(*values, std::vector<double>(values->size(), 1.0));
      if (weights->size() != values->size()) {
        m.fail("weights", fmt::format("one weight per value ({} weights)", values->size()),
               fmt::format("{} weights", weights->size()));
        return std::nullopt;
      }
      if (!(std::accumulate(weights->begin(), weights->end(), 0.0) > 0)) {
        m.fail("weights", "weights with a positive sum", "weights that are all 0");
        return std::nullopt;
      }
      return Distribution::empirical(*values, *weights);
    }
  }
  return std::nullopt;
}

}  // namespace campsim::scenario
