#pragma once
// UTF-8 checking of scenario text. Every value ends up in manifest.json, and JSON is UTF-8: a
// stray Latin-1 byte ("caf\xe9") must be refused where it was written, with its line and column,
// not later by the JSON writer with no location at all.
#include <cstddef>
#include <optional>
#include <string_view>

namespace campsim::scenario {

// Offset of the first byte that does not begin a well-formed UTF-8 sequence (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF), or nothing if the whole text is UTF-8.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

struct LineColumn {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in bytes
};

// The line and column of byte `offset` of `text`.
LineColumn line_column_of(std::string_view text, std::size_t offset);

}  // namespace campsim::scenario
