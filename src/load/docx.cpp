#include "load/docx.h"

#include <map>
#include <vector>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "load/docx_numbering.h"
#include "load/docx_styles.h"
#include "load/docx_xml.h"
#include "load/text_builder.h"

namespace tally {

namespace {

using docx::attr;
using docx::child;
using docx::local_name;
using docx::prop;

// Text of the inline content of a paragraph, plus what must be emitted apart.
struct Inline {
  std::string text;
  std::vector<pugi::xml_node> text_boxes;
};

class Walker {
 public:
  Walker(TextBuilder& out, const docx::Styles& styles, docx::Numbering& numbering)
      : out_(out), styles_(styles), numbering_(numbering) {}

  // Emits the block content (paragraphs, tables) under `parent`.
  void blocks(const pugi::xml_node& parent) {
    for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element) continue;
      std::string_view name = local_name(n);
      if (name == "p") {
        paragraph(n);
      } else if (name == "tbl") {
        table(n);
      } else if (name != "sectPr" && name != "del" && name != "moveFrom") {
        blocks(n);  // w:sdt, w:sdtContent, w:customXml, w:ins…
      }
    }
  }

  // Footnote or endnote ids in the order the body refers to them.
  const std::vector<std::string>& note_refs(bool endnotes) const { return endnotes ? endnote_refs_ : footnote_refs_; }

  // A standalone paragraph's text (for notes): its label and inline text, "\n" → " ".
  std::string flat_text(const pugi::xml_node& p) {
    Inline in;
    in.text = label(p);
    collect(p, in);
    for (const auto& box : in.text_boxes) append_box_text(box, in.text);
    return flatten(in.text);
  }

 private:
  static std::string flatten(std::string s) {
    for (char& c : s)
      if (c == '\n' || c == '\t') c = ' ';
    return s;
  }

  std::string style_of(const pugi::xml_node& p) const { return std::string(prop(child(p, "pPr"), "pStyle")); }

  // The list label Word draws in front of the paragraph, if any.
  std::string label(const pugi::xml_node& p) {
    pugi::xml_node ppr = child(p, "pPr");
    std::string style = style_of(p);
    docx::NumberingRef ref;
    if (pugi::xml_node numpr = child(ppr, "numPr")) {
      ref.num_id = std::string(prop(numpr, "numId"));
      std::string_view ilvl = prop(numpr, "ilvl");
      if (!ilvl.empty()) ref.level = std::atoi(std::string(ilvl).c_str());
    }
    if (ref.num_id.empty()) ref = styles_.numbering(style);
    if (ref.num_id.empty() || ref.num_id == "0") return {};
    return numbering_.next_label(ref.num_id, ref.level, style);
  }

