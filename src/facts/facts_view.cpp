#include "facts/facts_view.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace tally {

namespace {

const char* kind_name(QuantityKind k) {
  switch (k) {
    case QuantityKind::Number: return "number";
    case QuantityKind::Percent: return "percent";
    case QuantityKind::Ratio: return "ratio";
  }
  return "number";
}

const char* approx_name(Approx a) {
  switch (a) {
    case Approx::None: return "";
    case Approx::AtLeast: return "at-least";
    case Approx::AtMost: return "at-most";
    case Approx::About: return "about";
  }
  return "";
}

}  // namespace

nlohmann::json quantity_to_json(const FactBase& fb, const Quantity& q, const FactsExtras& extras) {
  using nlohmann::json;
  const SourceText& src = *fb.source;
  Position b = src.position(q.span.begin), e = src.position(q.span.end);
  json j = {{"id", q.id}, {"line", b.line}, {"column", b.column}, {"end_line", e.line}, {"end_column", e.column},
            {"text", q.text}, {"kind", kind_name(q.kind)}, {"value", q.value.str(6)},
            {"decimals", q.decimals}, {"multiplier", q.multiplier}, {"unit", q.unit},
            {"dimension", q.dimension}, {"label", q.label}, {"metric", q.metric}, {"scope", q.scope},
            {"year", q.year ? json(q.year) : json(nullptr)}, {"approximate", approx_name(q.approx)},
            {"malformed", q.malformed}, {"in_case", q.in_case}};
  Interval iv = q.interval();
  j["interval"] = {iv.lo_inf ? json(nullptr) : json(iv.lo.str(6)), iv.hi_inf ? json(nullptr) : json(iv.hi.str(6))};
  if (q.kind == QuantityKind::Ratio) {
    json parts = json::array();
    for (const auto& p : q.ratio_parts) parts.push_back(p.str(6));
    j["ratio_parts"] = parts;
  }
  if (q.table >= 0) j["table"] = {{"index", q.table}, {"row", q.row}, {"column", q.col}, {"row_label", q.row_label}, {"column_label", q.col_label}};
  if (q.id < static_cast<int>(extras.quantity_fields.size()))
    for (const auto& [k, v] : extras.quantity_fields[q.id].items()) j[k] = v;
  return j;
}

