#include "load/docx_styles.h"

#include <cctype>
#include <cstdlib>
#include <string_view>

#include "load/docx_xml.h"

namespace tally::docx {

namespace {

// Level from a style's display name: "heading 2", "Heading2", "标题 2", "Title".
int level_from_name(std::string_view name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view s = lower;
  if (s == "title" || s == "标题") return 1;
  for (std::string_view prefix : {std::string_view("heading"), std::string_view("标题")}) {
    if (!s.starts_with(prefix)) continue;
    std::string_view rest = s.substr(prefix.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') return rest[0] - '0';
  }
  return 0;
}

}  // namespace

Styles::Styles(const pugi::xml_node& root) {
  for (pugi::xml_node s = root.first_child(); s; s = s.next_sibling()) {
    if (local_name(s) != "style" || attr(s, "type") != "paragraph") continue;
    Style st;
    st.based_on = std::string(prop(s, "basedOn"));
    st.heading = level_from_name(prop(s, "name"));
    pugi::xml_node ppr = child(s, "pPr");
    std::string_view outline = prop(ppr, "outlineLvl");
    if (st.heading == 0 && outline.size() == 1 && outline[0] >= '0' && outline[0] <= '8')
      st.heading = outline[0] - '0' + 1;
    pugi::xml_node numpr = child(ppr, "numPr");
    if (numpr) {
      st.num.num_id = std::string(prop(numpr, "numId"));
      std::string_view ilvl = prop(numpr, "ilvl");
      if (!ilvl.empty()) st.num.level = std::atoi(std::string(ilvl).c_str());
    }
    styles_[std::string(attr(s, "styleId"))] = std::move(st);
  }
}

int Styles::heading_level(const std::string& style_id) const {
  std::string id = style_id;
  for (int depth = 0; depth < 16 && !id.empty(); ++depth) {
    auto it = styles_.find(id);
    if (it == styles_.end()) break;
    if (it->second.heading) return it->second.heading;
    id = it->second.based_on;
  }
  // Documents without styles.xml still use the built-in ids.
  return level_from_name(style_id);
}

NumberingRef Styles::numbering(const std::string& style_id) const {
  std::string id = style_id;
  for (int depth = 0; depth < 16 && !id.empty(); ++depth) {
    auto it = styles_.find(id);
    if (it == styles_.end()) break;
    if (!it->second.num.num_id.empty()) return it->second.num;
    id = it->second.based_on;
  }
  return {};
}

}  // namespace tally::docx
