#include "sim/engine/event_log.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <stdexcept>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "sim/engine/number_format.hpp"

namespace campsim::engine {

std::string json_quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (const char ch : text) {
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(ch)));
        } else {
          out += ch;
        }
    }
  }
  out += '"';
  return out;
}

namespace {

std::string json_number(double value) { return std::isfinite(value) ? format_number(value) : "null"; }

std::string json_value(const LogValue& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::int64_t>) return std::to_string(v);
        else if constexpr (std::is_same_v<T, double>) return json_number(v);
        else if constexpr (std::is_same_v<T, std::string>) return json_quote(v);
        else return v ? "true" : "false";
      },
      value);
}

}  // namespace

void EventLog::record(SimTime time, std::string_view type, std::vector<LogField> fields) {
  if (!keeps_records()) {
    ++counted_;
    return;
  }
  records_.push_back(Record{time, std::string(type), std::move(fields)});
}

std::map<std::string, std::size_t> EventLog::counts_by_type() const {
  std::map<std::string, std::size_t> counts;
  for (const Record& record : records_) ++counts[record.type];
  return counts;
}

void EventLog::write_jsonl(std::ostream& out) const {
  std::string line;
  for (const Record& record : records_) {
    line = "{\"t\":" + json_number(record.time) + ",\"type\":" + json_quote(record.type);
    for (const LogField& field : record.fields) {
      line += ',';
      line += json_quote(field.key);
      line += ':';
      line += json_value(field.value);
    }
    line += "}\n";
    out << line;
  }
}

void EventLog::merge(EventLog&& other) {
  if (!keeps_records()) {
    counted_ += other.size();
    other = EventLog(other.keeping_);
    return;
  }
  if (!other.keeps_records()) throw std::logic_error("EventLog::merge: a log that only counts has no records to give");
  for (Record& r : other.records_) records_.push_back(std::move(r));
  other.records_.clear();
  sort_by_time();
}

// Stable: records at equal times keep the order they were recorded in (their sequence), which
// is the order in which the model handled them.
//
// A record carries its fields (names and values as strings), so moving records through a merge
// sort's buffer (n log n moves of a few hundred bytes each) cost more than deciding the order:
// the order is found on (time, position) pairs, then each record is moved once (issue 25).
// Sorting the pairs by time and then position is the stable sort by time, so the same order.
void EventLog::sort_by_time() {
  std::vector<std::pair<SimTime, std::size_t>> order(records_.size());
  for (std::size_t i = 0; i < records_.size(); ++i) order[i] = {records_[i].time, i};
  if (std::is_sorted(order.begin(), order.end())) return;
  std::sort(order.begin(), order.end());
  std::vector<Record> sorted;
  sorted.reserve(records_.size());
  for (const auto& [time, position] : order) sorted.push_back(std::move(records_[position]));
  records_ = std::move(sorted);
}

}  // namespace campsim::engine
