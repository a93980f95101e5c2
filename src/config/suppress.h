// Suppressions: a post-filter over FileResult::diagnostics.
//
// Inline, as HTML comments (Markdown files, or any text that contains them):
//   <!-- tally-disable-next-line percent,sum -->   the following line
//   text … <!-- tally-disable-line percent -->      this line
//   <!-- tally-disable percent --> … <!-- tally-enable percent -->   a region
//   <!-- tally-enable -->                           closes every open region
// Rules are separated by commas or spaces; " -- why" after them is a reason.
// Comments inside Markdown code (fenced blocks, `inline code`) are examples
// and are ignored.
// A comment must name known rules; one that does not is itself reported
// (rule "suppression", warning), and one that hides nothing is reported as
// "unused-suppression" (info) at the comment.
//
// From .tally.yaml, `suppress:` entries drop a finding of a rule whose line
// text contains a given string; the caller learns which entries were used.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "config/config.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"

namespace tally {

inline constexpr const char* kSuppressionRule = "suppression";
inline constexpr const char* kUnusedSuppressionRule = "unused-suppression";

// Whether a rule id is one tally's suppression code reports itself.
bool is_suppression_rule(const std::string& id);
// RuleInfo for the two ids above, for listings and SARIF metadata.
std::vector<RuleInfo> suppression_rule_infos();
// The ids of `rules` and of tally's own suppression rules: what "did you mean" picks from.
std::vector<std::string> known_rule_ids(const std::vector<RuleInfo>& rules);

enum class SuppressKind { NextLine, Line, Region };

// One rule hidden by one inline comment over a byte range of the text.
struct InlineSuppression {
  std::string rule;
  SuppressKind kind = SuppressKind::NextLine;
  Span comment;  // the whole <!-- … --> comment
  Span covers;   // diagnostics whose span starts here are hidden
};

struct InlineParse {
  std::vector<InlineSuppression> suppressions;
  std::vector<Diagnostic> problems;  // "suppression" warnings
};

// `ids`: the known rule ids, to name the nearest one when a comment misspells a rule.
InlineParse parse_inline_suppressions(const SourceText& src, const std::function<bool(const std::string&)>& known_rule,
                                      const std::vector<std::string>& ids = {}, Lang lang = Lang::En);

// Applies inline comments of r.source and the given config entries to
// r.diagnostics, adds the "suppression"/"unused-suppression" diagnostics
// and keeps the list sorted by position. Returns, per entry, whether it hid
// a finding.
std::vector<bool> apply_suppressions(FileResult& r, const std::vector<const SuppressEntry*>& entries,
                                     const std::function<bool(const std::string&)>& known_rule,
                                     const std::vector<std::string>& ids = {}, Lang lang = Lang::En);

}  // namespace tally
