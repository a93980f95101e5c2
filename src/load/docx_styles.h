// Paragraph styles of a .docx (word/styles.xml): which styles are headings
// and which carry list numbering, following w:basedOn chains.
#pragma once
#include <map>
#include <string>

#include <pugixml.hpp>

namespace tally::docx {

struct NumberingRef {
  std::string num_id;  // empty: no numbering
  int level = -1;      // -1: not given
};

class Styles {
 public:
  // `root` is the w:styles element (or empty when the part is missing).
  explicit Styles(const pugi::xml_node& root);

  // 1-9 for headings (by name "heading N" / "标题 N" / "Title", or outline
  // level), 0 for body text.
  int heading_level(const std::string& style_id) const;
  NumberingRef numbering(const std::string& style_id) const;

 private:
  struct Style {
    std::string based_on;
    int heading = 0;  // 0: not set on this style
    NumberingRef num;
  };
  std::map<std::string, Style> styles_;
};

}  // namespace tally::docx
