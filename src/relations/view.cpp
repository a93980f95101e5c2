// `tally relations FILE`: every typed statement and every relation with its
// evidence and the readings that lost. What rule authors debug with.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "facts/facts_view.h"
#include "relations/relations.h"

namespace tally {

namespace {

std::string where(const FactBase& fb, int id) {
  Position p = fb.source->position(fb.q(id).span.begin);
  return fmt::format("{}:{}", p.line, p.column);
}

std::string statement_text(const FactBase& fb, const Statement& s, const Say& say) {
  std::string out = to_string(s.type);
  if (s.sign) out += s.sign > 0 ? "+" : "−";
  if (s.previous) out += " " + say(Message("view.comparison_period"));
  if (s.target) out += " " + say(Message("view.target"));
  if (s.basis != Basis::Unstated) out += fmt::format(" basis={}", to_string(s.basis));
  out += fmt::format(" measure={}", s.measure.empty() ? "-" : s.measure);
  if (s.qualifies >= 0) out += fmt::format(" of={} ({})", fb.q(s.qualifies).text, where(fb, s.qualifies));
  if (!s.cue.empty()) out += fmt::format(" cue={}", s.cue);
  return out;
}

const char* kind_name(BreakdownKind k) {
  switch (k) {
    case BreakdownKind::Sum: return "sum";
    case BreakdownKind::Subset: return "subset";
    case BreakdownKind::AtMost: return "at-most";
  }
  return "";
}

const char* kind_sign(BreakdownKind k) {
  switch (k) {
    case BreakdownKind::Sum: return "=";
    case BreakdownKind::Subset: return "⊇";
    case BreakdownKind::AtMost: return "≥";
  }
  return "";
}

std::string list(const FactBase& fb, const std::vector<int>& ids, const char* sep) {
  std::string s;
  for (int id : ids) s += (s.empty() ? "" : sep) + fb.q(id).text;
  return s;
}

// The bulletin and budget relations (relations/structures.cpp, budget.cpp).
const char* bulletin_kind_name(BulletinKind k) {
  switch (k) {
    case BulletinKind::Structure: return "structure";
    case BulletinKind::SexRatio: return "sex-ratio";
    case BulletinKind::Contribution: return "contribution";
    case BulletinKind::Pull: return "pull";
    case BulletinKind::GrowthSpread: return "growth-spread";
    case BulletinKind::RealGrowth: return "real-growth";
    case BulletinKind::Completion: return "completion";
    case BulletinKind::Balance: return "balance";
    case BulletinKind::ShareOfWhole: return "share-of-gdp";
    case BulletinKind::PerCapitaOf: return "per-capita-of";
    case BulletinKind::PerResident: return "per-resident";
    case BulletinKind::ShareSet: return "share-set";
  }
  return "";
}

// "      evidence: …" under a relation.
std::string evidence_line(const Evidence& e, const Say& say) {
  return "      " + say(Message("view.evidence", {{"why", say_evidence(e, say)}})) + "\n";
}

std::string bulletin_text(const FactBase& fb, const BulletinRelation& b, const Say& say) {
  auto t = [&](int id) { return id >= 0 ? fb.q(id).text : std::string("-"); };
  auto field = [&](const char* id, const std::string& value) { return " " + say(Message(id, {{"value", value}})); };
  std::string out = fmt::format("  {} {}", bulletin_kind_name(b.kind), b.figure >= 0 ? where(fb, b.figure) + " " + t(b.figure) : std::string());
  if (b.previous) out += " " + say(Message("view.comparison_period"));
  if (b.whole >= 0) out += field("view.whole_first", t(b.whole));
  if (b.other >= 0) out += field("view.other", t(b.other));
  if (b.other2 >= 0 && b.other2 != b.other) out += field("view.up_to", t(b.other2));
  if (!b.parts.empty()) out += field("view.parts", list(fb, b.parts, ", "));
  return out + "\n" + evidence_line(b.why, say);
}

nlohmann::json bulletin_json(const BulletinRelation& b, const Say& say) {
  nlohmann::json j = {{"kind", bulletin_kind_name(b.kind)}, {"figure", b.figure}, {"parts", b.parts},
                      {"evidence", say_evidence(b.why, say)}};
  if (b.whole >= 0) j["whole"] = b.whole;
  if (b.other >= 0) j["other"] = b.other;
  if (b.other2 >= 0) j["other2"] = b.other2;
  if (!b.signs.empty()) j["signs"] = b.signs;
  if (b.previous) j["previous_period"] = true;
  return j;
}

}  // namespace

std::string relations_to_text(const FactBase& fb, const Relations& rel, const Say& say) {
  std::string out = say(Message("view.statements")) + "\n";
  for (const auto& q : fb.ex.quantities) {
    const Quantity& x = q;
    out += fmt::format("  {:<8} {:<14} {}{}{}\n", where(fb, x.id), x.text, statement_text(fb, rel.st(x.id), say),
                       x.scope.empty() ? "" : " entity=" + x.scope, x.year ? fmt::format(" year={}", x.year) : "");
  }
  out += say(Message("view.relations")) + "\n";
  for (const auto& b : rel.breakdowns) {
    out += fmt::format("  {:<7} {} {} {} {}\n", kind_name(b.kind), where(fb, b.whole), fb.q(b.whole).text,
                       kind_sign(b.kind), list(fb, b.parts, b.kind == BreakdownKind::Subset ? ", " : " + "));
    out += evidence_line(b.why, say);
    for (const auto& r : b.rivals) out += "      " + say(Message("view.lost", {{"reading", say(r)}})) + "\n";
  }
  for (const auto& c : rel.changes) {
    auto field = [&](const char* id, int q) { return " " + say(Message(id, {{"value", fb.q(q).text}})); };
    out += fmt::format("  change {} {}:", where(fb, c.level), fb.q(c.level).text);
    if (c.previous >= 0) out += field("view.previous", c.previous);
    if (c.change >= 0) out += field("view.change", c.change);
    if (c.rate >= 0) out += field("view.rate", c.rate);
    out += "\n" + evidence_line(c.why, say);
  }
  for (const auto& a : rel.averages)
    out += fmt::format("  average {} {} = {} ÷ {}\n", where(fb, a.average), fb.q(a.average).text,
                       fb.q(a.numerator).text, fb.q(a.denominator).text) +
           evidence_line(a.why, say);
  for (const auto& f : rel.formulas)
    out += fmt::format("  formula {} {} = {} {} {}\n", where(fb, f.value), fb.q(f.value).text,
                       fb.q(f.inverse ? f.per : f.of).text, "÷", fb.q(f.inverse ? f.of : f.per).text) +
           evidence_line(f.why, say);
  for (const auto& g : rel.repeats) {
    out += fmt::format("  repeat {}:", g.measure);
    for (int id : g.members) out += fmt::format(" {} ({})", fb.q(id).text, where(fb, id));
    out += "\n";
  }
  for (const auto& b : rel.bulletin) out += bulletin_text(fb, b, say);
  return out;
}

FactsExtras relations_extras(const FactBase& fb, const Relations& rel, const Say& say) {
  using nlohmann::json;
  FactsExtras x;
  for (const auto& s : rel.statements) {
    const Quantity& q = fb.q(s.quantity);
    json j = {{"type", to_string(s.type)}, {"measure", s.measure}, {"entity", q.scope},
              {"period", s.previous ? "previous" : (q.year ? std::to_string(q.year) : "")}, {"basis", to_string(s.basis)}};
    if (s.sign) j["sign"] = s.sign;
    if (s.target) j["target"] = true;
    if (s.qualifies >= 0) j["qualifies"] = s.qualifies;
    if (rel.part_of[q.id] >= 0) j["part_of"] = rel.breakdowns[rel.part_of[q.id]].whole;
    x.quantity_fields.push_back(std::move(j));
    std::string t = fmt::format(" type={}{}", to_string(s.type), s.sign ? (s.sign > 0 ? "+" : "−") : "");
    t += fmt::format(" measure={}", s.measure.empty() ? "-" : s.measure);
    if (s.previous) t += " period=previous";
    if (s.basis != Basis::Unstated) t += fmt::format(" basis={}", to_string(s.basis));
    if (s.target) t += " target";
    if (s.qualifies >= 0) t += fmt::format(" of={}", where(fb, s.qualifies));
    x.quantity_text.push_back(std::move(t));
  }
  json bds = json::array();
  for (const auto& b : rel.breakdowns)
    bds.push_back({{"whole", b.whole}, {"parts", b.parts}, {"kind", kind_name(b.kind)},
                   {"why", say_evidence(b.why, say)}});
  x.top["breakdowns"] = bds;
  x.text_tail = say(Message("view.breakdowns")) + "\n";
  for (const auto& b : rel.breakdowns)
    x.text_tail += fmt::format("  {} {} {} {}  ({})\n", say(Message("view.line", {{"line", std::to_string(fb.q(b.whole).line)}})),
                               fb.q(b.whole).text, kind_sign(b.kind), list(fb, b.parts, " + "), say_evidence(b.why, say));
  return x;
}

std::string relations_to_json(const FactBase& fb, const Relations& rel, const Say& say) {
  using nlohmann::json;
  json sts = json::array();
  for (const auto& s : rel.statements) {
    const Quantity& q = fb.q(s.quantity);
    Position p = fb.source->position(q.span.begin);
    json j = {{"id", q.id}, {"line", p.line}, {"column", p.column}, {"text", q.text}, {"type", to_string(s.type)},
              {"sign", s.sign}, {"measure", s.measure}, {"entity", q.scope}, {"year", q.year ? json(q.year) : json(nullptr)},
              {"previous_period", s.previous}, {"target", s.target}, {"basis", to_string(s.basis)}, {"cue", s.cue}};
    if (s.qualifies >= 0) j["qualifies"] = s.qualifies;
    sts.push_back(std::move(j));
  }
  json rels = json::array();
  for (const auto& b : rel.breakdowns) {
    json rivals = json::array();
    for (const auto& r : b.rivals) rivals.push_back(say(r));
    rels.push_back({{"kind", kind_name(b.kind)}, {"whole", b.whole}, {"parts", b.parts},
                    {"evidence", say_evidence(b.why, say)}, {"rivals", rivals}});
  }
  for (const auto& c : rel.changes) {
    json j = {{"kind", "change"}, {"level", c.level}, {"evidence", say_evidence(c.why, say)}};
    if (c.previous >= 0) j["previous"] = c.previous;
    if (c.change >= 0) j["change"] = c.change;
    if (c.rate >= 0) j["rate"] = c.rate;
    rels.push_back(std::move(j));
  }
  for (const auto& a : rel.averages)
    rels.push_back({{"kind", "average"}, {"average", a.average}, {"numerator", a.numerator},
                    {"denominator", a.denominator}, {"evidence", say_evidence(a.why, say)}});
  for (const auto& f : rel.formulas)
    rels.push_back({{"kind", "formula"}, {"value", f.value}, {"of", f.of}, {"per", f.per}, {"name", f.name},
                    {"evidence", say_evidence(f.why, say)}});
  for (const auto& g : rel.repeats)
    rels.push_back({{"kind", "repeat"}, {"measure", g.measure}, {"members", g.members}});
  for (const auto& b : rel.bulletin) rels.push_back(bulletin_json(b, say));
  json out = {{"file", fb.source->path()}, {"statements", sts}, {"relations", rels}};
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace tally