  // Inline content in document order. Deleted text (tracked changes), field
  // codes and the fallback copy of drawings are left out; inserted text stays.
  void collect(const pugi::xml_node& n, Inline& in) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view name = local_name(c);
      if (name == "t") {
        in.text += c.child_value();
      } else if (name == "tab") {
        in.text += '\t';
      } else if (name == "br" || name == "cr") {
        in.text += '\n';
      } else if (name == "noBreakHyphen") {
        in.text += '-';
      } else if (name == "txbxContent") {
        in.text_boxes.push_back(c);
      } else if (name == "footnoteReference" || name == "endnoteReference") {
        (name == "footnoteReference" ? footnote_refs_ : endnote_refs_).emplace_back(attr(c, "id"));
      } else if (name == "del" || name == "moveFrom" || name == "delText" || name == "instrText" ||
                 name == "delInstrText" || name == "pPr" || name == "rPr" || name == "Fallback" ||
                 name == "tblPr" || name == "sectPr") {
        continue;
      } else {
        collect(c, in);  // runs, w:ins, hyperlinks, fields, smart tags, drawings…
      }
    }
  }

  void paragraph(const pugi::xml_node& p) {
    ++paragraph_;
    Inline in;
    std::string lab = label(p);
    collect(p, in);
    std::string loc = fmt::format("paragraph {}", paragraph_);
    int heading = 0;
    std::string_view outline = prop(child(p, "pPr"), "outlineLvl");
    if (outline.size() == 1 && outline[0] >= '0' && outline[0] <= '8') heading = outline[0] - '0' + 1;
    if (heading == 0) heading = styles_.heading_level(style_of(p));
    // The label is drawn by Word, not typed: a quote must not include it.
    out_.add_quoted(lab, in.text, heading ? fmt::format("{} (heading {})", loc, heading) : loc);
    // A text box's paragraphs follow the paragraph that anchors it.
    for (const auto& box : in.text_boxes) box_lines(box, loc + ", text box");
  }

  void box_lines(const pugi::xml_node& box, const std::string& loc) {
    for (pugi::xml_node n = box.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element) continue;
      std::string_view name = local_name(n);
      if (name == "p") {
        Inline in;
        std::string lab = label(n);
        collect(n, in);
        out_.add_quoted(lab, in.text, loc);
        for (const auto& inner : in.text_boxes) box_lines(inner, loc);
      } else if (name == "tbl") {
        for (const auto& row : rows(n)) out_.add_quoted("", row, loc);
      } else {
        box_lines(n, loc);
      }
    }
  }

  void append_box_text(const pugi::xml_node& box, std::string& text) {
    for (pugi::xml_node p : box.children()) {
      if (p.type() != pugi::node_element) continue;
      if (local_name(p) == "p") {
        std::string t = flat_text(p);
        if (!t.empty()) text += (text.empty() ? "" : " ") + t;
      } else {
        append_box_text(p, text);
      }
    }
  }

  // Elements with this local name directly under n, looking through content
  // controls and custom XML wrappers.
  static void children_named(const pugi::xml_node& n, std::string_view name, std::vector<pugi::xml_node>& out) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view cn = local_name(c);
      if (cn == name) out.push_back(c);
      else if (cn == "sdt" || cn == "sdtContent" || cn == "customXml") children_named(c, name, out);
    }
  }

  // A cell's text: its paragraphs (and nested tables) joined by spaces.
  std::string cell_text(const pugi::xml_node& tc) {
    std::string text;
    auto add = [&](std::string t) {
      if (t.empty()) return;
      if (!text.empty()) text += ' ';
      text += t;
    };
    for (pugi::xml_node c = tc.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view name = local_name(c);
      if (name == "p") {
        add(flat_text(c));
      } else if (name == "tbl") {
        for (auto& row : rows(c)) add(flatten(row));
      } else if (name == "sdt" || name == "customXml") {
        std::vector<pugi::xml_node> ps;
        children_named(c, "p", ps);
        for (const auto& p : ps) add(flat_text(p));
      }
    }
    return text;
  }

  // One string per row: cells joined by "\t". A horizontally merged cell
  // (gridSpan) is followed by empty cells so columns stay aligned; a
  // vertically merged continuation repeats the text of the cell above.
  std::vector<std::string> rows(const pugi::xml_node& tbl) {
    std::vector<std::string> out;
    std::map<int, std::string> above;  // grid column → text of the last restarting cell
    std::vector<pugi::xml_node> trs;
    children_named(tbl, "tr", trs);
    for (const auto& tr : trs) {
      if (child(child(tr, "trPr"), "del")) continue;  // a row deleted with tracked changes
      std::vector<std::string> cells;
      int before = std::atoi(std::string(prop(child(tr, "trPr"), "gridBefore")).c_str());
      for (int i = 0; i < before && i < 64; ++i) cells.emplace_back();
      std::vector<pugi::xml_node> tcs;
      children_named(tr, "tc", tcs);
      for (const auto& tc : tcs) {
        pugi::xml_node tcpr = child(tc, "tcPr");
        int span = std::max(1, std::atoi(std::string(prop(tcpr, "gridSpan")).c_str()));
        pugi::xml_node vmerge = child(tcpr, "vMerge");
        int col = static_cast<int>(cells.size());
        std::string text;
        if (vmerge && attr(vmerge, "val") != "restart") {
          text = above[col];
        } else {
          text = cell_text(tc);
          above[col] = text;
        }
        cells.push_back(std::move(text));
        for (int i = 1; i < span && i < 64; ++i) cells.emplace_back();
      }
      std::string line;
      for (size_t i = 0; i < cells.size(); ++i) line += (i ? "\t" : "") + cells[i];
      out.push_back(std::move(line));
    }
    return out;
  }

  void table(const pugi::xml_node& tbl) {
    ++table_;
    int r = 0;
    for (const auto& row : rows(tbl)) out_.add_quoted("", row, fmt::format("table {}, row {}", table_, ++r));
  }

  TextBuilder& out_;
  const docx::Styles& styles_;
  docx::Numbering& numbering_;
  int paragraph_ = 0;
  int table_ = 0;
  std::vector<std::string> footnote_refs_, endnote_refs_;
};

// Word's own documents are a few dozen elements deep even with tables in
// tables; the walker recurses per level, so deeper input (15,000 nested
// tables fit in 2.4 KB zipped) is refused instead of overflowing the stack.
constexpr int kMaxXmlDepth = 400;

struct Part {
  pugi::xml_document doc;
  bool present = false;
};