std::string facts_to_json(const FactBase& fb, const FactsExtras& extras) {
  using nlohmann::json;
  const SourceText& src = *fb.source;
  json qs = json::array();
  for (const auto& q : fb.ex.quantities) qs.push_back(quantity_to_json(fb, q, extras));
  json secs = json::array();
  for (const auto& s : fb.doc.sections)
    secs.push_back({{"number", s.number}, {"title", s.title}, {"level", s.level}, {"line", s.line},
                    {"parent", s.parent}, {"case", s.is_case}});
  json tables = json::array();
  for (const auto& t : fb.doc.tables) {
    json rows = json::array();
    for (const auto& r : t.rows) {
      json cells = json::array();
      for (const auto& c : r) cells.push_back(std::string(src.slice(c.span)));
      rows.push_back(cells);
    }
    json columns = json::array();
    for (const auto& c : t.cols)
      columns.push_back({{"path", c.path}, {"period", c.period}, {"measure", c.measure}, {"unit", c.unit},
                         {"label", c.label}, {"change", c.change}, {"growth_rate", c.growth_rate},
                         {"sample", c.sample}, {"total", c.total}});
    json roles = json::array();
    for (const auto& ri : t.info)
      roles.push_back({{"role", row_role_name(ri.role)}, {"label", ri.label}, {"parent", ri.parent},
                       {"group", ri.group}, {"unit", ri.unit}});
    tables.push_back({{"first_line", t.first_line}, {"last_line", t.last_line}, {"caption_line", t.caption_line},
                      {"header_rows", t.header_rows}, {"rows", rows}, {"columns", columns}, {"row_info", roles}});
  }
  json toc = json::array();
  for (const auto& l : fb.doc.lines)
    if (l.kind == LineKind::Toc) toc.push_back(l.number);
  json out = {{"file", src.path()}, {"quantities", qs}, {"sections", secs}, {"tables", tables},
              {"toc_lines", toc}};
  for (const auto& [k, v] : extras.top.items()) out[k] = v;
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string facts_to_text(const FactBase& fb, const FactsExtras& extras, const Say& say) {
  const SourceText& src = *fb.source;
  auto word = [&](const char* id) { return say(Message(id)); };
  std::string out;
  out += word("view.sections") + "\n";
  for (const auto& s : fb.doc.sections)
    out += fmt::format("  {:>4}: {}{} {}{}\n", s.line, std::string(2 * std::min(s.level, 5), ' '), s.number, s.title,
                       s.is_case ? " [case]" : "");
  out += word("view.quantities") + "\n";
  for (const auto& q : fb.ex.quantities) {
    Position b = src.position(q.span.begin);
    out += fmt::format("  {}:{}  {:<14} = {:<12} {:<4} {:<8} label={} metric={} scope={} year={}{}{}{}{}\n", b.line,
                       b.column, q.text, q.value.str(4), q.unit, kind_name(q.kind), q.label,
                       q.metric.empty() ? "-" : q.metric, q.scope.empty() ? "-" : q.scope,
                       q.year ? std::to_string(q.year) : "-",
                       q.approx != Approx::None ? std::string(" approx=") + approx_name(q.approx) : "",
                       q.malformed ? " MALFORMED" : "",
                       q.table >= 0 ? fmt::format(" cell=T{}R{}C{} [{} | {}]", q.table, q.row, q.col, q.row_label, q.col_label) : "",
                       q.id < static_cast<int>(extras.quantity_text.size()) ? extras.quantity_text[q.id] : "");
  }
  out += extras.text_tail;
  out += word("view.tables") + "\n";
  for (size_t ti = 0; ti < fb.doc.tables.size(); ++ti) {
    const Table& t = fb.doc.tables[ti];
    Message head("view.table", {{"first", std::to_string(t.first_line)},
                                {"last", std::to_string(t.last_line)},
                                {"rows", std::to_string(t.rows.size())},
                                {"header", std::to_string(t.header_rows)},
                                {"caption", std::to_string(t.caption_line)}});
    out += "  " + say(head) + "\n";
    // The header tree: each column's path of header cells, and what it resolves to.
    for (size_t c = 0; c < t.cols.size(); ++c) {
      const ColumnInfo& col = t.cols[c];
      std::string path;
      for (const auto& p : col.path) path += (path.empty() ? "" : " › ") + p;
      std::string flags;
      if (col.label) flags += " label";
      if (c == static_cast<size_t>(std::max(t.index_column, -1)) && t.index_column >= 0) flags += " index";
      if (static_cast<int>(c) == t.unit_column) flags += " unit-column";
      if (col.change) flags += col.growth_rate ? " change(rate)" : " change";
      if (col.sample) flags += " sample";
      if (col.total) flags += " total";
      out += fmt::format("    C{} [{}] period={} measure={} unit={}{}\n", c, path.empty() ? "-" : path,
                         col.period ? std::to_string(col.period) : "-", col.measure.empty() ? "-" : col.measure,
                         col.unit.empty() ? "-" : col.unit, flags);
    }
    std::vector<std::vector<int>> by_row(t.rows.size());
    for (const auto& q : fb.ex.quantities)
      if (q.table == static_cast<int>(ti) && q.row >= 0 && q.row < static_cast<int>(by_row.size())) by_row[q.row].push_back(q.id);
    for (size_t r = 0; r < t.rows.size() && r < t.info.size(); ++r) {
      const RowInfo& ri = t.info[r];
      int line = t.rows[r].empty() ? 0 : src.position(t.rows[r][0].span.begin).line;
      std::string extra;
      if (ri.parent >= 0) extra += fmt::format(" of R{}", ri.parent);
      if (!ri.group.empty()) extra += " group=" + ri.group;
      if (!ri.unit.empty()) extra += " unit=" + ri.unit;
      out += fmt::format("    R{} line {} {}{} {}\n", r, line, row_role_name(ri.role), extra,
                         ri.label.empty() ? "" : "label=" + ri.label);
      if (ri.role == RowRole::Header) continue;
      // Each cell: (period, measure, unit) of its column and the row it reads from.
      for (int id : by_row[r]) {
        const Quantity& q = fb.q(id);
        const ColumnInfo* col = q.col < static_cast<int>(t.cols.size()) ? &t.cols[q.col] : nullptr;
        out += fmt::format("      C{} {} → period={} measure={} unit={} entity={}\n", q.col, q.text,
                           q.year ? std::to_string(q.year) : "-",
                           col && !col->measure.empty() ? col->measure : (ri.label.empty() ? "-" : ri.label),
                           q.unit.empty() ? "-" : q.unit, ri.group.empty() ? "-" : ri.group);
      }
    }
  }
  return out;
}

}  // namespace tally
