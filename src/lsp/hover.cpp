#include "lsp/hover.h"

#include <optional>

#include "lsp/protocol.h"

namespace tally::lsp {

namespace {

bool touches(Span s, size_t offset) { return s.begin <= offset && offset <= s.end; }
bool overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

std::string field_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Markdown's marks, or none for a client that shows hovers as plain text.
struct Marks {
  bool markdown = true;
  std::string bold(const std::string& s) const { return markdown ? "**" + s + "**" : s; }
  std::string code(const std::string& s) const;
};

// Backticks inside a code span would end it early.
std::string Marks::code(const std::string& s) const {
  if (!markdown) return s;
  std::string fence = s.find('`') == std::string::npos ? "`" : "``";
  return fence + (fence.size() > 1 ? " " + s + " " : s) + fence;
}

// Empty and false fields say nothing to a reader.
bool worth_showing(const json& v) {
  if (v.is_null() || (v.is_boolean() && !v.get<bool>())) return false;
  if (v.is_string() && v.get_ref<const std::string&>().empty()) return false;
  if ((v.is_array() || v.is_object()) && v.empty()) return false;
  return true;
}

void describe_quantity(const Quantity& q, std::string& md, const Marks& m) {
  const json& f = q.fields;
  auto text = f.find("text");
  md += m.bold("tally figure") + " ";
  if (text != f.end()) md += m.code(field_text(*text));
  md += "\n\n";
  static const char* kKnown[] = {"value", "unit", "label", "scope", "year", "metric"};
  for (const char* k : kKnown) {
    auto it = f.find(k);
    if (it != f.end() && worth_showing(*it)) md += std::string("- ") + k + ": " + m.code(field_text(*it)) + "\n";
  }
  // Other fields the engine reports, so new ones show up without a change
  // here; positions and bookkeeping are left out.
  static const char* kHidden[] = {"text", "line", "column", "end_line", "end_column", "file",
                                  "id", "decimals", "interval", "multiplier"};
  for (auto it = f.begin(); it != f.end(); ++it) {
    bool skip = !worth_showing(*it);
    for (const char* k : kKnown) skip = skip || it.key() == k;
    for (const char* k : kHidden) skip = skip || it.key() == k;
    if (!skip) md += "- " + it.key() + ": " + m.code(field_text(*it)) + "\n";
  }
}

}  // namespace

json hover(const Document& doc, const Analysis& analysis, LspPosition at, const Analyzer* rules, bool markdown) {
  LineIndex index(doc.text);
  size_t offset = index.offset(at);
  const Quantity* best = nullptr;
  for (const auto& q : analysis.quantities)
    if (touches(q.span, offset) && (!best || q.span.end - q.span.begin < best->span.end - best->span.begin))
      best = &q;
  std::optional<Span> range;
  const Marks m{markdown};
  std::string md;
  if (best) {
    range = best->span;
    describe_quantity(*best, md, m);
  }
  bool header = false;
  for (const auto& d : analysis.result.diagnostics) {
    bool hit = best ? overlaps(d.span, best->span) || touches(d.span, offset) : touches(d.span, offset);
    if (!hit) continue;
    if (!range) range = d.span;
    if (!header) {
      md += md.empty() ? "" : "\n";
      md += m.bold("Problems") + "\n\n";
      header = true;
    }
    md += "- " + std::string(severity_name(d.severity)) + " " + m.code(d.rule) + ": " + d.message + "\n";
    std::string summary = rules ? rules->rule_summary(d.rule) : std::string();
    if (!summary.empty()) md += "  (" + summary + "; see " + m.code("tally explain " + d.rule) + ")\n";
  }
  if (md.empty()) return nullptr;
  return {{"contents", {{"kind", markdown ? "markdown" : "plaintext"}, {"value", md}}}, {"range", to_json(span_range(index, *range))}};
}

}  // namespace tally::lsp
