#include "lsp/code_actions.h"

#include "lsp/protocol.h"

namespace tally::lsp {

namespace {

json text_edit_action(const std::string& title, const std::string& uri, const json& diag, const LspRange& r,
                      const std::string& new_text, bool preferred) {
  json edit = {{"range", to_json(r)}, {"newText", new_text}};
  json a = {{"title", title},
            {"kind", "quickfix"},
            {"diagnostics", json::array({diag})},
            {"edit", {{"changes", {{uri, json::array({edit})}}}}}};
  if (preferred) a["isPreferred"] = true;
  return a;
}

std::string line_break_of(const std::string& text) {
  size_t nl = text.find('\n');
  return nl != std::string::npos && nl > 0 && text[nl - 1] == '\r' ? "\r\n" : "\n";
}

}  // namespace

std::string suppression_comment(const std::string& rule) { return "<!-- tally-disable-next-line " + rule + " -->"; }

namespace {

json config_action(const Document& doc, const Diagnostic& d, const json& diag, const ConfigTarget& cfg) {
  LineIndex index(doc.text);
  LspPosition p = index.position(d.span.begin);
  size_t line_start = index.offset({p.line, 0});
  size_t line_end = index.offset({p.line, 1 << 30});
  std::string_view line = std::string_view(doc.text).substr(line_start, line_end - line_start);
  std::string needle = line_contains_for(line, d.span.begin - line_start, d.span.end - line_start);
  auto ins = suppress_entry_insert(cfg.text, d.rule, needle, cfg.rel_path);
  if (!ins || needle.empty()) return nullptr;
  json edit = {{"range", to_json(LspRange{ins->at, ins->at})}, {"newText", ins->new_text}};
  json ws;
  if (cfg.exists) {
    ws = {{"changes", {{cfg.uri, json::array({edit})}}}};
  } else {
    ws = {{"documentChanges",
           json::array({{{"kind", "create"}, {"uri", cfg.uri}, {"options", {{"ignoreIfExists", true}}}},
                        {{"textDocument", {{"uri", cfg.uri}, {"version", nullptr}}}, {"edits", json::array({edit})}}})}};
  }
  return {{"title", "Suppress " + d.rule + " for this line in .tally.yaml"},
          {"kind", "quickfix"},
          {"diagnostics", json::array({diag})},
          {"edit", ws}};
}

}  // namespace

json code_actions(const Document& doc, const Analysis& analysis, const LspRange& range, const ConfigTarget* config) {
  json out = json::array();
  LineIndex index(doc.text);
  size_t b = index.offset(range.start), e = index.offset(range.end);
  if (e < b) std::swap(b, e);
  for (const auto& d : analysis.result.diagnostics) {
    if (d.span.end < b || d.span.begin > e) continue;  // touching counts: the cursor may sit at either end
    json diag = diagnostic_json(d, index, doc.uri);
    if (d.fix && d.fix->span.begin <= d.fix->span.end && d.fix->span.end <= doc.text.size()) {
      std::string old(doc.text.substr(d.fix->span.begin, d.fix->span.end - d.fix->span.begin));
      std::string title = "Replace " + old + " with " + d.fix->replacement;
      out.push_back(text_edit_action(title, doc.uri, diag, span_range(index, d.fix->span), d.fix->replacement, true));
    }
    if (doc.markdown()) {
      LspPosition line_start{index.position(d.span.begin).line, 0};
      std::string title = "Suppress " + d.rule + " on this line";
      out.push_back(text_edit_action(title, doc.uri, diag, {line_start, line_start},
                                     suppression_comment(d.rule) + line_break_of(doc.text), false));
    } else if (config && d.span.end <= doc.text.size()) {
      json a = config_action(doc, d, diag, *config);
      if (!a.is_null()) out.push_back(std::move(a));
    }
  }
  return out;
}

}  // namespace tally::lsp
