// Paths and positions as CI tools expect them: paths relative to the working
// directory with forward slashes, SARIF URIs, and UTF-8 byte columns.
#pragma once
#include <cstdint>
#include <string>

#include "base/source.h"
#include "diag/messages.h"

namespace tally {

// `path` relative to the current directory when it lies inside it, normalised,
// with '/' separators. Paths outside the current directory stay absolute; "-" stays "-".
std::string report_path(const std::string& path);

// A SARIF artifact URI for `path`: a percent-encoded relative reference when the
// file is under the current directory (is_relative = true, resolve against
// %SRCROOT%), else an absolute file:// URI.
std::string artifact_uri(const std::string& path, bool* is_relative);

// file:// URI of the current directory, ending in '/' (SARIF originalUriBaseIds).
std::string working_directory_uri();

// Percent-encodes every byte outside RFC 3986's unreserved set, keeping '/'.
std::string percent_encode_path(const std::string& path);

// The span cut to the text, with end >= begin, so a bad span cannot crash a renderer.
Span clamp_span(const SourceText& src, Span s);

// Where a line came from in a .docx or .pdf ("paragraph 12", "page 3, line 7"); "" for text files.
std::string line_locator(const SourceText& src, int line);

// The message with the locator of the span appended (output/locator.h), e.g.
// "… (page 3, line 7)" or "… (paragraph 12, “占比 30%”)".
std::string with_locator(const SourceText& src, Span span, const std::string& message, Lang lang);

// 1-based column counted in UTF-8 bytes (reviewdog's unit).
int byte_column(const SourceText& src, uint32_t offset);

}  // namespace tally
