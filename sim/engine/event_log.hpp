#pragma once
// The run's event log: one record per event, kept in memory in recording order and written
// as JSON Lines. Output is byte-stable: fields keep their insertion order and numbers go
// through format_number.
#include <cstddef>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sim/engine/record_keeping.hpp"
#include "sim/engine/sim_time.hpp"

namespace campsim::engine {

using LogValue = std::variant<std::int64_t, double, std::string, bool>;

struct LogField {
  std::string key;
  LogValue value;
};

class EventLog {
 public:
  // A log that only counts (RecordKeeping::CountOnly) has a size and nothing else: no counts by
  // type, no records to sort, merge or write.
  explicit EventLog(RecordKeeping keeping = RecordKeeping::Keep) : keeping_(keeping) {}
  bool keeps_records() const { return keeping_ == RecordKeeping::Keep; }
  void record(SimTime time, std::string_view type, std::vector<LogField> fields);
  // For frequent records whose fields cost more than the record (a duty's start and end):
  // `make_fields()` is called only if the log keeps records.
  template <class MakeFields>
  void record_with(SimTime time, std::string_view type, MakeFields&& make_fields) {
    if (keeps_records()) record(time, type, make_fields());
    else ++counted_;
  }
  std::size_t size() const { return keeps_records() ? records_.size() : counted_; }
  std::map<std::string, std::size_t> counts_by_type() const;
  // Appends another log's records, then sorts the whole by time (stable: at equal times this
  // log's records come first, each log keeps its own order).
  void merge(EventLog&& other);
  // Puts the records in (time, recording sequence) order. Modules record some facts ahead of
  // their time (a roster marks a post unmanned from a later hour; an attack's later gunfire), so
  // a run sorts its log once before writing it.
  void sort_by_time();
  // One line per record: {"t":<time>,"type":"...",<fields in order>}. Doubles via
  // format_number; a non-finite double (which JSON cannot represent) is written as null.
  void write_jsonl(std::ostream& out) const;

 private:
  struct Record {
    SimTime time;
    std::string type;
    std::vector<LogField> fields;
  };
  RecordKeeping keeping_;
  std::size_t counted_ = 0;  // records handed to a log that only counts
  std::vector<Record> records_;
};

// `text` as a JSON string literal, quotes included. Escapes quote, backslash and control
// characters; other bytes (UTF-8 included) pass through unchanged.
std::string json_quote(std::string_view text);

}  // namespace campsim::engine
