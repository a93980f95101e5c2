// Stable identities for findings, so CI systems (GitHub code scanning, SARIF
// viewers) recognise the same finding after lines are inserted above it.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "diag/diagnostic.h"

namespace tally {

constexpr uint64_t kFnv64Offset = 0xcbf29ce484222325ULL;
uint64_t fnv1a64(std::string_view bytes, uint64_t hash = kFnv64Offset);

// 16 hex digits hashing the rule, the primary figure's text and the text of its
// line with all whitespace removed. The line number is deliberately left out.
std::string figure_fingerprint(const SourceText& src, const Diagnostic& d);

}  // namespace tally
