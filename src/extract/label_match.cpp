#include "extract/label_match.h"

#include "base/text.h"
#include "base/utf8.h"

namespace tally {

namespace {

int level_of(char32_t c) {
  switch (c) {
    case U'省': return 4;
    case U'市': case U'州': return 3;
    case U'县': case U'区': return 2;
    case U'镇': case U'乡': return 1;
    default: return 0;
  }
}

}  // namespace

// The place says where, not what.
std::string_view leading_place(std::string_view s) {
  size_t i = 0;
  for (int n = 0; n < 5 && i < s.size(); ++n) {
    size_t k = i;
    char32_t c = utf8::next(s, k);
    if (!text::is_cjk(c)) return {};
    if (n >= 2 && level_of(c) > 0) return s.substr(0, k);
    i = k;
  }
  return {};
}

int area_level(std::string_view area) {
  if (area.empty()) return 0;
  size_t i = area.size();
  return level_of(utf8::prev(area, i));
}

std::string core_label(const std::string& label, const Vocabulary& vocab) {
  std::string_view s = label;
  const WordList& city_scope = vocab.list("city_scope");  // once, not on every turn of the loop
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    std::string_view w = text::starts_with_any(s, city_scope);
    // Most labels start with no scope word at all: one indexed lookup settles that before the search
    // of each scope's list (whose first match, not the longest, is what a scope contributes).
    if (w.empty() && !vocab.scope_words.prefix_of(s).empty())
      for (const auto& sc : vocab.scopes) {
        std::string_view x = text::starts_with_any(s, sc.words);
        if (x.size() > w.size()) w = x;
      }
    if (w.empty()) w = vocab.stop_prefix(s, "label_prefix_stop");
    if (w.empty()) {
      // A place name only before a scope word: "某某市中等职业学校…", not "学校建有省级…".
      std::string_view place = leading_place(s);
      std::string_view rest = s.substr(place.size());
      bool scoped = !place.empty() && !text::starts_with_any(rest, vocab.scope_words).empty();
      if (scoped) w = place;
    }
    if (!w.empty() && w.size() < s.size()) {
      s.remove_prefix(w.size());
      changed = true;
    }
  }
  return std::string(s);
}

bool label_is(const Quantity& q, const std::vector<std::string>& words, const Vocabulary& vocab) {
  std::string core = core_label(q.label, vocab);
  for (const auto& w : words)
    if (core == w) return true;
  return false;
}

std::string exact_metric(const Quantity& q, const Vocabulary& vocab) {
  if (q.metric.empty()) return "";
  std::string core = core_label(q.label, vocab);
  for (const auto& m : vocab.metrics)
    if (m.id == q.metric)
      for (const auto& a : m.aliases)
        if (core == a) return m.id;
  return "";
}

}  // namespace tally
