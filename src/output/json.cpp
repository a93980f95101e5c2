// The JSON format: tally's public, versioned output contract (docs/json-format.md).
//
// Written straight into the output string, not built as a DOM first: a large
// document's findings would otherwise cost a tree of small allocations each.
// The bytes are exactly what nlohmann::json's dump(2) writes (keys in sorted
// order, two-space indentation), which the golden files hold.
#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "output/locator.h"
#include "output/render.h"

namespace tally {

Totals count(const std::vector<FileResult>& files) {
  Totals t;
  for (const auto& f : files)
    for (const auto& d : f.diagnostics) {
      if (d.severity == Severity::Error) ++t.errors;
      else if (d.severity == Severity::Warning) ++t.warnings;
      else ++t.infos;
    }
  return t;
}

namespace {

bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

// A JSON string literal. Bytes that are not UTF-8 (never expected: loading
// repairs them) take nlohmann's path, which replaces them with U+FFFD.
void put_string(std::string& out, std::string_view s) {
  if (!valid_utf8(s)) {
    out += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  out += '"';
  for (char ch : s) {
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20) fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<int>(ch));
        else out += ch;
    }
  }
  out += '"';
}

void indent(std::string& out, int level) { out.append(static_cast<size_t>(level) * 2, ' '); }

// Members of one object, written in the order given (callers give them sorted).
class Object {
 public:
  Object(std::string& out, int level) : out_(out), level_(level) { out_ += '{'; }
  void key(std::string_view k) {
    out_ += first_ ? "\n" : ",\n";
    first_ = false;
    indent(out_, level_ + 1);
    put_string(out_, k);
    out_ += ": ";
  }
  void number(std::string_view k, long long v) {
    key(k);
    fmt::format_to(std::back_inserter(out_), "{}", v);
  }
  void string(std::string_view k, std::string_view v) {
    key(k);
    put_string(out_, v);
  }
  void close() {
    if (!first_) {
      out_ += '\n';
      indent(out_, level_);
    }
    out_ += '}';
  }

 private:
  std::string& out_;
  int level_;
  bool first_ = true;
};

void put_range(Object& o, const Position& b, const Position& e, bool with_line_first) {
  o.number("column", b.column);
  o.number("end_column", e.column);
  o.number("end_line", e.line);
  if (with_line_first) o.number("line", b.line);
}

// "locator": where the span is in the .docx or .pdf, with the quote; only for extracted documents.
void put_locator(Object& o, const SourceText& src, Span span, const Location& loc) {
  if (src.line_of(std::min<uint32_t>(span.begin, src.text().size())) <= static_cast<int>(src.line_locators.size()))
    o.string("locator", locator_text(src, loc));
}

// "quote": the quote alone (a .docx), for tools that search the document for it.
void put_quote(Object& o, const SourceText& src, const Location& loc) {
  if (!loc.quote.empty()) o.string("quote", std::string(src.slice(loc.quote)));
}

void put_diagnostic(std::string& out, const SourceText& src, const Diagnostic& d, int level) {
  Position b = src.position(d.span.begin), e = src.position(d.span.end);
  Object o(out, level);
  o.number("column", b.column);
  o.number("end_column", e.column);
  o.number("end_line", e.line);
  o.string("file", src.path());
  o.key("fix");
  if (d.fix) {
    Position fb = src.position(d.fix->span.begin), fe = src.position(d.fix->span.end);
    Object f(out, level + 1);
    put_range(f, fb, fe, true);
    f.string("replacement", d.fix->replacement);
    f.close();
  } else {
    out += "null";
  }
  o.number("line", b.line);
  Location where = locate(src, d.span);
  put_locator(o, src, d.span, where);
  o.string("message", d.message);
  if (!d.notes.empty()) {
    o.key("notes");
    out += "[";
    for (size_t i = 0; i < d.notes.size(); ++i) {
      out += i ? ",\n" : "\n";
      indent(out, level + 2);
      put_string(out, d.notes[i]);
    }
    out += "\n";
    indent(out, level + 1);
    out += "]";
  }
  put_quote(o, src, where);
  o.key("related");
  if (d.related.empty()) {
    out += "[]";
  } else {
    out += "[";
    for (size_t i = 0; i < d.related.size(); ++i) {
      const auto& r = d.related[i];
      out += i ? ",\n" : "\n";
      indent(out, level + 2);
      Position rb = src.position(r.span.begin), re = src.position(r.span.end);
      Object ro(out, level + 2);
      put_range(ro, rb, re, false);
      ro.string("file", src.path());
      ro.number("line", rb.line);
      Location rwhere = locate(src, r.span);
      put_locator(ro, src, r.span, rwhere);
      ro.string("message", r.message);
      put_quote(ro, src, rwhere);
      ro.close();
    }
    out += "\n";
    indent(out, level + 1);
    out += "]";
  }
  o.string("rule", d.rule);
  o.string("severity", severity_name(d.severity));
  o.close();
}

}  // namespace

std::string render_json(const RenderInput& in, const RenderOptions&) {
  std::string out;
  int figures = 0, checked = 0;
  size_t n = 0;
  for (const auto& f : in.files) n += f.diagnostics.size();
  out.reserve(256 + n * 700);
  Object top(out, 0);
  top.key("diagnostics");
  if (n == 0) {
    out += "[]";
  } else {
    out += "[";
    bool first = true;
    for (const auto& f : in.files)
      for (const auto& d : f.diagnostics) {
        out += first ? "\n" : ",\n";
        first = false;
        indent(out, 2);
        put_diagnostic(out, f.source, d, 2);
      }
    out += "\n  ]";
  }
  for (const auto& f : in.files) {
    figures += f.figures;
    checked += f.figures_checked;
  }
  Totals t = count(in.files);
  top.key("summary");
  Object s(out, 1);
  if (in.baseline) {
    s.number("baseline_matched", in.baseline->matched);
    s.number("baseline_stale", in.baseline->stale);
  }
  s.number("errors", t.errors);
  s.number("figures", figures);
  s.number("figures_checked", checked);
  s.number("files", static_cast<long long>(in.files.size()));
  s.number("infos", t.infos);
  s.number("warnings", t.warnings);
  s.close();
  top.number("version", 1);
  top.close();
  out += '\n';
  return out;
}

}  // namespace tally
