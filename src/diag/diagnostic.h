// Diagnostic: what a check reports. Positions are byte spans in the checked
// SourceText; renderers turn them into lines and columns.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/source.h"

namespace tally {

enum class Severity { Info = 0, Warning = 1, Error = 2 };

std::string_view severity_name(Severity s);  // "info", "warning", "error"
bool parse_severity(std::string_view name, Severity* out);

struct Related {
  Span span;
  std::string message;  // the figure's role, e.g. "part 2 of 3: 1080 人"
};

// A suggested replacement of one figure (the primary one unless blame points elsewhere). Offered as
// help; `tally check --fix` applies it only when it is certain.
struct Fix {
  Span span;
  std::string replacement;
  bool certain = false;  // every other figure of the finding is vouched for by a relation that holds
};

struct Diagnostic {
  std::string rule;  // rule id, e.g. "percent"
  Severity severity = Severity::Error;
  Span span;         // the figure most likely wrong
  std::string message;
  std::vector<Related> related;
  std::optional<Fix> fix;
  std::vector<Fix> alternatives;  // other single-figure changes that would also resolve it ("or 25115 → 20183")
  std::vector<std::string> notes;  // extra explanation lines ("help: …")
};

// Everything tally found in one file.
struct FileResult {
  SourceText source;
  std::vector<Diagnostic> diagnostics;  // sorted by position
  int figures = 0;                      // quantities found
  int figures_checked = 0;              // quantities that took part in at least one check
  std::vector<Span> unchecked;          // spans of quantities no rule looked at (for --coverage)
};

}  // namespace tally
