#include "sim/engine/time_series.hpp"

#include <stdexcept>
#include <utility>

#include <fmt/format.h>

#include "sim/engine/number_format.hpp"
#include "sim/io/csv.hpp"

namespace campsim::engine {


TimeSeries::TimeSeries(std::vector<std::string> columns, RecordKeeping keeping)
    : columns_(std::move(columns)), keeping_(keeping) {}

void TimeSeries::append(const std::vector<double>& row) {
  if (row.size() != columns_.size())
    throw std::invalid_argument(
        fmt::format("TimeSeries::append: row has {} values, expected {}", row.size(), columns_.size()));
  if (keeps_rows()) values_.insert(values_.end(), row.begin(), row.end());
  ++rows_;
}

void TimeSeries::count_row() {
  if (keeps_rows()) throw std::logic_error("TimeSeries::count_row: this series keeps its rows' values");
  ++rows_;
}

std::size_t TimeSeries::rows() const { return rows_; }

double TimeSeries::at(std::size_t row, std::size_t column) const {
  if (!keeps_rows()) throw std::logic_error("TimeSeries::at: this series only counts its rows");
  if (row >= rows_ || column >= columns_.size()) throw std::out_of_range("TimeSeries::at: out of range");
  return values_[row * columns_.size() + column];
}

void TimeSeries::write_csv(std::ostream& out) const {
  if (!keeps_rows()) throw std::logic_error("TimeSeries::write_csv: this series only counts its rows");
  std::string line;
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (c > 0) line += ',';
    line += io::csv_cell(columns_[c]);
  }
  out << line << '\n';
  for (std::size_t r = 0; r < rows_; ++r) {
    line.clear();
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      if (c > 0) line += ',';
      line += format_number(values_[r * columns_.size() + c]);
    }
    out << line << '\n';
  }
}

}  // namespace campsim::engine
