#include "output/html_source.h"

#include <algorithm>

#include <fmt/format.h>

#include "output/html_util.h"
#include "output/locator.h"
#include "output/paths.h"

namespace tally::html {

namespace {

const char* sev_class(Severity s) {
  switch (s) {
    case Severity::Error: return "sev-error";
    case Severity::Warning: return "sev-warning";
    case Severity::Info: return "sev-info";
  }
  return "sev-error";
}

// A figure with its span cut to the text; spans holding only line breaks count
// as empty so they still get a visible caret.
struct Placed {
  const Figure* fig;
  uint32_t begin, end;
};

std::vector<Placed> place(const SourceText& src, const std::vector<Figure>& figures) {
  std::vector<Placed> out;
  for (const auto& f : figures) {
    Span s = clamp_span(src, f.span);
    std::string_view text = src.slice(s);
    if (text.find_first_not_of('\n') == std::string_view::npos) s.end = s.begin;
    out.push_back({&f, s.begin, s.end});
  }
  return out;
}

std::string join_ids(const std::vector<int>& ids) {
  std::string s;
  for (int k : ids) {
    if (!s.empty()) s += ' ';
    s += std::to_string(k);
  }
  return s;
}

class LineWriter {
 public:
  LineWriter(std::string& out, int count) : out_(out), anchored_(count, false) {}

  // The figures that touch the line about to be written.
  void use(const std::vector<Placed>& figures) { placed_ = &figures; }

  // Writes text[x, y) covered by the figures that contain it.
  void piece(std::string_view text, uint32_t x, uint32_t y) {
    std::vector<const Figure*> prim, rel;
    for (const auto& p : *placed_)
      if (p.begin <= x && y <= p.end && p.begin < p.end) (p.fig->related ? rel : prim).push_back(p.fig);
    write(text, prim, rel, false);
  }

  // Writes zero-width diagnostic figures sitting at offset x as carets. A
  // zero-width related figure has nothing to light up and is left out.
  void carets(uint32_t x) {
    for (const auto& p : *placed_)
      if (p.begin == x && p.end == x && !p.fig->related) write("", {p.fig}, {}, true);
  }

 private:
  void write(std::string_view text, const std::vector<const Figure*>& prim, std::vector<const Figure*> rel,
             bool caret) {
    if (prim.empty() && rel.empty()) {
      escape_into(out_, text);
      return;
    }
    if (prim.empty()) {
      std::vector<int> ids;
      for (auto* f : rel) ids.push_back(f->diag);
      out_ += fmt::format("<span class=\"rel\" data-r=\"{}\">", join_ids(ids));
      escape_into(out_, text);
      out_ += "</span>";
      return;
    }
    // The first piece of each diagnostic's figure carries its id; extra ids go on empty anchors.
    std::vector<int> ids, fresh;
    Severity worst = Severity::Info;
    std::string tip;
    for (auto* f : prim) {
      ids.push_back(f->diag);
      worst = std::max(worst, f->severity);
      if (!tip.empty()) tip += '\n';
      tip += f->tooltip;
      if (!anchored_[f->diag]) {
        anchored_[f->diag] = true;
        fresh.push_back(f->diag);
      }
    }
    for (size_t i = 1; i < fresh.size(); ++i) out_ += fmt::format("<span class=\"anchor\" id=\"d-{}\"></span>", fresh[i]);
    out_ += fmt::format("<mark class=\"{}{}\"", sev_class(worst), caret ? " caret" : "");
    if (!fresh.empty()) out_ += fmt::format(" id=\"d-{}\"", fresh[0]);
    out_ += fmt::format(" data-d=\"{}\"", join_ids(ids));
    if (!rel.empty()) {
      std::vector<int> rids;
      for (auto* f : rel) rids.push_back(f->diag);
      out_ += fmt::format(" data-r=\"{}\"", join_ids(rids));
    }
    out_ += " tabindex=\"0\" title=\"";
    escape_into(out_, tip);
    out_ += "\">";
    escape_into(out_, text);
    out_ += "</mark>";
  }

  std::string& out_;
  const std::vector<Placed>* placed_ = nullptr;
  std::vector<bool> anchored_;
};

}  // namespace

void render_source(std::string& out, const SourceText& src, int file, const std::vector<Figure>& figures,
                   Lang lang) {
  // Figures by the lines they touch, so each line looks only at its own.
  std::vector<std::vector<Placed>> by_line(src.line_count() + 1);
  for (const Placed& p : place(src, figures))
    for (int l = src.position(p.begin).line, last = src.position(p.end).line; l <= last; ++l) by_line[l].push_back(p);
  int count = 0;
  for (const auto& f : figures) count = std::max(count, f.diag + 1);
  LineWriter w(out, count);
  const std::string& text = src.text();
  out += "<table class=\"src\">\n";
  for (int line = 1; line <= src.line_count(); ++line) {
    uint32_t ls = src.line_start(line);
    uint32_t le = ls + static_cast<uint32_t>(src.line_text(line).size());
    const std::vector<Placed>& placed = by_line[line];
    w.use(placed);
    // The last line of a file ending in "\n" is empty: skip it, editors do not number it.
    bool caret_here = std::any_of(placed.begin(), placed.end(),
                                  [&](const Placed& p) { return p.begin == ls && p.end == ls && !p.fig->related; });
    if (line == src.line_count() && line > 1 && ls == le && !caret_here) break;
    std::string locator = say_locator(line_locator(src, line), lang);
    out += fmt::format("<tr id=\"f{}-l{}\"><td class=\"ln\"", file, line);
    if (!locator.empty()) out += " title=\"" + escape(locator) + "\"";
    out += fmt::format("><a href=\"#f{}-l{}\">{}</a></td><td class=\"tx\">", file, line, line);
    std::vector<uint32_t> cuts = {ls, le};
    for (const auto& p : placed)
      for (uint32_t c : {p.begin, p.end})
        if (c > ls && c < le) cuts.push_back(c);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    for (size_t i = 0; i + 1 < cuts.size(); ++i) {
      w.carets(cuts[i]);
      w.piece(std::string_view(text).substr(cuts[i], cuts[i + 1] - cuts[i]), cuts[i], cuts[i + 1]);
    }
    w.carets(le);
    out += "</td></tr>\n";
  }
  out += "</table>\n";
}

}  // namespace tally::html
