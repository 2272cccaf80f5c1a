#pragma once
// Whether a run's event log and time series keep what they are handed, or only count it. A
// batch reads a run's metrics (the log's count is one of them) and its care records, never the
// log's records or the series' rows: it asks for counts, and the records' fields are never built
// (issue 25: building a duty's named fields was about 780 instructions a record, 4% of a batch).
namespace campsim::engine {

enum class RecordKeeping { Keep, CountOnly };

}  // namespace campsim::engine
