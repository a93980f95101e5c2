#include "load/encoding.h"

#include <cstring>
#include <optional>

#include <fmt/format.h>

#include "base/utf8.h"
#include "load/iconv_convert.h"

namespace tally {

namespace {

struct Bom {
  std::string_view bytes;
  const char* encoding;  // iconv name of what follows the BOM
};

// UTF-32 first: its LE BOM starts with the UTF-16 LE one.
constexpr Bom kBoms[] = {
    {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
    {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
    {std::string_view("\xEF\xBB\xBF", 3), "UTF-8"},
    {std::string_view("\xFF\xFE", 2), "UTF-16LE"},
    {std::string_view("\xFE\xFF", 2), "UTF-16BE"},
};

// Control bytes that never occur in a text file (tab, LF, VT, FF, CR and ESC
// for coloured logs are allowed).
bool is_binary_control(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1B) || c == 0x7F;
}

// Error text when the bytes look binary, or empty when they look like text.
// `base` is the offset of s in the file, for the message.
// Why bytes are not text: the English words and the catalogue form; empty when they are text.
struct BinaryReason {
  std::string text;
  Message what;
  bool empty() const { return text.empty(); }
};

BinaryReason binary_reason(std::string_view s, size_t base) {
  if (const void* nul = std::memchr(s.data(), 0, s.size())) {
    std::string at = std::to_string(base + (static_cast<const char*>(nul) - s.data()));
    return {fmt::format("NUL byte at offset {}", at), {"error.binary.nul", {{"offset", at}}}};
  }
  size_t count = 0, first = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!is_binary_control(static_cast<unsigned char>(s[i]))) continue;
    if (count++ == 0) first = i;
  }
  // A stray control character pasted into a report is fine; many are not.
  if (count >= 8 && count * 200 > s.size())
    return {fmt::format("{} control bytes, the first at offset {}", count, base + first),
            {"error.binary.controls", {{"count", std::to_string(count)}, {"offset", std::to_string(base + first)}}}};
  return {};
}

// Code points Chinese text is made of besides ASCII: CJK ideographs, CJK and
// full-width punctuation, general punctuation (“” — …) and enclosed numbers.
bool is_cjk_text_char(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2FFFF) ||
         (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2000 && c <= 0x206F) ||
         (c >= 0x2460 && c <= 0x24FF) || (c >= 0x3200 && c <= 0x32FF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x2150 && c <= 0x218F) || (c >= 0x25A0 && c <= 0x25FF) || c == 0x00B7 || c == 0x00D7 ||
         c == 0x00F7 || c == 0x2103 || c == 0x2116;
}

// GB18030 decodes many random byte strings; accept the result only when its
// non-ASCII characters are overwhelmingly the ones Chinese prose uses.
bool looks_like_chinese(std::string_view utf8_text) {
  size_t non_ascii = 0, cjk = 0;
  for (size_t i = 0; i < utf8_text.size();) {
    if (static_cast<unsigned char>(utf8_text[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t c = utf8::next(utf8_text, i);
    ++non_ascii;
    cjk += is_cjk_text_char(c);
  }
  return non_ascii > 0 && cjk * 10 >= non_ascii * 9;
}

Error binary(const std::string& path, const BinaryReason& reason) {
  return Error{path, fmt::format("binary file ({})", reason.text), "error.load.binary", {{"reason", reason.what}}};
}

Error invalid(const std::string& path, const std::string& encoding, size_t byte) {
  return Error{path, fmt::format("invalid {} at byte {}", encoding, byte),
               {"error.load.invalid_encoding", {{"encoding", encoding}, {"byte", std::to_string(byte)}}}};
}

Result<std::string> decode_with_bom(const std::string& path, std::string_view bytes, const Bom& bom) {
  std::string_view body = bytes.substr(bom.bytes.size());
  std::string_view enc = bom.encoding;
  if (enc == "UTF-8") {
    if (BinaryReason reason = binary_reason(body, bom.bytes.size()); !reason.empty()) return binary(path, reason);
    size_t bad = 0;
    if (!utf8::valid(body, &bad))
      return invalid(path, "UTF-8", bad + bom.bytes.size());
    return normalize_newlines(body);
  }
  size_t unit = enc.starts_with("UTF-32") ? 4 : 2;
  // A NUL character is still binary data, whatever the encoding.
  for (size_t i = 0; i + unit <= body.size(); i += unit) {
    bool zero = true;
    for (size_t k = 0; k < unit; ++k) zero = zero && body[i + k] == 0;
    std::string at = std::to_string(i + bom.bytes.size());
    if (zero) return binary(path, {fmt::format("NUL character at offset {}", at), {"error.binary.nul_char", {{"offset", at}}}});
  }
  size_t bad = 0;
  auto out = iconv_to_utf8(body, bom.encoding, &bad);
  if (!out)
    return invalid(path, std::string(enc.substr(0, 6)), bad + bom.bytes.size());
  return normalize_newlines(*out);
}

// UTF-16 without a BOM (some exporters write it): NUL bytes, all on the same
// side of each code unit, and the whole decodes to text without controls.
std::optional<std::string> decode_bomless_utf16(std::string_view bytes) {
  if (bytes.size() < 4 || bytes.size() % 2 != 0) return std::nullopt;
  size_t zeros[2] = {0, 0};
  for (size_t i = 0; i < bytes.size(); ++i) zeros[i % 2] += bytes[i] == 0;
  if ((zeros[0] != 0) == (zeros[1] != 0)) return std::nullopt;  // none, or on both sides: binary
  size_t units = bytes.size() / 2;
  if ((zeros[0] + zeros[1]) * 64 < units) return std::nullopt;
  for (size_t i = 0; i + 1 < bytes.size(); i += 2)
    if (bytes[i] == 0 && bytes[i + 1] == 0) return std::nullopt;  // a NUL character
  size_t bad = 0;
  auto out = iconv_to_utf8(bytes, zeros[1] ? "UTF-16LE" : "UTF-16BE", &bad);
  if (!out) return std::nullopt;
  // Text written as UTF-16 has no control characters at all; binary data decoded so has some.
  for (unsigned char c : *out)
    if (is_binary_control(c)) return std::nullopt;
  return out;
}

}  // namespace

std::string normalize_newlines(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const void* cr = std::memchr(s.data() + i, '\r', s.size() - i);
    size_t j = cr ? static_cast<size_t>(static_cast<const char*>(cr) - s.data()) : s.size();
    out.append(s.data() + i, j - i);
    if (j == s.size()) break;
    out += '\n';
    i = j + 1;
    if (i < s.size() && s[i] == '\n') ++i;
  }
  return out;
}

Result<std::string> decode_text(const std::string& path, std::string_view bytes) {
  for (const Bom& bom : kBoms)
    if (bytes.starts_with(bom.bytes)) return decode_with_bom(path, bytes, bom);
  if (BinaryReason reason = binary_reason(bytes, 0); !reason.empty()) {
    if (auto u16 = decode_bomless_utf16(bytes)) return normalize_newlines(*u16);
    return binary(path, reason);
  }
  size_t bad = 0;
  if (utf8::valid(bytes, &bad)) return normalize_newlines(bytes);
  size_t gb_bad = 0;
  if (auto gb = iconv_to_utf8(bytes, "GB18030", &gb_bad); gb && looks_like_chinese(*gb))
    return normalize_newlines(*gb);
  return Error{path, fmt::format("invalid UTF-8 at byte {} (and not GB18030 text)", bad),
               {"error.load.not_utf8_nor_gb18030", {{"byte", std::to_string(bad)}}}};
}

}  // namespace tally
