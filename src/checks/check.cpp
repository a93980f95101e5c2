#include "base/text.h"
#include "checks/check.h"

#include <fmt/format.h>

namespace tally {

std::string CheckContext::say(const Message& m) const {
  return (messages ? *messages : builtin_catalogue()).render(m, lang);
}

void CheckContext::report(int primary, const Message& detail_msg, const std::vector<Role>& related,
                          std::optional<std::string> replacement, Severity sev_override, bool use_override,
                          std::vector<Message> notes) {
  std::string detail = say(detail_msg);
  const Quantity& p = fb.q(primary);
  Diagnostic d;
  d.rule = rule.id;
  d.severity = use_override ? sev_override : severity;
  if (use_override && sev_override == Severity::Warning && severity == Severity::Info) d.severity = Severity::Info;
  d.span = p.span;
  std::string msg = message_template;
  size_t at = text::find(msg, "{detail}");
  if (at != std::string::npos) msg.replace(at, 8, detail);
  d.message = msg;
  for (const auto& r : related) {
    const Quantity& q = fb.q(r.quantity);
    d.related.push_back({q.span, say(Message(q.label.empty() ? "related.figure" : "related.figure_labelled",
                                             {{"role", say(r.role)}, {"figure", q.text}, {"label", q.label}}))});
    mark(r.quantity);
  }
  if (replacement) d.fix = Fix{p.span, *replacement};
  for (const auto& n : notes) d.notes.push_back(say(n));
  mark(primary);
  out.push_back(std::move(d));
}

const std::vector<std::string>& CheckContext::strings(const char* key) const {
  static const std::vector<std::string> kNone;
  auto it = params.lists.find(key);
  return it == params.lists.end() ? kNone : it->second;
}

std::string sum_term(const Quantity& q, bool first) {
  if (!q.negative) return first ? q.text : "+ " + q.text;
  std::string_view digits = std::string_view(q.text).substr(q.text[0] == '-' ? 1 : 3);  // "-" or "－"/"−"
  return (first ? "−" : "− ") + std::string(digits);
}

std::string_view scale_word(int64_t multiplier) {
  switch (multiplier) {
    case 1000000000000: return "万亿";
    case 100000000: return "亿";
    case 10000000: return "千万";
    case 1000000: return "百万";
    case 10000: return "万";
    default: return "";
  }
}

std::string show_scaled(const Rational& v, const Quantity& like, int decimals) {
  std::string_view word = scale_word(like.multiplier);
  if (word.empty()) return v.round_str(decimals);
  return (v / Rational(like.multiplier)).round_str(decimals) + std::string(word);
}

std::string show(const Quantity& q) {
  // A cell of a "（%）" column is a percentage whose % sign is in the header, not the cell.
  if (q.kind == QuantityKind::Percent && q.table >= 0 && q.text.find('%') == std::string::npos &&
      text::find(q.text, "％") == std::string::npos)
    return q.text + "%";
  if (q.unit.empty() || q.unit == "%" || q.cn_numeral) return q.text;
  std::string text = q.text;
  // A table cell "45.00" whose 单位 cell says 万人 carries the 万 in its multiplier, not its text (unit
  // factors such as 吨 = 1000 千克 are below 10000 and never a multiple of it on their own).
  if (q.table >= 0 && text::find(text, "万") == std::string::npos && text::find(text, "亿") == std::string::npos) {
    if (q.multiplier % 100000000 == 0) text += " 亿";
    else if (q.multiplier % 10000 == 0) text += " 万";
  }
  // "152.4 万" + "册" reads "152.4 万册"; "5342" + "人" reads "5342 人".
  bool glued = !text.empty() && static_cast<unsigned char>(text.back()) >= 0x80;
  return glued ? text + q.unit : fmt::format("{} {}", text, q.unit);
}

std::string named(const Quantity& q) { return q.label.empty() ? show(q) : q.label + " " + show(q); }

std::string show_value(const Rational& v, int decimals) { return v.round_str(decimals); }

}  // namespace tally
