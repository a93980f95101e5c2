#include "load/docx_numbering.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include <fmt/format.h>

#include "load/docx_xml.h"

namespace tally::docx {

namespace {

// Word's list numbers stay within 0..32767; clamping keeps a hostile start
// value from overflowing the counters or spelling a letter label gigabytes long.
int to_int(std::string_view s, int fallback) {
  if (s.empty()) return fallback;
  long v = std::strtol(std::string(s).c_str(), nullptr, 10);
  return static_cast<int>(std::clamp(v, -1L, 32767L));
}

const char* const kDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (up to 9999).
std::string chinese_count(int n) {
  if (n <= 0 || n > 9999) return std::to_string(n);
  static const char* const units[] = {"", "十", "百", "千"};
  std::string out;
  int digits[4] = {n % 10, n / 10 % 10, n / 100 % 10, n / 1000};
  int top = n >= 1000 ? 3 : n >= 100 ? 2 : n >= 10 ? 1 : 0;
  bool zero_pending = false;
  for (int i = top; i >= 0; --i) {
    int d = digits[i];
    if (d == 0) {
      zero_pending = !out.empty();
      continue;
    }
    if (zero_pending) out += "零";
    zero_pending = false;
    if (!(i == 1 && d == 1 && top == 1)) out += kDigits[d];  // 十二, not 一十二
    out += units[i];
  }
  return out;
}

std::string letters(int n, char base) {
  std::string s;
  int reps = (n - 1) / 26 + 1;
  s.assign(reps, static_cast<char>(base + (n - 1) % 26));
  return s;
}

std::string roman(int n, bool upper) {
  static const std::pair<int, const char*> table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                      {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                      {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                      {1, "i"}};
  std::string s;
  for (auto [v, r] : table)
    while (n >= v) {
      s += r;
      n -= v;
    }
  if (upper)
    for (char& c : s) c = static_cast<char>(c - 'a' + 'A');
  return s;
}

std::string format_number(int n, std::string_view fmt) {
  if (n < 1 && fmt != "decimal" && fmt != "decimalZero") return std::to_string(n);
  if (fmt == "decimalZero") return fmt::format("{:02d}", n);
  if (fmt == "chineseCounting" || fmt == "chineseCountingThousand" || fmt == "japaneseCounting" ||
      fmt == "taiwaneseCounting" || fmt == "chineseLegalSimplified")
    return chinese_count(n);
  if (fmt == "ideographDigital" || fmt == "taiwaneseDigital" || fmt == "japaneseDigitalTenThousand") {
    std::string out;
    for (char c : std::to_string(n)) out += kDigits[c - '0'];
    return out;
  }
  if (fmt == "ideographTraditional" && n <= 10) {
    static const char* const stems[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
    return stems[n - 1];
  }
  if (fmt == "decimalEnclosedCircle" || fmt == "decimalEnclosedCircleChinese") {
    if (n <= 20) return fmt::format("{}", std::string_view("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳").substr((n - 1) * 3, 3));
  }
  if (fmt == "decimalFullWidth" || fmt == "decimalFullWidth2") {
    std::string out;
    for (char c : std::to_string(n)) {
      out += "\xEF\xBC";
      out += static_cast<char>(0x90 + (c - '0'));
    }
    return out;
  }
  if (fmt == "upperLetter") return letters(n, 'A');
  if (fmt == "lowerLetter") return letters(n, 'a');
  if (fmt == "upperRoman") return roman(n, true);
  if (fmt == "lowerRoman") return roman(n, false);
  return std::to_string(n);
}

}  // namespace

Numbering::Numbering(const pugi::xml_node& root) {
  for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
    if (local_name(n) == "abstractNum") {
      auto& levels = abstracts_[std::string(attr(n, "abstractNumId"))];
      for (pugi::xml_node l = n.first_child(); l; l = l.next_sibling()) {
        if (local_name(l) != "lvl") continue;
        int i = to_int(attr(l, "ilvl"), -1);
        if (i < 0 || i > 8) continue;
        Level& lv = levels[i];
        lv.start = to_int(prop(l, "start"), 1);
        if (auto f = prop(l, "numFmt"); !f.empty()) lv.format = std::string(f);
        lv.text = std::string(prop(l, "lvlText"));
        if (auto s = prop(l, "suff"); !s.empty()) lv.suffix = std::string(s);
        lv.style = std::string(prop(l, "pStyle"));
        lv.legal = static_cast<bool>(child(l, "isLgl"));
      }
    } else if (local_name(n) == "num") {
      List& list = lists_[std::string(attr(n, "numId"))];
      list.abstract_id = std::string(prop(n, "abstractNumId"));
      for (pugi::xml_node o = n.first_child(); o; o = o.next_sibling()) {
        if (local_name(o) != "lvlOverride") continue;
        if (pugi::xml_node so = child(o, "startOverride"))
          list.start_override[to_int(attr(o, "ilvl"), 0)] = to_int(attr(so, "val"), 1);
      }
    }
  }
}

std::string Numbering::next_label(const std::string& num_id, int level, const std::string& style_id) {
  auto li = lists_.find(num_id);
  if (li == lists_.end()) return {};
  auto ai = abstracts_.find(li->second.abstract_id);
  if (ai == abstracts_.end()) return {};
  const auto& levels = ai->second;
  if (level < 0) {
    level = 0;
    for (int i = 0; i < 9; ++i)
      if (!style_id.empty() && levels[i].style == style_id) level = i;
  }
  if (level > 8) level = 8;
  const Level& lv = levels[level];
  if (lv.format == "bullet") return {};

  // Lists restarted with w:startOverride count on their own; others share
  // the counters of their abstract definition, as Word does.
  bool own = !li->second.start_override.empty();
  std::string key = own ? "num:" + num_id : "abs:" + li->second.abstract_id;
  auto [ci, fresh] = counters_.try_emplace(key);
  Counters& c = ci->second;
  if (fresh) c.fill(0);
  auto start_of = [&](int i) {
    auto so = li->second.start_override.find(i);
    return so != li->second.start_override.end() ? so->second : levels[i].start;
  };
  c[level] = c[level] == 0 ? start_of(level) : std::min(c[level] + 1, 32767);
  for (int i = level + 1; i < 9; ++i) c[i] = 0;

  std::string label;
  std::string_view t = lv.text;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
      int k = t[i + 1] - '1';
      int value = c[k] == 0 ? start_of(k) : c[k];
      std::string_view f = lv.legal ? std::string_view("decimal") : std::string_view(levels[k].format);
      if (f != "none") label += format_number(value, f);
      ++i;
    } else {
      label += t[i];
    }
  }
  if (label.empty()) return {};
  // Word puts a tab after the label by default; a tab would read as a table
  // cell, so it becomes a space unless the label ends in CJK punctuation.
  bool cjk_end = label.ends_with("、") || label.ends_with("）") || label.ends_with("．") || label.ends_with("：");
  if (lv.suffix == "space" || (lv.suffix == "tab" && !cjk_end)) label += ' ';
  return label;
}

}  // namespace tally::docx
