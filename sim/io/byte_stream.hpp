#pragma once
// Little-endian binary writing and reading for the recording format (docs/recording.md). Doubles
// are stored as their exact bit patterns, so what is read back is what was written, to the bit.
#include <bit>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

namespace campsim::io {

// A recording that cannot be read: wrong magic, unknown version, truncated or inconsistent data.
struct RecordingError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class ByteWriter {
 public:
  void u8(std::uint8_t v) { bytes_.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) { fixed(v, 4); }
  void u64(std::uint64_t v) { fixed(v, 8); }
  void f64(double v) { fixed(std::bit_cast<std::uint64_t>(v), 8); }
  // LEB128: 7 bits a byte, low first; small counts and indices take one byte.
  void varint(std::uint64_t v) {
    while (v >= 0x80) {
      u8(static_cast<std::uint8_t>(v | 0x80));
      v >>= 7;
    }
    u8(static_cast<std::uint8_t>(v));
  }
  // Zigzag, so that small negative numbers stay short too.
  void svarint(std::int64_t v) {
    varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  void string(std::string_view s) {
    varint(s.size());
    bytes_.append(s);
  }
  void raw(std::string_view s) { bytes_.append(s); }
  const std::string& bytes() const { return bytes_; }
  std::string& bytes() { return bytes_; }
  std::size_t size() const { return bytes_.size(); }

 private:
  void fixed(std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i) bytes_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
  std::string bytes_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}
  std::uint8_t u8() { return static_cast<std::uint8_t>(take(1)[0]); }
  std::uint32_t u32() { return static_cast<std::uint32_t>(fixed(4)); }
  std::uint64_t u64() { return fixed(8); }
  double f64() { return std::bit_cast<double>(fixed(8)); }
  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const std::uint8_t byte = u8();
      v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return v;
    }
    throw RecordingError("recording: malformed variable-length integer");
  }
  std::int64_t svarint() {
    const std::uint64_t z = varint();
    return static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1);
  }
  std::string string() {
    const std::uint64_t n = varint();
    return std::string(take(n));
  }
  // A count that must fit in what is left (each element takes at least one byte): a corrupt
  // count fails here instead of asking for gigabytes.
  std::size_t count() {
    const std::uint64_t n = varint();
    if (n > remaining()) throw RecordingError("recording: a count larger than the data left");
    return static_cast<std::size_t>(n);
  }
  std::size_t remaining() const { return bytes_.size() - at_; }
  bool done() const { return at_ == bytes_.size(); }

 private:
  std::string_view take(std::uint64_t n) {
    if (n > remaining()) throw RecordingError("recording: unexpected end of data");
    const std::string_view out = bytes_.substr(at_, n);
    at_ += n;
    return out;
  }
  std::uint64_t fixed(int n) {
    const std::string_view b = take(static_cast<std::uint64_t>(n));
    std::uint64_t v = 0;
    for (int i = 0; i < n; ++i) v |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(b[i])) << (8 * i);
    return v;
  }
  std::string_view bytes_;
  std::size_t at_ = 0;
};

}  // namespace campsim::io
