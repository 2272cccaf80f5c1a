#include "sim/batch/parameter_space.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <set>

#include "sim/engine/number_format.hpp"
#include "sim/engine/random.hpp"
#include "sim/scenario/reader.hpp"
#include "sim/scenario/yaml_source.hpp"
#include "sim/engine/portable_math.hpp"

namespace campsim::batch {

namespace {

using scenario::MapReader;
using scenario::Need;

constexpr double kTail = 0.005;  // unbounded distributions: u in [0, 1] -> quantiles 0.5%..99.5%

double unbounded_quantile(double u) { return engine::standard_normal_quantile(kTail + (1 - 2 * kTail) * u); }

std::string short_number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.12g", value);
  return engine::format_number(std::strtod(text, nullptr));
}

// For reading, not for reading back: a rate of 0.0005 a day as "0.0005", not "5e-04" (the
// exponent form is kept only for numbers so small or large that plain digits would mislead).
std::string readable_number(double value) {
  const double size = std::abs(value);
  if (size != 0 && (size < 1e-6 || size >= 1e15)) return short_number(value);
  char text[48];
  std::snprintf(text, sizeof text, "%.12f", std::strtod(short_number(value).c_str(), nullptr));
  std::string out = text;
  out.erase(out.find_last_not_of('0') + 1);  // "%.12f" always has a point: only decimals go
  if (out.back() == '.') out.pop_back();
  return out == "-0" ? "0" : out;
}

bool known_unit(const std::string& unit) {
  return unit.empty() || unit == "s" || unit == "min" || unit == "h" || unit == "d";
}

}  // namespace

double UncertainParameter::value_at(double u) const {
  u = std::clamp(u, 0.0, 1.0);
  double value = 0;
  switch (distribution) {
    case ParameterDistribution::Uniform: value = low + u * (high - low); break;
    case ParameterDistribution::LogUniform: value = math::exp(math::log(low) + u * (math::log(high) - math::log(low))); break;
    case ParameterDistribution::Triangular: {
      const double split = (mode - low) / (high - low);
      value = u < split ? low + std::sqrt(u * (high - low) * (mode - low))
                        : high - std::sqrt((1 - u) * (high - low) * (high - mode));
      break;
    }
    case ParameterDistribution::Normal:
      value = clipped ? mean + sd * engine::standard_normal_quantile(std::clamp(u, 1e-12, 1 - 1e-12)) : mean + sd * unbounded_quantile(u);
      break;
    case ParameterDistribution::Lognormal: {
      const double sigma = math::log(p90 / median) / engine::kZ90;
      const double z = clipped ? engine::standard_normal_quantile(std::clamp(u, 1e-12, 1 - 1e-12)) : unbounded_quantile(u);
      value = median * math::exp(sigma * z);
      break;
    }
  }
  if (clipped) value = std::clamp(value, low, high);
  if (integer) value = std::round(value);
  return value;
}

std::string UncertainParameter::text_at(double u) const { return short_number(value_at(u)) + unit; }

std::string UncertainParameter::describe() const {
  const std::string range = "[" + readable_number(low) + ", " + readable_number(high) + "]";
  std::string text;
  switch (distribution) {
    case ParameterDistribution::Uniform: text = "uniform " + range; break;
    case ParameterDistribution::LogUniform: text = "log-uniform " + range; break;
    case ParameterDistribution::Triangular: text = "triangular " + range + " mode " + readable_number(mode); break;
    case ParameterDistribution::Normal:
      text = "normal mean " + readable_number(mean) + " sd " + readable_number(sd) + (clipped ? " clipped to " + range : "");
      break;
    case ParameterDistribution::Lognormal:
      text = "lognormal median " + readable_number(median) + " p90 " + readable_number(p90) + (clipped ? " clipped to " + range : "");
      break;
  }
  if (!unit.empty()) text += " " + unit;
  if (integer) text += ", whole numbers";
  return text;
}

std::vector<std::string> ParameterSpace::keys() const {
  std::vector<std::string> out;
  for (const UncertainParameter& p : parameters) out.push_back(p.key);
  return out;
}

