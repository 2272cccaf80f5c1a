#include "sim/io/visible_text.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace campsim::io {

namespace {

// Length of the UTF-8 sequence starting at text[i] (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF), or 0 if the bytes there are not one.
std::size_t utf8_length(std::string_view text, std::size_t i, char32_t& code) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  std::size_t n = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) n = 2, code = b0 & 0x1F;
  else if (b0 >= 0xE0 && b0 <= 0xEF) n = 3, code = b0 & 0x0F;
  else if (b0 >= 0xF0 && b0 <= 0xF4) n = 4, code = b0 & 0x07;
  else return 0;
  if (i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  if ((n == 3 && code < 0x800) || (n == 4 && (code < 0x10000 || code > 0x10FFFF)) || (code >= 0xD800 && code <= 0xDFFF))
    return 0;
  return n;
}

bool acts_on_display(char32_t code) {
  return (code >= 0x80 && code <= 0x9F) || code == 0x2028 || code == 0x2029 || (code >= 0x202A && code <= 0x202E) ||
         (code >= 0x2066 && code <= 0x2069);
}

}  // namespace

std::string visible_lines(std::string_view text) {
  std::string out;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    out += visible(text.substr(start, end - start));
    if (end < text.size()) out += '\n';
    start = end + 1;
  }
  return out;
}

std::string visible(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if (b == '\n') out += "\\n";
      else if (b == '\r') out += "\\r";
      else if (b == '\t') out += "\\t";
      else if (b < 0x20 || b == 0x7F) out += fmt::format("\\x{:02x}", b);
      else out += static_cast<char>(b);
      ++i;
      continue;
    }
    char32_t code = 0;
    const std::size_t n = utf8_length(text, i, code);
    if (n == 0) {
      out += fmt::format("\\x{:02x}", b);
      ++i;
    } else {
      if (acts_on_display(code)) out += fmt::format("\\u{:04x}", static_cast<unsigned>(code));
      else out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

}  // namespace campsim::io