Result<bool> parse_part(const ZipArchive& zip, const std::string& name, const ZipLimits& limits, Part& part) {
  if (!zip.contains(name)) return false;
  auto xml = zip.read(name, limits);
  if (!xml) return xml.failure();
  pugi::xml_parse_result r =
      part.doc.load_buffer(xml->data(), xml->size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_auto);
  if (!r) return Error{"", fmt::format("{} is damaged (XML error at byte {}: {})", name, r.offset, r.description()), {"error.docx.xml", {{"name", name}, {"byte", std::to_string(r.offset)}, {"reason", r.description()}}}};
  if (docx::element_depth(part.doc, kMaxXmlDepth) > kMaxXmlDepth)
    return Error{"", fmt::format("{} is nested too deeply (tables or other elements more than {} levels deep)", name,
                             kMaxXmlDepth), {"error.docx.too_deep", {{"name", name}, {"limit", std::to_string(kMaxXmlDepth)}}}};
  part.present = true;
  return true;
}

// Appends footnotes (or endnotes) under a heading line, in the order the body
// refers to them, then any note never referred to.
void add_notes(TextBuilder& out, Walker& walker, const pugi::xml_node& root, bool endnotes) {
  std::map<std::string, pugi::xml_node> notes;
  std::vector<std::string> order;
  for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
    if (n.type() != pugi::node_element) continue;
    std::string_view type = attr(n, "type");
    if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice") continue;
    std::string id(attr(n, "id"));
    notes[id] = n;
    order.push_back(id);
  }
  std::vector<std::string> ids;
  std::map<std::string, bool> seen;
  for (const auto& id : walker.note_refs(endnotes))
    if (notes.count(id) && !seen[id]) ids.push_back(id), seen[id] = true;
  for (const auto& id : order)
    if (!seen[id]) ids.push_back(id), seen[id] = true;
  if (ids.empty()) return;
  const char* kind = endnotes ? "endnote" : "footnote";
  out.add("", "");
  out.add(endnotes ? "尾注" : "脚注", endnotes ? "endnotes" : "footnotes");
  int k = 0;
  for (const auto& id : ids) {
    ++k;
    std::string text;
    for (pugi::xml_node p : notes[id].children()) {
      if (p.type() != pugi::node_element || local_name(p) != "p") continue;
      std::string t = walker.flat_text(p);
      if (!t.empty()) text += (text.empty() ? "" : " ") + t;
    }
    // Word starts a note with a space after its reference mark.
    while (text.starts_with(' ')) text.erase(0, 1);
    out.add_quoted(fmt::format("[{}] ", k), text, fmt::format("{} {}", kind, k));
  }
}

}  // namespace

bool is_ole_compound(std::string_view bytes) { return bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"); }

Result<SourceText> load_docx(const std::string& path, std::string_view bytes, const ZipLimits& limits) {
  if (is_ole_compound(bytes))
    return Error{path, "encrypted or legacy Word document (OLE compound file); remove the password or "
                       "save it as .docx",
                 "error.docx.ole"};
  auto zip = ZipArchive::open(bytes);
  if (!zip)
    return Error{path, fmt::format("not a readable .docx (damaged ZIP archive: {})", zip.error()), "error.docx.bad_zip",
                 {{"reason", zip.failure().catalogue_lines().front().what}}};
  if (!zip->contains("word/document.xml"))
    return Error{path, "not a .docx file (no word/document.xml in the ZIP archive)", "error.docx.no_document"};
  Part document, styles, numbering, footnotes, endnotes;
  for (auto [name, part] : {std::pair<const char*, Part*>{"word/document.xml", &document},
                            {"word/styles.xml", &styles},
                            {"word/numbering.xml", &numbering},
                            {"word/footnotes.xml", &footnotes},
                            {"word/endnotes.xml", &endnotes}}) {
    auto r = parse_part(*zip, name, limits, *part);
    if (!r) return prefixed(path, r.failure());
  }
  pugi::xml_node body = child(document.doc.document_element(), "body");
  if (!body) return Error{path, "word/document.xml has no w:body", "error.docx.no_body"};
  docx::Styles st(styles.doc.document_element());
  docx::Numbering num(numbering.doc.document_element());
  TextBuilder out;
  Walker walker(out, st, num);
  walker.blocks(body);
  add_notes(out, walker, footnotes.doc.document_element(), false);
  add_notes(out, walker, endnotes.doc.document_element(), true);
  if (out.blank()) return Error{path, "the document has no text: nothing to check", "error.docx.no_text"};
  return std::move(out).finish(path);
}

}  // namespace tally
