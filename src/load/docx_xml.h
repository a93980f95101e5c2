// Small helpers for WordprocessingML read with pugixml, which is not
// namespace-aware: elements and attributes are matched by local name, so any
// prefix bound to the WordprocessingML namespace works.
#pragma once
#include <string_view>

#include <pugixml.hpp>

namespace tally::docx {

inline std::string_view local_name(std::string_view qname) {
  size_t colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}
inline std::string_view local_name(const pugi::xml_node& n) { return local_name(n.name()); }

// First child element with this local name (or an empty node).
inline pugi::xml_node child(const pugi::xml_node& n, std::string_view name) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c) == name) return c;
  return {};
}

// Attribute value by local name ("val" finds w:val), or "" when absent.
inline std::string_view attr(const pugi::xml_node& n, std::string_view name) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
    if (local_name(a.name()) == name) return a.value();
  return {};
}

inline bool has_attr(const pugi::xml_node& n, std::string_view name) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
    if (local_name(a.name()) == name) return true;
  return false;
}

// w:val of the named child of a properties element (pPr, tcPr…), or "".
inline std::string_view prop(const pugi::xml_node& props, std::string_view name) {
  return attr(child(props, name), "val");
}

// Depth of the deepest element under n (n's children are at depth 1), walked
// without recursion and stopping as soon as `cap` is passed: the text walker
// recurses once per level, so a document nested deeper than it can handle is
// refused before the walk starts.
inline int element_depth(const pugi::xml_node& n, int cap) {
  int depth = 0, deepest = 0;
  pugi::xml_node cur = n.first_child();
  if (cur) depth = 1;
  while (cur) {
    if (cur.type() == pugi::node_element && depth > deepest) {
      deepest = depth;
      if (deepest > cap) return deepest;
    }
    if (cur.first_child()) {
      cur = cur.first_child();
      ++depth;
      continue;
    }
    while (cur && !cur.next_sibling() && cur != n) {
      cur = cur.parent();
      --depth;
    }
    if (!cur || cur == n) break;
    cur = cur.next_sibling();
  }
  return deepest;
}

}  // namespace tally::docx
