#include "config/suppress.h"

#include <algorithm>
#include <map>
#include <string_view>

#include <fmt/format.h>

#include "base/suggest.h"
#include "diag/messages.h"

namespace tally {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// "a, b c -- reason" → {"a","b","c"}
std::vector<std::string> rule_list(std::string_view s) {
  size_t dd = s.find("--");
  if (dd != std::string_view::npos) s = s.substr(0, dd);
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ',' || is_space(c)) {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

Span line_span(const SourceText& src, int line) {
  if (line < 1 || line > src.line_count()) return {};
  uint32_t b = src.line_start(line);
  return {b, static_cast<uint32_t>(b + src.line_text(line).size() + 1)};  // + its "\n"
}

// " — did you mean 'x'?" in the reader's language, or "".
std::string suggestion(std::string_view word, const std::vector<std::string>& candidates, Lang lang) {
  std::string n = nearest(word, candidates);
  return n.empty() ? "" : builtin_catalogue().render(Message("suggest.did_you_mean", {{"word", n}}), lang);
}

Diagnostic problem(Span comment, std::string message) {
  Diagnostic d;
  d.rule = kSuppressionRule;
  d.severity = Severity::Warning;
  d.span = comment;
  d.message = std::move(message);
  return d;
}

bool contains(Span s, uint32_t offset) { return s.begin <= offset && offset < s.end; }

// Byte ranges of Markdown fenced code blocks (``` or ~~~): comments shown
// there are examples, not directives.
std::vector<Span> fenced_blocks(const SourceText& src) {
  std::vector<Span> out;
  std::string fence;
  uint32_t open_at = 0;
  for (int line = 1; line <= src.line_count(); ++line) {
    std::string_view t = src.line_text(line);
    size_t indent = 0;
    while (indent < t.size() && indent < 3 && t[indent] == ' ') ++indent;
    t.remove_prefix(indent);
    if (t.size() < 3 || (t.substr(0, 3) != "```" && t.substr(0, 3) != "~~~")) continue;
    if (fence.empty()) {
      fence = std::string(t.substr(0, 3));
      open_at = src.line_start(line);
    } else if (t.substr(0, 3) == fence) {
      out.push_back({open_at, static_cast<uint32_t>(src.line_start(line) + src.line_text(line).size())});
      fence.clear();
    }
  }
  if (!fence.empty()) out.push_back({open_at, static_cast<uint32_t>(src.text().size())});
  return out;
}

// Whether the comment at `offset` sits inside an inline code span (an odd
// number of backticks before it on its line).
bool in_code_span(const SourceText& src, uint32_t offset) {
  uint32_t ls = src.line_start(src.position(offset).line);
  int ticks = 0;
  for (uint32_t i = ls; i < offset; ++i) ticks += src.text()[i] == '`';
  return ticks % 2 == 1;
}

}  // namespace

bool is_suppression_rule(const std::string& id) { return id == kSuppressionRule || id == kUnusedSuppressionRule; }

std::vector<RuleInfo> suppression_rule_infos() {
  RuleInfo bad;
  bad.id = kSuppressionRule;
  bad.pack = "tally";
  bad.kind = "suppression";
  bad.summary = "A tally-disable comment that names no rule, an unknown rule, or is malformed";
  bad.explanation =
      "A suppression comment must name the rules it hides, e.g. `<!-- tally-disable-next-line percent -->`, "
      "so it cannot hide unrelated findings. See docs/configuration.md.";
  bad.severity = Severity::Warning;
  RuleInfo unused = bad;
  unused.id = kUnusedSuppressionRule;
  unused.summary = "A suppression that hid no finding";
  unused.explanation =
      "The comment or `suppress:` entry no longer matches a finding (the figure was fixed or the text "
      "changed). Remove it so it cannot hide a future problem.";
  unused.severity = Severity::Info;
  return {bad, unused};
}

std::vector<std::string> known_rule_ids(const std::vector<RuleInfo>& rules) {
  std::vector<std::string> out;
  for (const auto& r : rules) out.push_back(r.id);
  for (const auto& r : suppression_rule_infos()) out.push_back(r.id);
  return out;
}

InlineParse parse_inline_suppressions(const SourceText& src, const std::function<bool(const std::string&)>& known_rule,
                                      const std::vector<std::string>& ids, Lang lang) {
  InlineParse out;
  auto say = [lang](const Message& m) { return builtin_catalogue().render(m, lang); };
  const std::string& text = src.text();
  // Open regions: rule → index into out.suppressions.
  std::multimap<std::string, size_t> open;
  std::vector<Span> code = fenced_blocks(src);
  size_t pos = 0;
  while ((pos = text.find("<!--", pos)) != std::string::npos) {
    size_t close = text.find("-->", pos + 4);
    if (close == std::string::npos) break;
    Span comment{static_cast<uint32_t>(pos), static_cast<uint32_t>(close + 3)};
    std::string_view body = trim(std::string_view(text).substr(pos + 4, close - pos - 4));
    pos = close + 3;
    if (body.substr(0, 6) != "tally-") continue;
    bool example = in_code_span(src, comment.begin);
    for (const auto& c : code) example = example || contains(c, comment.begin);
    if (example) continue;
    size_t word_end = 0;
    while (word_end < body.size() && !is_space(body[word_end])) ++word_end;
    std::string directive(body.substr(0, word_end));
    std::vector<std::string> rules = rule_list(body.substr(word_end));
    int end_line = src.position(comment.end - 1).line;

    if (directive == "tally-enable") {
      if (rules.empty()) {
        for (auto& [rule, idx] : open) out.suppressions[idx].covers.end = comment.begin;
        open.clear();
        continue;
      }
      for (const auto& r : rules) {
        auto it = open.find(r);
        if (it == open.end()) {
          out.problems.push_back(problem(comment, say(Message("suppress.enable_unmatched", {{"rule", r}}))));
          continue;
        }
        out.suppressions[it->second].covers.end = comment.begin;
        open.erase(it);
      }
      continue;
    }
    SuppressKind kind;
    Span covers;
    if (directive == "tally-disable-next-line") {
      kind = SuppressKind::NextLine;
      covers = line_span(src, end_line + 1);
    } else if (directive == "tally-disable-line") {
      kind = SuppressKind::Line;
      covers = line_span(src, end_line);
    } else if (directive == "tally-disable") {
      kind = SuppressKind::Region;
      covers = {comment.end, static_cast<uint32_t>(text.size())};
    } else {
      static const std::vector<std::string> directives = {"tally-disable-next-line", "tally-disable-line",
                                                          "tally-disable", "tally-enable"};
      out.problems.push_back(problem(
          comment, say(Message("suppress.unknown_directive",
                               {{"directive", directive}, {"suggest", suggestion(directive, directives, lang)}}))));
      continue;
    }
    if (rules.empty()) {
      out.problems.push_back(problem(comment, say(Message("suppress.no_rule", {{"directive", directive}}))));
      continue;
    }
    for (const auto& r : rules) {
      if (!known_rule(r)) {
        out.problems.push_back(
            problem(comment, say(Message("suppress.unknown_rule", {{"rule", r},
                                                                    {"directive", directive},
                                                                    {"suggest", suggestion(r, ids, lang)}}))));
        continue;
      }
      if (kind == SuppressKind::Region) open.emplace(r, out.suppressions.size());
      out.suppressions.push_back({r, kind, comment, covers});
    }
  }
  return out;
}

std::vector<bool> apply_suppressions(FileResult& r, const std::vector<const SuppressEntry*>& entries,
                                     const std::function<bool(const std::string&)>& known_rule,
                                     const std::vector<std::string>& ids, Lang lang) {
  const SourceText& src = r.source;
  InlineParse parsed = parse_inline_suppressions(src, known_rule, ids, lang);
  std::vector<bool> inline_used(parsed.suppressions.size(), false);
  std::vector<bool> entry_used(entries.size(), false);
  std::vector<Diagnostic> kept;
  for (auto& d : r.diagnostics) {
    bool hidden = false;
    // Every matching suppression counts as used, so none is reported unused
    // while it still does work.
    for (size_t i = 0; i < parsed.suppressions.size(); ++i) {
      const auto& s = parsed.suppressions[i];
      if (s.rule == d.rule && contains(s.covers, d.span.begin)) hidden = inline_used[i] = true;
    }
    if (!entries.empty() && d.span.begin <= src.text().size()) {
      std::string_view line = src.line_text(src.position(d.span.begin).line);
      for (size_t i = 0; i < entries.size(); ++i)
        if (entries[i]->rule.id == d.rule && line.find(entries[i]->line_contains) != std::string_view::npos)
          hidden = entry_used[i] = true;
    }
    if (!hidden) kept.push_back(std::move(d));
  }
  for (auto& p : parsed.problems) kept.push_back(std::move(p));
  for (size_t i = 0; i < parsed.suppressions.size(); ++i) {
    if (inline_used[i]) continue;
    const auto& s = parsed.suppressions[i];
    Diagnostic d;
    d.rule = kUnusedSuppressionRule;
    d.severity = Severity::Info;
    d.span = s.comment;
    d.message = builtin_catalogue().render(Message("suppress.unused", {{"rule", s.rule}}), lang);
    d.notes.push_back(builtin_catalogue().render(Message("suppress.unused_help"), lang));
    kept.push_back(std::move(d));
  }
  std::stable_sort(kept.begin(), kept.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.span.begin < b.span.begin; });
  r.diagnostics = std::move(kept);
  return entry_used;
}

}  // namespace tally