std::vector<std::vector<std::string>> ParameterSpace::rows(const std::vector<std::vector<double>>& unit_points) const {
  std::vector<std::vector<std::string>> out;
  out.reserve(unit_points.size());
  for (const auto& point : unit_points) {
    std::vector<std::string> row;
    for (std::size_t i = 0; i < parameters.size(); ++i) row.push_back(parameters[i].text_at(point[i]));
    out.push_back(std::move(row));
  }
  return out;
}

ParameterSpace read_parameter_space(const std::filesystem::path& file) {
  const scenario::Node root = scenario::parse_yaml_file(file);
  scenario::Reader reader(root);
  MapReader top = reader.root();
  ParameterSpace space;
  std::set<std::string> keys;
  top.list("parameters", Need::Required, [&](MapReader& item, std::size_t) {
    UncertainParameter p;
    item.text("key", p.key, Need::Required);
    if (!p.key.empty() && !keys.insert(p.key).second) item.fail("key", "each parameter key once", scenario::quote(p.key) + " again");
    item.choice("distribution", p.distribution, Need::Optional,
                {{"uniform", ParameterDistribution::Uniform},
                 {"log_uniform", ParameterDistribution::LogUniform},
                 {"triangular", ParameterDistribution::Triangular},
                 {"normal", ParameterDistribution::Normal},
                 {"lognormal", ParameterDistribution::Lognormal}});
    const bool bounded = p.distribution == ParameterDistribution::Uniform ||
                         p.distribution == ParameterDistribution::LogUniform ||
                         p.distribution == ParameterDistribution::Triangular;
    const Need range_need = bounded ? Need::Required : Need::Optional;
    item.number("low", p.low, range_need);
    item.number("high", p.high, range_need);
    if (item.has("low") != item.has("high"))
      item.fail(item.has("low") ? "high" : "low", "both low and high (a clip needs both ends)", "only one of them");
    if (item.has("low") && item.has("high") && !(p.high > p.low))
      item.fail("high", "a number above low (" + short_number(p.low) + ")", scenario::quote(short_number(p.high)));
    p.clipped = !bounded && item.has("low") && item.has("high");
    if (p.distribution == ParameterDistribution::LogUniform && item.has("low") && !(p.low > 0))
      item.fail("low", "a positive number (log-uniform)", scenario::quote(short_number(p.low)));
    if (p.distribution == ParameterDistribution::Triangular) {
      item.number("mode", p.mode, Need::Required);
      if (item.has("mode") && (p.mode < p.low || p.mode > p.high))
        item.fail("mode", "a number between low and high", scenario::quote(short_number(p.mode)));
    }
    if (p.distribution == ParameterDistribution::Normal) {
      item.number("mean", p.mean, Need::Required);
      item.number("sd", p.sd, Need::Required, {0.0, std::numeric_limits<double>::max()});
      // sd 0 is no uncertainty: every sample the mean, and every index of the analysis 0/0.
      if (item.has("sd") && p.sd == 0)
        item.fail("sd", "a standard deviation above 0 (with none, fix the value with --set instead)", "0");
    }
    if (p.distribution == ParameterDistribution::Lognormal) {
      item.number("median", p.median, Need::Required, {std::numeric_limits<double>::min(), std::numeric_limits<double>::infinity()});
      item.number("p90", p.p90, Need::Required);
      if (item.has("median") && item.has("p90") && !(p.p90 > p.median))
        item.fail("p90", "a number above the median", scenario::quote(short_number(p.p90)));
    }
    if (!bounded) {
      // Fill low/high for descriptions and reports when not clipping: the 0.5% and 99.5% quantiles.
      if (!p.clipped) {
        p.low = 0;
        p.high = 0;
      }
    }
    item.text("unit", p.unit);
    if (!known_unit(p.unit))
      item.fail("unit", "a duration unit (s, min, h or d) or nothing for a plain number", scenario::quote(p.unit));
    item.boolean("integer", p.integer);
    space.parameters.push_back(std::move(p));
  });
  if (top.has("parameters") && space.parameters.empty())
    top.fail("parameters", "at least one parameter, like {key: guards.shifts.handover_overlap, low: 0, high: 30, unit: min}",
             "an empty list");
  reader.finish();
  return space;
}

}  // namespace campsim::batch
