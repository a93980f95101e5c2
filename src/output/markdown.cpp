#include "output/markdown.h"

#include <cmark.h>

#include <cstdlib>
#include <memory>
#include <vector>

#include "base/utf8.h"

namespace tally {

namespace {

using NodePtr = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;

NodePtr parse(std::string_view md) {
  return NodePtr(cmark_parse_document(md.data(), md.size(), CMARK_OPT_DEFAULT), &cmark_node_free);
}

std::string literal(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s ? s : "";
}

// Appends `text` to out, starting each line after the first with `indent`.
void put(std::string& out, const std::string& text, const std::string& indent) {
  for (char c : text) {
    out += c;
    if (c == '\n') out += indent;
  }
}

void trim_trailing_spaces(std::string& out) {
  while (!out.empty() && out.back() == ' ') out.pop_back();
}

// A block ends with one blank line.
void end_block(std::string& out, const std::string& indent) {
  trim_trailing_spaces(out);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  out += "\n\n" + indent;
}

void text_of(cmark_node* node, std::string& out, std::string indent) {
  for (cmark_node* n = cmark_node_first_child(node); n != nullptr; n = cmark_node_next(n)) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        put(out, literal(n), indent);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        trim_trailing_spaces(out);
        out += "\n" + indent;
        break;
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_THEMATIC_BREAK:
        break;
      case CMARK_NODE_LINK: {
        size_t before = out.size();
        text_of(n, out, indent);
        std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
        if (!url.empty() && out.compare(before, std::string::npos, url) != 0) out += " (" + url + ")";
        break;
      }
      case CMARK_NODE_CODE_BLOCK: {
        std::string code = literal(n);
        while (!code.empty() && code.back() == '\n') code.pop_back();
        out += "    ";
        put(out, code, indent + "    ");
        end_block(out, indent);
        break;
      }
      case CMARK_NODE_LIST: {
        int number = cmark_node_get_list_start(n);
        bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        for (cmark_node* item = cmark_node_first_child(n); item != nullptr; item = cmark_node_next(item)) {
          std::string mark = ordered ? std::to_string(number++) + ". " : "- ";
          out += mark;
          text_of(item, out, indent + std::string(mark.size(), ' '));
          trim_trailing_spaces(out);
          while (!out.empty() && out.back() == '\n') out.pop_back();
          out += "\n" + indent;
        }
        end_block(out, indent);
        break;
      }
      case CMARK_NODE_PARAGRAPH:
      case CMARK_NODE_HEADING:
      case CMARK_NODE_BLOCK_QUOTE:
        text_of(n, out, indent);
        end_block(out, indent);
        break;
      default:  // emphasis, strong, items: their children only
        text_of(n, out, indent);
        break;
    }
  }
}

bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x20000 && c <= 0x3FFFF);
}

// The code point a text ends (or starts) with, 0 when the node has no text of its own.
char32_t edge(cmark_node* n, bool last) {
  if (n == nullptr) return 0;
  cmark_node_type t = cmark_node_get_type(n);
  if (t != CMARK_NODE_TEXT && t != CMARK_NODE_CODE) {
    cmark_node* child = last ? cmark_node_last_child(n) : cmark_node_first_child(n);
    return child ? edge(child, last) : 0;
  }
  std::string s = literal(n);
  if (s.empty()) return 0;
  size_t i = 0;
  if (last) {
    i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  }
  return utf8::next(s, i);
}

// A line break inside Chinese text becomes a space in HTML, which shows as a gap between two
// characters: drop the breaks that have a CJK character on either side.
void join_cjk_lines(cmark_node* doc) {
  std::vector<cmark_node*> breaks;
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_SOFTBREAK &&
        (is_cjk(edge(cmark_node_previous(n), true)) || is_cjk(edge(cmark_node_next(n), false))))
      breaks.push_back(n);
  }
  cmark_iter_free(it);
  for (cmark_node* n : breaks) cmark_node_free(n);  // unlinks it too
}

}  // namespace

std::string markdown_to_text(std::string_view markdown) {
  NodePtr doc = parse(markdown);
  std::string out;
  text_of(doc.get(), out, "");
  trim_trailing_spaces(out);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::string markdown_to_html(std::string_view markdown) {
  NodePtr doc = parse(markdown);
  join_cjk_lines(doc.get());
  char* html = cmark_render_html(doc.get(), CMARK_OPT_DEFAULT);  // safe: raw HTML becomes a comment
  std::string out = html ? html : "";
  free(html);
  return out;
}

}  // namespace tally
