// Editing .tally.yaml from a code action: a `suppress:` entry for one finding
// in a plain-text report, where no inline comment can hold it.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "lsp/position.h"

namespace tally::lsp {

// Where the entry goes: the nearest .tally.yaml, or a new one.
struct ConfigTarget {
  std::string uri;       // the .tally.yaml file
  std::string text;      // its current text ("" when it does not exist yet)
  bool exists = false;
  std::string rel_path;  // the report, relative to the config's folder ('/'-separated)
};

struct ConfigInsert {
  LspPosition at;       // where to insert in the config text
  std::string new_text;
};

// The text to insert for an entry suppressing `rule` on lines containing
// `line_contains` in `rel_path`. Goes under an existing top-level block
// `suppress:` list, or appends one. Null when `suppress:` has a form this
// does not edit (a flow list, a scalar).
std::optional<ConfigInsert> suppress_entry_insert(const std::string& config_text, const std::string& rule,
                                                  const std::string& line_contains, const std::string& rel_path);

// A short piece of the line that identifies the finding: up to `context` code
// points before the figure, then the figure. Always a substring of `line`.
std::string line_contains_for(std::string_view line, size_t fig_begin, size_t fig_end, int context = 12);

}  // namespace tally::lsp
