// List numbering of a .docx (word/numbering.xml). Word draws "一、", "（二）"
// or "1.2" in front of numbered paragraphs without putting it in the text;
// this renders those labels so the text view reads like the document.
#pragma once
#include <array>
#include <map>
#include <string>

#include <pugixml.hpp>

namespace tally::docx {

class Numbering {
 public:
  // `root` is the w:numbering element (or empty when the part is missing).
  explicit Numbering(const pugi::xml_node& root);

  // Advances the counter of (num_id, level) and returns the label with its
  // separator ("一、", "1.2 "); "" for bullets and unknown lists.
  // `style_id` picks the level when level < 0 (a heading style linked to a list).
  std::string next_label(const std::string& num_id, int level, const std::string& style_id);

 private:
  struct Level {
    int start = 1;
    std::string format = "decimal";
    std::string text;
    std::string suffix = "tab";
    std::string style;  // w:pStyle linking a heading style to this level
    bool legal = false;  // w:isLgl: show every level as decimal
  };
  struct List {
    std::string abstract_id;
    std::map<int, int> start_override;
  };
  using Counters = std::array<int, 9>;

  std::map<std::string, std::array<Level, 9>> abstracts_;
  std::map<std::string, List> lists_;
  std::map<std::string, Counters> counters_;  // by abstract id, or num id when restarted
};

}  // namespace tally::docx
