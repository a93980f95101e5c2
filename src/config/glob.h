// Glob patterns for `include:`, `exclude:`, `ignore:` and `suppress:` paths in
// .tally.yaml. fnmatch-style, matched against a '/'-separated path relative to
// the config folder:
//   *      any run of characters within one path segment
//   ?      one character (code point) other than '/'
//   [abc] [a-z] [!a]   one character from (or not from) a set
//   **     as a whole segment: any number of segments, including none
//   dir/   a trailing slash means everything below dir (same as dir/**)
// Patterns are anchored: "draft.md" matches only the top-level file; write
// "**/draft.md" to match at any depth.
#pragma once
#include <string>
#include <string_view>

namespace tally {

// Empty when the pattern is well-formed, otherwise why it is not.
std::string glob_problem(std::string_view pattern);
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace tally
