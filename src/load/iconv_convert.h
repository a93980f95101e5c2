// A thin wrapper over glibc's iconv that converts a whole buffer to UTF-8.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tally {

// Converts `in` from the iconv encoding `from` to UTF-8. On failure returns
// nullopt and sets *bad_offset to the byte where decoding stopped (an invalid
// or truncated sequence).
std::optional<std::string> iconv_to_utf8(std::string_view in, const char* from, size_t* bad_offset);

}  // namespace tally
