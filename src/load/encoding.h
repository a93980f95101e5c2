// Plain-text decoding: raw bytes → UTF-8 with "\n" line ends.
//
// Recognised: UTF-8 (with or without BOM), UTF-16/UTF-32 with a BOM, UTF-16
// without one (NUL bytes on one side of every ASCII character), and
// GB18030/GBK when the bytes are not UTF-8 but decode to mostly-CJK text.
// Conversion maps one character to one character and only line ends change,
// so a (line, code-point column) in the result is the same place in the file.
#pragma once
#include <string>
#include <string_view>

#include "base/result.h"

namespace tally {

// `path` only appears in error messages ("PATH: binary file (…)").
Result<std::string> decode_text(const std::string& path, std::string_view bytes);

// CRLF and lone CR become "\n"; nothing else changes.
std::string normalize_newlines(std::string_view s);

}  // namespace tally
