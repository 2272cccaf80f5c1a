#include "sim/engine/record_table.hpp"

#include "sim/io/csv.hpp"

namespace campsim::engine {

void write_csv(std::ostream& out, const RecordTable& table) {
  out << io::csv_line(table.columns);
  for (const auto& row : table.rows) out << io::csv_line(row);
}

}  // namespace campsim::engine
