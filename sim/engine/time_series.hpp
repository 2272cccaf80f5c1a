#pragma once
// A table of samples: one row per sample time, fixed columns, written as tidy CSV (one header
// line, then one line per row) that pandas and R read as they are.
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "sim/engine/record_keeping.hpp"

namespace campsim::engine {

class TimeSeries {
 public:
  // A series that only counts (RecordKeeping::CountOnly) checks and counts its rows but keeps no
  // values: at() and write_csv() throw std::logic_error.
  explicit TimeSeries(std::vector<std::string> columns, RecordKeeping keeping = RecordKeeping::Keep);
  // Throws std::invalid_argument if row.size() != columns().size().
  void append(const std::vector<double>& row);
  // A row nobody keeps, counted without its values, so that a caller need not build it: only a
  // series that counts takes one (std::logic_error otherwise).
  void count_row();
  std::size_t rows() const;
  bool keeps_rows() const { return keeping_ == RecordKeeping::Keep; }
  const std::vector<std::string>& columns() const { return columns_; }
  double at(std::size_t row, std::size_t column) const;  // throws std::out_of_range
  // Numbers via format_number; column names quoted (RFC 4180) only if they need it.
  void write_csv(std::ostream& out) const;

 private:
  std::vector<std::string> columns_;
  RecordKeeping keeping_;
  std::vector<double> values_;  // row-major, rows() * columns_.size()
  std::size_t rows_ = 0;
};

}  // namespace campsim::engine
