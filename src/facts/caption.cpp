#include "facts/caption.h"

#include <algorithm>

#include "base/text.h"
#include "base/utf8.h"

namespace tally {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

std::string subject_of(std::string_view line) {
  std::string c = text::remove_spaces(text::without_emphasis(line));
  std::string out;
  for (size_t i = 0; i < c.size();) {
    size_t e = i;
    while (e < c.size() && digit(c[e])) ++e;
    if (e > i) {  // a number, and the 年 or 表 sign after a year or a table's number
      i = e;
      for (std::string_view w : {"年末", "年度", "年", "-", ".", "—"})
        if (text::starts_with(std::string_view(c).substr(i), w)) {
          i += w.size();
          break;
        }
      continue;
    }
    out += c[i++];
  }
  for (std::string_view w : {"表", "附表", "续表"})
    if (text::starts_with(out, w)) out.erase(0, w.size());
  for (std::string_view w : {"（续）", "(续)", "基本情况", "情况统计表", "情况表", "情况", "统计表", "一览表", "汇总表", "统计"})
    if (text::ends_with(out, w)) {
      out.erase(out.size() - w.size());
      break;
    }
  return out;
}

bool counts_rows(std::string_view c) {
  for (size_t i = 0; i < c.size(); ++i) {
    if (!digit(c[i]) || (i + 1 < c.size() && digit(c[i + 1]))) continue;
    std::string_view after = text::trim_left(c.substr(i + 1));
    for (std::string_view counter : {"所", "家", "个", "名", "位", "支"})
      if (text::starts_with(after, counter)) return true;
  }
  return false;
}

bool covers_area(std::string_view subject, const Vocabulary& vocab) {
  std::string_view rest = subject;
  for (std::string_view whole : {"全", "本", "我", "各"})
    if (text::starts_with(rest, whole)) {
      rest.remove_prefix(whole.size());
      size_t k = 0;
      utf8::next(rest, k);  // the area's sign: 县, 市, 省, 区
      rest.remove_prefix(std::min(k, rest.size()));
      break;
    }
  return !rest.empty() && !vocab.scope_words.prefix_of(rest).empty();
}

}  // namespace

Caption read_caption(std::string_view line, const Vocabulary& vocab) {
  Caption c;
  c.subject = subject_of(line);
  c.year = year_named_by(line);
  c.counts_rows = counts_rows(line);
  c.covers_area = covers_area(c.subject, vocab);
  return c;
}

int year_named_by(std::string_view title) {
  auto skip_spaces = [&](size_t k) {
    while (k < title.size() && title[k] == ' ') ++k;
    return k;
  };
  int found = 0;
  for (size_t i = 0; i < title.size(); ++i) {
    if (!digit(title[i]) || (i > 0 && digit(title[i - 1]))) continue;
    size_t e = i;
    while (e < title.size() && digit(title[e])) ++e;
    size_t after_year = skip_spaces(e);
    if (e - i != 4 || !text::starts_with(title.substr(after_year), "年")) continue;
    int y = std::stoi(std::string(title.substr(i, 4)));
    if (y < 1949 || y > 2100) continue;
    if (found && found != y) return 0;
    std::string_view after = title.substr(skip_spaces(after_year + 3));
    for (std::string_view span : {"以来", "至", "—", "-", "－", "~", "～", "到"})
      if (text::starts_with(after, span)) return 0;
    std::string_view before = text::trim_right(title.substr(0, i));
    for (std::string_view span : {"—", "-", "－", "~", "～", "至", "到"})
      if (text::ends_with(before, span)) return 0;
    found = y;
  }
  return found;
}

}  // namespace tally
