// pattern: a user-written rule — an RE2 pattern over each paragraph with
// named captures, and an assertion over the captured figures. Each captured
// figure stands for the interval it rounds from.
#include <fmt/format.h>
#include <re2/re2.h>

#include "base/text.h"
#include "checks/check.h"
#include "extract/scanner.h"
#include "rules/expr.h"
#include "rules/pack.h"

namespace tally {

namespace {

// Fills the message's placeholders (rules/pack.h): {detail}, a capture as printed, {= expression} computed
// from the printed figures. A placeholder that cannot be filled (a capture that matched nothing, a
// division by zero) stays as written.
std::string render_message(const CheckContext& ctx, const PatternProgram& prog,
                           const std::map<std::string, ExprValue>& vars,
                           const std::map<std::string, std::string>& printed) {
  const std::string& tmpl = ctx.message_template;
  std::map<std::string, ExprValue> exact;
  for (const auto& [name, v] : vars) {
    ExprValue e = v;
    e.iv = Interval::exact(v.printed);
    exact[name] = e;
  }
  std::string out;
  size_t at = 0;
  for (const auto& ph : message_placeholders(tmpl)) {
    size_t open = text::find(tmpl, "{" + ph.text + "}", at);
    out += tmpl.substr(at, open - at);
    at = open + ph.text.size() + 2;
    std::string value = "{" + ph.text + "}";
    if (ph.text == "detail") {
      value = ctx.say(Message("pattern.fails", {{"summary", ctx.rule.summary}}));
    } else if (ph.computed) {
      auto it = prog.computed.find(ph.text);
      auto r = it == prog.computed.end() ? Result<ExprValue>(Error{""}) : eval_expr(it->second, exact);
      if (r && !r->is_bool && r->iv.is_exact() && r->iv.lo.valid()) value = r->iv.lo.round_str(2);
    } else if (auto p = printed.find(ph.text); p != printed.end()) {
      value = p->second;
    }
    out += value;
  }
  return out + tmpl.substr(at);
}

}  // namespace

void check_pattern(CheckContext& ctx) {
  if (!ctx.pattern) return;
  const PatternProgram& prog = *ctx.pattern;
  const FactBase& fb = ctx.fb;
  const int n = prog.regex->NumberOfCapturingGroups();
  std::vector<re2::StringPiece> groups(n + 1);
  for (size_t pi = 0; pi < fb.doc.paragraphs.size(); ++pi) {
    const Paragraph& para = fb.doc.paragraphs[pi];
    std::string_view text = para.text;
    size_t pos = 0;
    while (pos <= text.size() &&
           prog.regex->Match(text, pos, text.size(), RE2::UNANCHORED, groups.data(), n + 1)) {
      std::map<std::string, ExprValue> vars;
      std::map<std::string, std::string> printed;  // capture → its figure as the report prints it
      int first = -1;
      Span primary{};
      std::vector<Span> spans;
      for (const auto& [name, idx] : prog.groups) {
        re2::StringPiece g = groups[idx];
        if (g.data() == nullptr) continue;
        ScanResult sr = scan_numbers(std::string_view(g.data(), g.size()), *fb.vocab);
        if (sr.numbers.empty()) continue;
        const Quantity& q = sr.numbers.front().q;
        ExprValue v;
        v.iv = q.interval();
        v.printed = q.printed;
        v.decimals = q.decimals;
        vars[name] = v;
        printed[name] = q.text;
        uint32_t b = static_cast<uint32_t>(g.data() - text.data());
        Span s = para.to_source(b, b + static_cast<uint32_t>(g.size()));
        spans.push_back(s);
        if (first < 0 || idx < first) {
          first = idx;
          primary = s;
        }
      }
      auto r = eval_expr(prog.assertion, vars);
      if (!r && r.error() == kExprOverflow) {
        // Never skip an assertion without saying so: the figures were matched but cannot be checked.
        Diagnostic d;
        d.rule = ctx.rule.id;
        d.severity = Severity::Warning;
        d.span = primary;
        d.message = ctx.say(Message("pattern.overflow", {{"summary", ctx.rule.summary}}));
        ctx.out.push_back(std::move(d));
      } else if (r && r->is_bool && !r->truth) {
        Diagnostic d;
        d.rule = ctx.rule.id;
        d.severity = ctx.severity;
        d.span = primary;
        d.message = render_message(ctx, prog, vars, printed);
        for (const auto& s : spans)
          if (s.begin != primary.begin) d.related.push_back({s, ctx.say("role.captured")});
        ctx.out.push_back(std::move(d));
      }
      size_t end = groups[0].data() - text.data() + groups[0].size();
      pos = end > pos ? end : pos + 1;
    }
  }
}

}  // namespace tally
