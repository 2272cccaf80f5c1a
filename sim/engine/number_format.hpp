#pragma once
// Byte-stable number formatting for every output file: the shortest text that reads back
// to the same double (std::to_chars), so equal results always give equal bytes.
#include <string>

namespace campsim::engine {

std::string format_number(double value);

}  // namespace campsim::engine
