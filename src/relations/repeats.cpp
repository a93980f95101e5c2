#include "relations/repeats.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "base/text.h"
#include "base/utf8.h"
#include "extract/extractor.h"
#include "extract/label_match.h"
#include "document/table.h"
#include "facts/caption.h"

namespace tally {

namespace {

size_t code_points(std::string_view s) { return utf8::count_code_points(s); }

// "全县", "全校", "本校" opening s: the whole of some area or body (not 全年, a time). The bytes of that
// prefix, 0 when s opens otherwise.
size_t whole_of_body_prefix(std::string_view s) {
  if (!text::starts_with(s, "全") && !text::starts_with(s, "本")) return 0;
  size_t k = std::string_view("全").size();
  if (k >= s.size()) return 0;
  char32_t c = utf8::next(s, k);
  return text::is_cjk(c) && !text::starts_with(s.substr(k), "年") ? k : 0;
}

// Removes leading words that say how or where a figure is stated rather than what it measures.
std::string_view strip_leading(std::string_view s, const Vocabulary& v) {
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    for (ListKey key : {ListKey("measure_prefix_stop"), ListKey("label_prefix_stop"), ListKey("label_verbs"),
                        ListKey("city_scope")}) {
      std::string_view w = v.stop_prefix(s, key);
      if (!w.empty() && w.size() < s.size()) {
        s.remove_prefix(w.size());
        changed = true;
      }
    }
    // (Not a name of the two characters alone: "全县" stays.)
    if (size_t k = whole_of_body_prefix(s); k > 0 && s.size() > 6) {
      s.remove_prefix(k);
      changed = true;
    }
  }
  // "实现利润总额" is the 利润总额 a table's row names: the verb only says the figure is some subject's
  // (split_by_subject). "实现产值" keeps it: 产值 alone is too short a name to be one figure wherever it is
  // said (identity_measure wants four characters).
  // (Of a share's measure, "实现产值·占…", the part's own.)
  if (std::string_view w = v.stop_prefix(s, "subjectless_verbs");
      !w.empty() && code_points(s.substr(w.size(), text::find(s, "·") - w.size())) >= 4)
    s.remove_prefix(w.size());
  return s;
}

bool excludes_something(std::string_view label) {
  return text::contains(label, "不含") || text::contains(label, "不包括") || text::contains(label, "除") ||
         text::contains(label, "以外");
}

// The figure's sentence up to the end of its clause: "除技工学校外，全市共有中职学校 24 所" and
// "教职工（不含幼儿园）1985 人" count a part of the whole, whatever the label kept.
bool sentence_excludes_something(const FactBase& fb, const Quantity& q) {
  if (q.paragraph < 0) return false;
  std::string_view p = fb.para_text(q.paragraph);
  const auto& ends = fb.ex.sentence_ends[q.paragraph];
  auto it = std::upper_bound(ends.begin(), ends.end(), q.para_begin);
  uint32_t begin = it == ends.begin() ? 0 : *(it - 1);
  size_t end = q.unit_end;
  for (size_t i = end; i < p.size();) {
    char32_t c = utf8::next(p, i);
    if (c == U'，' || c == U'；' || c == U'。') break;
    end = i;
  }
  std::string_view s = p.substr(begin, std::min(end, p.size()) - begin);
  if (text::contains(s, "不含") || text::contains(s, "不包括")) return true;
  size_t chu = text::find(s, "除");
  return chu != std::string_view::npos && text::find(s, "外", chu) != std::string_view::npos;
}

// "年末，累计发放个人住房贷款 42317 笔、186.25 亿元": a figure summed over the years (累计, 以来 in its
// clause) is another figure than the year's flow of the same measure — unless summed over the year only
// (全年累计).
bool cumulative(const FactBase& fb, const Quantity& q) {
  if (q.paragraph < 0) return false;
  std::string_view p = fb.para_text(q.paragraph);
  size_t i = std::min<size_t>(q.para_begin, p.size());
  size_t begin = i;
  for (int n = 0; i > 0 && n < 40; ++n) {
    char32_t c = utf8::prev(p, i);
    if (c == U'，' || c == U'；' || c == U'。' || c == U',' || c == U';') break;
    begin = i;
  }
  std::string_view clause = p.substr(begin, q.para_begin - begin);
  const Vocabulary& v = *fb.vocab;
  return text::contains_any(clause, v.list("cumulative")) && !text::contains_any(clause, v.list("year_cumulative"));
}

// "在校生 2840 人。另有 1560 名随班就读，420 名送教上门，在校生合计 4820 人": a total (合计, 共计 right
// before it) in a sentence that adds figures (另有, 此外) sums more than the figure of its name stated
// before — it restates none.
bool sum_of_additions(const FactBase& fb, const Quantity& q) {
  if (q.paragraph < 0) return false;
  const Vocabulary& v = *fb.vocab;
  std::string_view p = fb.para_text(q.paragraph);
  std::string_view before = text::trim_right(p.substr(0, q.para_begin));
  if (text::ends_with_any(before, v.list("total_cue")).empty()) return false;
  uint32_t s0 = fb.sentence_start(q.paragraph, q.para_begin);
  return text::contains_any(p.substr(s0, q.para_begin - s0), v.list("addition"));
}

// "门诊量 A 万人次，占全区门诊量的 p%", "招生 A 人，占全县的 p%": a figure whose next clause opens with 占
// and names as the whole its own measure, or only an area ("全县"), is a part of that whole — some
// group's share of it, never the whole stated again. False when the whole named is another measure
// (增加值 A，占地区生产总值的 p%: the 增加值 is all of itself).
bool part_of_own_whole(const FactBase& fb, const Quantity& q, std::string_view measure) {
  if (q.paragraph < 0 || measure.empty()) return false;
  const Vocabulary& v = *fb.vocab;
  std::string_view p = fb.para_text(q.paragraph);
  std::string_view after = text::trim_left(p.substr(std::min<size_t>(q.unit_end, p.size())));
  if (text::starts_with(after, "，")) after.remove_prefix(std::string_view("，").size());
  else if (text::starts_with(after, ",")) after.remove_prefix(1);
  else return false;
  after = text::trim_left(after);
  std::string_view cue = text::starts_with_any(after, v.list("share"));
  if (cue.empty()) return false;
  after.remove_prefix(cue.size());
  size_t de = text::find(after, "的");
  if (de == std::string_view::npos) return false;
  std::string whole = text::remove_spaces(after.substr(0, de));
  if (text::contains(whole, "，") || text::contains(whole, "；") || text::contains(whole, "。")) return false;
  std::string_view w = whole;
  // "全县", "全部": an area or all of something, and no measure — the figure's own measure is meant.
  if (std::string_view all = text::starts_with_any(w, v.list("all_words")); !all.empty()) w.remove_prefix(all.size());
  w.remove_prefix(whole_of_body_prefix(w));
  if (w.empty()) return true;
  // (The measure may have lost a count word the whole keeps: 升入本科 / 升入本科人数.)
  std::string_view suffix = text::ends_with_any(w, v.list("measure_suffix_stop"));
  return text::ends_with(w, measure) || (!suffix.empty() && text::ends_with(w.substr(0, w.size() - suffix.size()), measure));
}

// The words right before the figure follow a 、: "…、丙培训共计 5 项" (not "12 所中职学校、3 所高职院校",
// where the figure itself follows the 、).
bool ends_a_list(const FactBase& fb, const Quantity& q) {
  if (q.paragraph < 0) return false;
  std::string_view p = fb.para_text(q.paragraph);
  size_t i = std::min<size_t>(q.para_begin, p.size());
  for (int n = 0; i > 0 && n < 24; ++n) {
    char32_t c = utf8::prev(p, i);
    if (c == U'、') return n >= 2;
    if (!text::is_cjk(c) && c != ' ') return false;
  }
  return false;
}

// "上年全市高中阶段毛入学率为 90.9%": a clause that opens with 上年 or 去年 states the period before
// the report's — last year's value of the measure, not this year's said again. "去年以来" (since last
// year) still speaks of now.
// "上年，全区…为 3.4%" opens the sentence instead: it holds unless the sentence turns to this year
// before the figure ("上年 40 所，本年新增 3 所，达到 43 所").
bool opens_with_previous_period(const FactBase& fb, const Quantity& q) {
  if (q.paragraph < 0) return false;
  std::string_view p = fb.para_text(q.paragraph);
  const WordList& previous = fb.vocab->list("previous_period");
  auto opens = [&](uint32_t begin) {
    std::string_view s = text::trim(p.substr(begin, q.para_begin - begin));
    std::string_view w = text::starts_with_any(s, previous);
    return !w.empty() && !text::starts_with(s.substr(w.size()), "以来");
  };
  if (opens(std::min(q.clause_begin, q.para_begin))) return true;
  uint32_t sb = fb.sentence_start(q.paragraph, q.para_begin);
  if (!opens(sb)) return false;
  return !text::contains_any(p.substr(sb, q.para_begin - sb), fb.vocab->list("current_period"));
}

// "年初贷款余额 A", "（年初所有者权益 A）", "期初职工人数 A": a level named at the start of the period (the
// year's opening, the last year-end: vocabulary opening_period) is another figure than the same measure at
// its end (年末, 期末) or said bare. The word in the figure's clause before it, not after a comparison
// word (比年初: the change's level) nor opening a span (年初以来, 年初至今) or a plan (年初预算, 年初目标).
bool opening_level(const FactBase& fb, const Quantity& q) {
  if (q.paragraph < 0) return false;
  const Vocabulary& v = *fb.vocab;
  std::string_view p = fb.para_text(q.paragraph);
  uint32_t c0 = std::min(q.clause_begin, q.para_begin);
  std::string_view clause = p.substr(c0, q.para_begin - c0);
  if (text::contains_any(clause, v.list("target")) || text::contains_any(clause, v.list("budget_figure")) ||
      text::contains_any(clause, v.list("year_cumulative")))
    return false;
  for (size_t i = 0; i < clause.size(); utf8::next(clause, i)) {
    std::string_view w = text::starts_with_any(clause.substr(i), v.list("opening_period"));
    if (w.empty()) continue;
    std::string_view rest = clause.substr(i + w.size());
    if (text::starts_with(rest, "以来") || text::starts_with(rest, "至") || text::starts_with(rest, "到")) return false;
    if (i > 0) {
      size_t k = i;
      char32_t c = utf8::prev(clause, k);
      if (std::u32string_view(U"比较与由从自").find(c) != std::u32string_view::npos) return false;
    }
    return true;
  }
  return false;
}

// How a heading is numbered: "一、", "（一）", "1.", "（1）", "第一章" … — the kind of its first and
// last characters (a Chinese numeral, a digit, a bracket, other), not its value.
std::string numbering_style(std::string_view number) {
  auto kind = [](char32_t c) {
    if (c >= U'0' && c <= U'9') return '9';
    if (std::u32string_view(U"一二三四五六七八九十百零〇").find(c) != std::u32string_view::npos) return 'N';
    return '.';
  };
  std::string style;
  for (size_t i = 0; i < number.size();) {
    char32_t c = utf8::next(number, i);
    char k = kind(c);
    if (k == '.') utf8::append(style, c);
    else if (style.empty() || style.back() != k) style += k;
  }
  return style;
}

// The year in force in each section, in document order: a heading that names one year ("二、2025年
// 预算草案") dates the sections after it until a heading numbered alike, or in a style met earlier
// in the document (so a higher level), comes. Levels go by numbering style rather than the section
// tree, which a report's mixed numbering ("1." after "（一）") can leave flat. A budget report's
// "2025年预算草案" and a work report's "2025年工作安排" speak of another year than the sections
// before them, though their sentences do not repeat it.
std::vector<int> section_years(const FactBase& fb) {
  const auto& sections = fb.doc.sections;
  std::vector<int> out(sections.size(), 0);
  std::map<std::string, size_t> first_seen;  // numbering style → order of its first heading
  int year = 0;
  size_t year_style = 0;
  for (size_t i = 0; i < sections.size(); ++i) {
    size_t style = first_seen.emplace(numbering_style(sections[i].number), first_seen.size()).first->second;
    if (int y = year_named_by(sections[i].title)) {
      year = y;
      year_style = style;
    } else if (year && style <= year_style) {
      year = 0;
    }
    out[i] = year;
  }
  return out;
}

// The year a figure's section dates it with. A table's caption dates its cells first ("表 1 2024
// 年…执行情况" placed under the 2025 draft).
int section_year(const FactBase& fb, const Quantity& q, const std::vector<int>& years) {
  if (q.line < 1 || q.line > static_cast<int>(fb.doc.lines.size())) return 0;
  if (q.table >= 0 && fb.captions[q.table].year) return fb.captions[q.table].year;
  int sec = fb.doc.lines[q.line - 1].section;
  return sec >= 0 && sec < static_cast<int>(years.size()) ? years[sec] : 0;
}

// The measure a table's column names, for telling apart the cells of two tables that share a row
// label ("石家庄市" in a table of enrolment shares and in one of pass rates). Empty for a column of
// years, which names a period, not a measure.
std::string column_name(const FactBase& fb, const Table& t, int col) {
  if (col < 0 || col >= static_cast<int>(t.cols.size()) || t.header_rows == 0 ||
      col >= static_cast<int>(t.rows[0].size()))
    return "";
  if (col < static_cast<int>(t.col_years.size()) && t.col_years[col] != 0) return "";
  std::string label = clean_label(fb.source->slice(t.rows[0][col].span), *fb.vocab);
  std::string m = text::remove_spaces(text::before_parenthesis(label));
  std::string_view k = m;
  std::string_view suffix = text::ends_with_any(k, fb.vocab->list("measure_suffix_stop"));
  if (!suffix.empty() && suffix.size() < k.size()) k.remove_suffix(suffix.size());
  return std::string(k);
}

std::string column_measure(const FactBase& fb, const Quantity& q) {
  if (q.table < 0) return "";
  const Table& t = fb.doc.tables[q.table];
  std::string m = column_name(fb, t, q.col);
  // "占比", "比重": a share of the amount in a column to its left ("在校生 | 占比"), so two tables'
  // 占比 columns are one measure only when their amounts are.
  if (m.empty() || !fb.vocab->list("table_value_rows").is_word(m)) return m;
  for (int c = q.col - 1; c >= 0; --c) {
    if (t.cols[c].label) break;
    std::string amount = column_name(fb, t, c);
    if (!amount.empty() && !fb.vocab->list("table_value_rows").is_word(amount)) return m + "·" + amount;
  }
  return m;
}

// Two tables that list the same rows (幼儿园, 普通小学 …; the same counties) under captions that name
// two things ("表1 生均教育事业费", "表2 生均公用经费"): the rows say whose figure a cell is and the
// caption what it is, so a row's cells in the two are two measures. Tables of indicators ("主要指标",
// "财政收支情况") name their measures in their rows and seldom list the same ones: there the row
// label is the measure whatever the caption. Captions not both known decide nothing.
bool parallel_tables(const FactBase& fb, int a, int b) {
  const std::string& ca = fb.captions[a].subject;
  const std::string& cb = fb.captions[b].subject;
  if (a == b || ca.empty() || cb.empty() || ca == cb) return false;
  auto rows = [&](int t) {
    std::set<std::string> out;
    const Table& tab = fb.doc.tables[t];
    for (size_t r = 0; r < tab.info.size(); ++r)
      if (tab.info[r].role == RowRole::Data && !tab.info[r].label.empty()) out.insert(tab.info[r].label);
    return out;
  };
  std::set<std::string> ra = rows(a), rb = rows(b);
  size_t shared = 0;
  for (const auto& l : ra) shared += rb.count(l);
  size_t fewer = std::min(ra.size(), rb.size());
  return shared >= 2 && 3 * shared >= 2 * fewer;
}

// A school level ("普通小学") or a place ("东县", "南湖开发区") and nothing more.
bool names_whom_only(std::string_view m, const Vocabulary& v) {
  return v.scope_of_word.count(m) > 0 || (!m.empty() && leading_place(m).size() == m.size());
}

// A column name that names no measure: a unit or a count word alone ("人次", "人数（人）"), or nothing.
bool names_no_measure(const FactBase& fb, const std::string& column) {
  std::string bare = table_reader::strip_parentheses(column);
  return bare.empty() || fb.vocab->unit(bare) || fb.vocab->list("measure_suffix_stop").is_word(bare);
}

// A table cell states its row's name qualified by what its column or its caption measures: under a
// per-unit name (生均经费（元）, "表2 各级教育生均公用经费", 人均…: vocabulary per_unit) a row 普通高中 holds a
// value per student, never the same figure as "普通高中 298.35 亿元" in prose, which is a total. Returns
// what qualifies the cell's identity: that per-unit name — unless the row names a per-unit measure
// itself (生均图书) —, or, for a row that names only whom (a school level, a place) under columns of
// years and units and no caption, a mark that keeps it from prose figures (what it measures is not
// said; theirs is their sentence's); "" when the row's name is the measure.
std::string row_cell_measure(const FactBase& fb, const Quantity& q, std::string_view m) {
  const WordList& per_unit = fb.vocab->list("per_unit");
  if (text::contains_any(m, per_unit)) return "";
  std::string column = column_measure(fb, q);
  if (names_no_measure(fb, column)) column.clear();
  const std::string& caption = fb.captions[q.table].subject;
  for (const std::string* what : {static_cast<const std::string*>(&column), &caption})
    if (text::contains_any(*what, per_unit)) return *what + "·";
  if (column.empty() && caption.empty() && names_whom_only(m, *fb.vocab)) return "表格·";
  return "";
}

// The words around a figure, digits, spaces and punctuation left out: five characters before it
// and four after its unit. Two figures with the same words around them in two paragraphs are the
// same statement made twice — a passage repeated in a summary or another section.
std::string context_of(std::string_view p, const Quantity& q) {
  std::u32string before, after;
  for (size_t i = q.para_begin; i > 0 && before.size() < 5;) {
    char32_t c = utf8::prev(p, i);
    if (text::is_cjk(c)) before.insert(before.begin(), c);
  }
  for (size_t i = std::min<size_t>(q.unit_end, p.size()); i < p.size() && after.size() < 4;) {
    char32_t c = utf8::next(p, i);
    if (text::is_cjk(c)) after.push_back(c);
  }
  if (before.size() < 5 || after.size() < 4) return "";
  std::string out;
  for (char32_t c : before) utf8::append(out, c);
  out += "|" + q.unit + "|";
  for (char32_t c : after) utf8::append(out, c);
  return out;
}

// Repeated passages: paragraph pairs that share at least three figures by context, most of which
// agree. A pair whose shared figures mostly differ is another passage written alike (the prizes of
// two contests), not a repeat.
void passage_repeats(const FactBase& fb, const std::vector<Statement>& st, std::vector<RepeatGroup>& out) {
  std::map<std::string, std::vector<int>> by_context;
  for (const auto& q : fb.ex.quantities) {
    if (q.paragraph < 0 || q.approx != Approx::None || q.malformed) continue;
    const Statement& s = st[q.id];
    if (s.previous || s.target) continue;
    std::string c = context_of(fb.para_text(q.paragraph), q);
    if (!c.empty()) by_context[c].push_back(q.id);
  }
  std::map<std::pair<int, int>, std::vector<std::pair<int, int>>> pairs;
  for (const auto& [c, ids] : by_context) {
    if (ids.size() != 2) continue;  // a context seen three times or more is boilerplate
    const Quantity& a = fb.q(ids[0]);
    const Quantity& b = fb.q(ids[1]);
    if (a.paragraph == b.paragraph || a.scope != b.scope || (a.year && b.year && a.year != b.year)) continue;
    pairs[{a.paragraph, b.paragraph}].push_back({ids[0], ids[1]});
  }
  for (const auto& [paras, matches] : pairs) {
    if (matches.size() < 3) continue;
    size_t agree = 0;
    for (const auto& [a, b] : matches) agree += fb.q(a).interval().intersects(fb.q(b).interval());
    if (agree < 2 || agree < 2 * (matches.size() - agree)) continue;
    for (const auto& [a, b] : matches) out.push_back(RepeatGroup{"the same passage", {a, b}});
  }
}

// "毕业生专业对口就业率" and "专业对口就业率": a rate said of the population it is always said of
// names one measure with or without that population. Merged only when the bare measure meets exactly
// one population: with 学生合格率 and 教师合格率 both present, a bare 合格率 could be either.
void merge_population_prefixes(const std::vector<std::string>& population,
                               std::map<std::string, std::vector<int>>& groups) {
  std::map<std::string, std::set<std::string>> prefixed;  // bare key → keys with a population word
  for (const auto& [key, ids] : groups) {
    std::string_view k = key;
    std::string_view p = text::starts_with_any(k, population);
    if (p.empty()) continue;
    std::string_view rest = k.substr(p.size());
    if (text::starts_with(rest, "的")) rest.remove_prefix(3);
    size_t bar = rest.find('|');
    if (bar == std::string_view::npos || code_points(rest.substr(0, bar)) < 3) continue;
    prefixed[std::string(rest)].insert(key);
  }
  for (const auto& [bare, keys] : prefixed) {
    auto it = groups.find(bare);
    if (it == groups.end() || keys.size() != 1) continue;
    auto& into = groups[*keys.begin()];
    into.insert(into.end(), it->second.begin(), it->second.end());
    std::sort(into.begin(), into.end());
    groups.erase(it);
  }
}

// The name of a group of institutions at the head of a label: "公立医院床位" → "公立医院", "省级示范校
// 在校生" → "省级示范校"; empty when no group noun is followed by the name of a measure.
std::string_view group_of(std::string_view label, const Vocabulary& v) {
  const WordList& nouns = v.list("group_noun");
  size_t end = 0;
  for (size_t i = 0; i < label.size();) {
    size_t k = i;
    utf8::next(label, k);
    std::string_view head = label.substr(0, k);
    // The last noun that leaves a measure's name after it: 在校生 holds a 校 of its own.
    if (!text::ends_with_any(head, nouns).empty() && code_points(label.substr(k)) >= 2) end = k;
    i = k;
  }
  if (end == 0 || code_points(label.substr(0, end)) < 2) return {};
  return label.substr(0, end);
}

// "全市重点企业共 12 户，上缴税费 A", "全县乡村旅游点 38 个，接待游客 B": a sentence that opens by counting a
// group of bodies (a unit of group_counters: 户, 个, 家, 所 — not 人, 人次, 笔) states its bare measures after of that group — A is the
// taxes of those 12 firms, not the headline's. The group is the count's name, its area and verb words set
// aside; "" when `a` opens no sentence, counts no things, or names what the report speaks of as a whole
// (中职学校, 学校: a scope or a generic noun — "全市共有学校 120 所，在校生 …" is the whole's) or the
// measure of q itself, and when q is a count of the same kind or the two are items of one 、 list.
std::string counted_group(const FactBase& fb, const Quantity& a, const Quantity& q) {
  const Vocabulary& v = *fb.vocab;
  if (a.kind != QuantityKind::Number || !fb.sentence_before(a).empty()) return "";
  if (!v.list("group_counters").is_word(a.unit)) return "";
  // "开设专业大类 17 个、专业 97 个、专业点 259 个": counts of one kind listed side by side are parallel
  // counts, not a group and a measure of it.
  if (a.dimension == q.dimension || a.unit == q.unit) return "";
  std::string_view p = fb.para_text(q.paragraph);
  if (text::contains(p.substr(a.para_begin, q.para_begin - a.para_begin), "、")) return "";
  std::string core = text::remove_spaces(core_label(a.label, v));
  std::string_view name = strip_leading(core, v);
  for (std::string_view w; !(w = text::ends_with_any(name, v.list("label_prefix_stop"))).empty() && w.size() < name.size();)
    name.remove_suffix(w.size());  // "重点企业共" → 重点企业
  if (code_points(name) < 2 || v.scope_of_word.count(name) || v.list("generic_nouns").is_word(name) ||
      !text::starts_with_any(name, v.list("all_words")).empty() || text::contains(q.label, name))
    return "";
  return std::string(name);
}

// "全市 4 所示范校在校生 16250 人，专任教师 912 人": the group the sentence's first figure is named
// after (示范校: what is left of its name once the scope and the measure are set aside) is the
// subject of the bare figures after it — 912 counts the teachers of those schools, not the city's.
// "全市中职学校在校生 37400 人，专任教师 2105 人" names no group (中职学校 is a scope), nor does
// "秋季招生 1012 人，在校生 2846 人" (秋季 is no group of institutions). Returns "" when
// the figure has a qualified name of its own or the sentence no subject group.
std::string sentence_group(const FactBase& fb, const Quantity& q) {
  if (q.paragraph < 0) return "";
  const Vocabulary& v = *fb.vocab;
  if (q.label.size() < 6 || core_label(q.label, v) != q.label ||
      !text::ends_with_any(q.label, v.list("group_noun")).empty() || !group_of(q.label, v).empty())
    return "";
  for (int id : fb.sentence_before(q)) {
    const Quantity& a = fb.q(id);
    if (a.kind != QuantityKind::Number) continue;
    // Within one run of commas and of one scope: after a ；the clause has a subject of its own
    // ("…；普通高中招生 54744 人，在校生 156443 人").
    std::string_view between = fb.para_text(q.paragraph).substr(a.para_begin, q.para_begin - a.para_begin);
    if (text::contains(between, "；") || text::contains(between, ";") ||
        (!q.scope.empty() && !a.scope.empty() && a.scope != q.scope))
      return "";
    // The first figure named after a group ("6 所" before it names none).
    std::string core = core_label(a.label, v);
    std::string_view group = group_of(strip_leading(core, v), v);
    if (!group.empty()) return std::string(group);
    if (std::string counted = counted_group(fb, a, q); !counted.empty()) return counted;
  }
  return "";
}

// Where in a measure the verb of an outcome starts (带动 in "带动就业", 达成 in "现场招聘会达成就业意向"), or
// npos when it names none.
size_t outcome_at(std::string_view m, const Vocabulary& v) {
  const WordList& verbs = v.list("outcome_verbs");
  for (size_t i = 0; i < m.size(); utf8::next(m, i))
    if (!verbs.prefix_of(m.substr(i)).empty()) return i;
  return std::string_view::npos;
}

// "全年新建创业园 2 个，入驻主体 412 户，带动就业 4873 人" and "发放创业担保贷款 1.86 亿元，…，带动就业
// 3916 人": a count named by what an activity yielded is that activity's figure — two activities' 带动就业
// are two figures. The activity is the words before the outcome verb in the figure's own name
// (现场招聘会达成就业意向), else what the first figure of its run of commas names (its scope, area and verb
// words set aside: 举办现场招聘会 → 现场招聘会). Cuts `m` to the outcome and returns the activity: "" with
// `m` untouched when m names no outcome, "" as well for an outcome opening its sentence (of the report's
// whole, compared only with other such), and nullopt when an earlier clause names an activity without a
// figure ("举办培训班 48 期，带动就业 …"): whose outcome it is, is not told.
std::optional<std::string> outcome_subject(const FactBase& fb, const Quantity& q, std::string& m) {
  const Vocabulary& v = *fb.vocab;
  size_t at = text::starts_with(m, "metric:") ? std::string::npos : outcome_at(m, v);  // a pack's metric is whose it is
  if (at == std::string::npos) return "";
  std::string subject = m.substr(0, at);
  m.erase(0, at);
  if (!subject.empty() || q.paragraph < 0) return subject;
  std::string_view p = fb.para_text(q.paragraph);
  for (int id : fb.sentence_before(q)) {
    const Quantity& a = fb.q(id);
    std::string_view between = p.substr(a.para_begin, q.para_begin - a.para_begin);
    if (text::contains(between, "；") || text::contains(between, ";")) continue;  // another clause's subject
    std::string core = text::remove_spaces(core_label(a.label, v));
    std::string_view name = strip_leading(core, v);
    if (a.kind != QuantityKind::Number || code_points(name) < 2 || outcome_at(name, v) != std::string::npos) continue;
    return std::string(name);
  }
  // No figure names the activity: the words of the clauses before the figure's, if any, do.
  uint32_t s0 = fb.sentence_start(q.paragraph, q.para_begin);
  uint32_t c0 = std::max(s0, std::min<uint32_t>(q.clause_begin, q.para_begin));
  std::string before = text::remove_spaces(p.substr(s0, c0 - s0));
  for (std::string_view w; !(w = text::ends_with_any(before, fb.vocab->list("label_suffix_stop"))).empty();) before.resize(before.size() - w.size());
  std::string_view words = strip_leading(text::trim(before), v);
  size_t cjk = 0;
  for (size_t i = 0; i < words.size();) cjk += text::is_cjk(utf8::next(words, i));
  if (cjk >= 3) return std::nullopt;
  return "";
}

// "调整预算", "为年初预算的": a label that is a plan's name and nothing else — whose plan, the label
// does not say.
bool names_plan_only(std::string_view m, const Vocabulary& v) {
  if (text::starts_with(m, "为")) m.remove_prefix(std::string_view("为").size());
  if (text::ends_with(m, "的")) m.remove_suffix(std::string_view("的").size());
  return !m.empty() && text::ends_with_any(m, v.list("budget_figure")).size() == m.size();
}

// The measure of the first amount of a figure's sentence, before it ("一般公共预算收入完成 6.82 亿元，
// 为调整预算的 104.9%"); "" when there is none.
std::string sentence_subject(const FactBase& fb, const std::vector<Statement>& st, const Quantity& q) {
  for (int id : fb.sentence_before(q))
    if (st[id].type == ValueType::Level && !names_plan_only(st[id].measure, *fb.vocab)) return st[id].measure;
  return "";
}

// The level of the area a report speaks for: the area word its figures most often open with
// ("全省" in a province's report, "全市" in a city's); 0 when none does.
int report_area_level(const FactBase& fb) {
  int count[5] = {0, 0, 0, 0, 0};
  for (const auto& q : fb.ex.quantities) {
    std::string_view l = q.label;
    if (l.size() < 6) continue;
    if (!text::starts_with(l, "全") && !text::starts_with(l, "本") && !text::starts_with(l, "我")) continue;
    ++count[area_level(l.substr(0, 6))];
  }
  int best = 0;
  for (int level = 1; level <= 4; ++level)
    if (count[level] > count[best]) best = level;
  return best;
}

// The section a prose figure is in, or -1 (a table cell, a figure before the first heading).
int prose_section(const FactBase& fb, const Quantity& q) {
  if (q.paragraph < 0 || q.line <= 0) return -1;
  return fb.doc.lines[q.line - 1].section;
}

// The tail titles a and b share, as code points: "失业保险基金" and "工伤保险基金" → "保险基金".
std::u32string shared_tail(const std::string& a, const std::string& b) {
  std::u32string x = utf8::decode(a), y = utf8::decode(b);
  size_t tail = 0;
  while (tail < x.size() && tail < y.size() && x[x.size() - 1 - tail] == y[y.size() - 1 - tail]) ++tail;
  return x.substr(x.size() - tail);
}

// Title a with its head and tail shared with title b cut off: "城镇居民收支" against "农村居民收支" →
// "城镇". Empty when the titles are one or one holds the other.
std::string distinct_part(const std::string& a, const std::string& b) {
  std::u32string x = utf8::decode(a), y = utf8::decode(b);
  size_t head = 0;
  while (head < x.size() && head < y.size() && x[head] == y[head]) ++head;
  size_t tail = 0;
  while (tail < x.size() - head && tail < y.size() - head && x[x.size() - 1 - tail] == y[y.size() - 1 - tail]) ++tail;
  if (head + tail >= x.size() || head + tail >= y.size()) return "";
  return utf8::encode(std::u32string_view(x).substr(head, x.size() - head - tail));
}

// Splits g into the groups of the members `key` tells apart (a member whose key is "" is left out: which
// of them it restates is open). A group of three values or more is not checked (consistent.cpp: more
// likely several measures than one misprint); its parts keep that verdict unless they agree.
template <class Key>
void split_group(const FactBase& fb, const RepeatGroup& g, Key key, std::vector<RepeatGroup>& out) {
  const bool many = value_camps(fb, g.members).size() > 2;
  std::map<std::string, RepeatGroup> parts;
  for (int id : g.members) {
    std::string k = key(id);
    if (k.empty()) continue;
    auto& part = parts[k];
    part.measure = g.measure;
    part.members.push_back(id);
  }
  for (auto& [k, part] : parts)
    if (part.members.size() >= 2 && (!many || value_camps(fb, part.members).size() == 1)) out.push_back(std::move(part));
}

// Sibling sections about parallel subjects — "（一）城镇居民收支" and "（二）农村居民收支", "（一）工业" and
// "（二）建筑业" — state the same measures of different things: 人均消费支出 of the one is not that of the
// other, though both are written bare. Two sibling sections are taken as parallel when
//   - the measures they both state all disagree, at least two of them (a restated figure disagrees
//     now and then; parallel sections disagree throughout), or
//   - each title's own part ("城镇" / "农村") names the subject of figures of its own section
//     ("城镇居民人均可支配收入"), not a measure (（一）招生 / （二）在校生), and no measure they share agrees, or
//   - the titles name two things of one kind: they end alike in a noun of two characters or more once the
//     words any section's title may end with (情况, 工作: heading_generic_tails) are set aside ("（一）失业保险
//     基金" / "（二）工伤保险基金", "职工医保" / "居民医保"), their own parts are no measures, and no measure
//     they share agrees.
// A group's prose figures in parallel sections are then compared within their own section only.
void split_parallel_sections(const FactBase& fb, std::vector<RepeatGroup>& groups) {
  const auto& sections = fb.doc.sections;
  auto siblings = [&](int a, int b) {
    return a >= 0 && b >= 0 && a != b && sections[a].parent == sections[b].parent && sections[a].level == sections[b].level;
  };
  std::map<std::pair<int, int>, std::pair<int, int>> shared;  // sibling pair → (agree, disagree)
  for (const auto& g : groups)
    for (size_t i = 0; i < g.members.size(); ++i)
      for (size_t j = i + 1; j < g.members.size() && j < i + 16; ++j) {
        const Quantity& a = fb.q(g.members[i]);
        const Quantity& b = fb.q(g.members[j]);
        int sa = prose_section(fb, a), sb = prose_section(fb, b);
        if (!siblings(sa, sb)) continue;
        auto& c = shared[{std::min(sa, sb), std::max(sa, sb)}];
        (a.interval().intersects(b.interval()) ? c.first : c.second)++;
      }
  // Does a figure of section `sec` carry `part` in its name?
  std::map<int, std::vector<std::string>> labels;  // of the sections met in a candidate pair
  for (const auto& [pair, count] : shared)
    if (count.first == 0) labels[pair.first], labels[pair.second];
  for (const auto& q : fb.ex.quantities) {
    auto it = labels.find(prose_section(fb, q));
    if (it != labels.end()) it->second.push_back(text::remove_spaces(q.label));
  }
  // The part names a subject (城镇, 工业), not a measure (招生 / 在校生 sections both state 毛入学率).
  auto named_in = [&](int sec, const std::string& part) {
    if (part.empty() || !find_metric(part, *fb.vocab).empty()) return false;
    for (const auto& l : labels[sec])
      if (text::contains(l, part)) return true;
    return false;
  };
  // Two titles naming things of one kind (保险基金, 医保): a shared tail that is still a noun of two
  // characters or more once generic heading words are set aside, and own parts that are no measures.
  auto one_kind = [&](int a, int b) {
    std::string ta = text::remove_spaces(sections[a].title), tb = text::remove_spaces(sections[b].title);
    std::string kind = utf8::encode(shared_tail(ta, tb));
    std::string_view k = kind;
    for (std::string_view w; !(w = text::ends_with_any(k, fb.vocab->list("heading_generic_tails"))).empty();) k.remove_suffix(w.size());
    if (code_points(k) < 2) return false;
    std::string pa = distinct_part(ta, tb), pb = distinct_part(tb, ta);
    return !pa.empty() && !pb.empty() && find_metric(pa, *fb.vocab).empty() && find_metric(pb, *fb.vocab).empty();
  };
  std::set<std::pair<int, int>> parallel;
  for (const auto& [pair, count] : shared) {
    if (count.first > 0) continue;
    const auto& [a, b] = pair;
    // Titles that name measures (招生情况 / 在校生情况) are no subjects, whatever their own parts are.
    auto names_measure = [&](const std::string& title) {
      for (const auto& [alias, id] : fb.vocab->alias_metric)
        if (code_points(alias) >= 2 && text::contains(title, alias)) return true;
      return false;
    };
    bool measures = names_measure(sections[a].title) || names_measure(sections[b].title);
    bool topics = !measures && named_in(a, distinct_part(text::remove_spaces(sections[a].title), text::remove_spaces(sections[b].title))) &&
                  named_in(b, distinct_part(text::remove_spaces(sections[b].title), text::remove_spaces(sections[a].title)));
    if (count.second >= 2 || topics || (!measures && one_kind(a, b))) parallel.insert(pair);
  }
  if (parallel.empty()) return;
  std::vector<RepeatGroup> out;
  for (auto& g : groups) {
    bool split = false;
    for (size_t i = 0; i < g.members.size() && !split; ++i)
      for (size_t j = i + 1; j < g.members.size() && j < i + 16 && !split; ++j) {
        int sa = prose_section(fb, fb.q(g.members[i])), sb = prose_section(fb, fb.q(g.members[j]));
        split = siblings(sa, sb) && parallel.count({std::min(sa, sb), std::max(sa, sb)});
      }
    if (!split) {
      out.push_back(std::move(g));
      continue;
    }
    // (A table cell has no section: which section's figure it restates is open.)
    split_group(fb, g, [&](int id) {
      int sec = prose_section(fb, fb.q(id));
      return sec < 0 ? std::string() : std::to_string(sec);
    }, out);
  }
  groups = std::move(out);
}

// The subject a sentence states its figures of: its first figure's name with the measure it shares
// with `other`'s sentence set aside, and the report's own area words (全省, 本市) too. "高技术制造业R&D经费
// A，投入强度 p%" and "长宁市R&D经费 B，投入强度 q%" are about 高技术制造业 and 长宁市; "全省R&D经费 C" about
// the report's own area (""). Returns false when either figure opens its sentence or the two first
// names share no measure (a head of two characters or more).
bool sentence_subjects(const FactBase& fb, const std::u32string& x, const std::u32string& y, std::string& sa,
                       std::string& sb) {
  if (x.empty() || y.empty()) return false;
  size_t tail = 0;
  while (tail < x.size() && tail < y.size() && x[x.size() - 1 - tail] == y[y.size() - 1 - tail]) ++tail;
  if (tail < 2) return false;
  auto subject = [&](const std::u32string& u) {
    std::string out = utf8::encode(std::u32string_view(u).substr(0, u.size() - tail));
    std::string_view v = out;
    for (std::string_view w; !(w = text::starts_with_any(v, fb.vocab->list("city_scope"))).empty();) v.remove_prefix(w.size());
    return std::string(v);
  };
  sa = subject(x);
  sb = subject(y);
  return true;
}

// The name of the first figure of q's sentence before it, as code points; empty when q opens it.
std::u32string lead_name(const FactBase& fb, const Quantity& q) {
  for (int id : fb.sentence_before(q))
    if (fb.q(id).kind == QuantityKind::Number) return utf8::decode(text::remove_spaces(fb.q(id).label));
  return {};
}

// "装备制造业发展势头良好，全年实现产值 A" and "电子信息产业作为第二大产业，全年实现产值 B": a sentence whose
// first figure is q may open with a clause of no figure that names what it speaks of. That clause, its
// area words set aside, as code points; empty when the figure's clause opens the sentence.
std::u32string opening_clause(const FactBase& fb, const Quantity& q) {
  if (q.paragraph < 0) return {};
  std::string_view p = fb.para_text(q.paragraph);
  uint32_t s0 = fb.sentence_start(q.paragraph, q.para_begin);
  uint32_t c0 = std::min<uint32_t>(q.clause_begin, q.para_begin);
  if (c0 <= s0) return {};
  std::string words = text::remove_spaces(p.substr(s0, c0 - s0));
  for (char c : words)
    if (c >= '0' && c <= '9') return {};  // a figure of its own: not a clause of words only
  // "综上，": a summary's opener, no subject.
  std::string_view bare = text::trim(words);
  for (std::string_view mark : {"，", ","})
    if (text::ends_with(bare, mark)) bare.remove_suffix(mark.size());
  if (fb.vocab->list("summary_openers").is_word(bare)) return {};
  return utf8::decode(strip_leading(words, *fb.vocab));
}

// "一是职工医保。参保人员住院 A。" and "居民医保参保人员住院 B。住院总费用 C。": a paragraph names its subject in
// its first sentence — the name of that sentence's first figure, or its words when it has no figure — and a
// figure of a later sentence that opens its sentence with nothing of its own (no earlier name, no opening
// clause) is that subject's. Sets `lead` (a first figure's name) or `opening` (the lead sentence's words,
// ordinal and area words set aside); leaves both empty for a figure of the paragraph's first sentence or a
// lead sentence of words with a figure of its own.
void paragraph_lead(const FactBase& fb, const Quantity& q, std::u32string& lead, std::u32string& opening) {
  if (q.paragraph < 0 || fb.sentence_start(q.paragraph, q.para_begin) == 0) return;
  std::string_view p = fb.para_text(q.paragraph);
  uint32_t e0 = fb.sentence_end(q.paragraph, 0);
  const std::vector<int>& ids = fb.by_paragraph[q.paragraph];
  if (!ids.empty() && fb.q(ids.front()).para_begin < e0) {
    const Quantity& first = fb.q(ids.front());
    if (first.kind == QuantityKind::Number) lead = utf8::decode(text::remove_spaces(first.label));
    return;
  }
  std::string words = text::remove_spaces(p.substr(0, std::min<size_t>(e0, p.size())));
  std::string_view w = words;
  // (The sentence's closing mark and any other punctuation at its end.)
  for (size_t k = w.size(); k > 0;) {
    size_t at = k;
    char32_t c = utf8::prev(w, at);
    if (text::is_cjk(c)) break;
    w = w.substr(0, at);
    k = at;
  }
  for (char c : w)
    if ((c >= '0' && c <= '9') || c == '.') return;
  opening = utf8::decode(strip_leading(w, *fb.vocab));
}

// q's sentence's subject with its paragraph's lead (paragraph_lead) in front when the sentence opens with a
// bare figure: for q itself opening it, the lead's name or words; for a later figure of it, the lead put
// before the sentence's first name ("职工医保" + "参保人员住院"), so that two paragraphs' sentences alike
// differ by their leads. Leaves `lead` and `opening` as they are otherwise.
void with_paragraph_lead(const FactBase& fb, const Quantity& q, std::u32string& lead, std::u32string& opening) {
  const Quantity* first = &q;
  for (int id : fb.sentence_before(q))
    if (fb.q(id).kind == QuantityKind::Number) {
      first = &fb.q(id);
      break;
    }
  if (first != &q && !opening_clause(fb, *first).empty()) return;
  std::u32string l, w;
  paragraph_lead(fb, *first, l, w);
  if (first == &q) {
    if (!l.empty()) lead = l;
    else if (!w.empty()) opening = w;
    return;
  }
  if (!l.empty() || !w.empty()) lead = (l.empty() ? w : l) + lead;
}

// "（一）企业职工基本养老保险基金 … 可支付月数 A" and, in another section, "城乡居民医保基金当期结余 …，可支付月数
// B": a figure whose sentence names no subject of its own is of the thing its section's title names; a
// figure of another section whose sentence's first name (or opening clause of words) names another thing of
// that kind (a name ending, before its measure, with the title's last noun: 基金) is of that thing. Sets the two names; false when
// the title ends with a generic word (情况), q's sentence names a thing of the kind itself, the other names
// none, or one name holds the other.
bool heading_and_named_subjects(const FactBase& fb, const Quantity& q, const std::u32string& q_lead,
                                const Quantity& other, const std::u32string& other_lead, std::string& sq, std::string& so) {
  int sec = prose_section(fb, q);
  if (sec < 0 || sec == prose_section(fb, other) || other_lead.empty()) return false;
  std::string title = text::remove_spaces(fb.doc.sections[sec].title);
  std::u32string t = utf8::decode(title);
  if (t.size() < 4 || !text::ends_with_any(title, fb.vocab->list("heading_generic_tails")).empty()) return false;
  const std::u32string kind = t.substr(t.size() - 2);
  // q's own sentence naming a thing of the kind (养老保险基金支出) is read by sentence_subjects.
  std::u32string own = q_lead.empty() ? utf8::decode(text::remove_spaces(q.label)) : q_lead;
  std::string own_text = utf8::encode(own);
  std::u32string own_stripped = utf8::decode(strip_leading(own_text, *fb.vocab));
  if (size_t at = own_stripped.find(kind); at != std::u32string::npos && at > 0) return false;
  size_t at = other_lead.find(kind);
  if (at == std::u32string::npos || at == 0) return false;
  std::string named_text = utf8::encode(other_lead.substr(0, at + kind.size()));
  std::string named(strip_leading(named_text, *fb.vocab));
  if (code_points(named) <= kind.size() || text::contains(title, named) || text::contains(named, title)) return false;
  sq = title;
  so = named;
  return true;
}

// A group's figures whose sentences are about different subjects (the measure they share said of
// 高技术制造业 in one, of 长宁市 in the other; 城镇居民 / 农村居民) are different figures: the group is
// compared within each subject. A group of three values or more keeps its verdict (unchecked) in its
// parts unless they agree.
// "装备制造业作为第一支柱产业，全年实现产值 A" and "全年新增生物医药企业 12 家，…，实现产值 B": a measure
// opening with a verb of what some subject achieved (实现, 完成: vocabulary subjectless_verbs) names no
// subject of its own — the sentence does: its opening clause of words, else the name of its first figure
// when that is another measure's. "" when neither is said.
std::string verb_subject(const FactBase& fb, const Quantity& q, std::string_view measure) {
  if (q.paragraph < 0) return "";
  std::u32string lead = lead_name(fb, q);
  if (lead.empty()) return utf8::encode(opening_clause(fb, q));
  std::string name = utf8::encode(lead);
  std::string_view core = strip_leading(name, *fb.vocab);
  if (text::contains(core, measure) || text::contains(measure, core)) return utf8::encode(opening_clause(fb, fb.q(fb.sentence_before(q).front())));
  return std::string(core);
}

// Whether q's name, its time and place words aside, opens with a verb of what some subject achieved
// ("全年实现利润总额"): the verb is no part of the measure (利润总额, as a table's row names it), but says the
// figure is some subject's.
bool said_as_achieved(const FactBase& fb, const Quantity& q) {
  const Vocabulary& v = *fb.vocab;
  std::string_view s = text::trim(q.label);
  for (std::string_view w; !(w = v.stop_prefix(s, "measure_prefix_stop")).empty() && w.size() < s.size();) s.remove_prefix(w.size());
  for (std::string_view w; !(w = v.stop_prefix(s, "city_scope")).empty() && w.size() < s.size();) s.remove_prefix(w.size());
  return !text::starts_with_any(s, v.list("subjectless_verbs")).empty();
}

void split_by_subject(const FactBase& fb, std::vector<RepeatGroup>& groups) {
  std::vector<RepeatGroup> out;
  for (auto& g : groups) {
    // A measure of what a subject achieved: compared only among the figures of one subject.
    if (!text::starts_with_any(g.measure, fb.vocab->list("subjectless_verbs")).empty() ||
        std::any_of(g.members.begin(), g.members.end(), [&](int id) { return said_as_achieved(fb, fb.q(id)); })) {
      std::map<int, std::string> said;
      std::set<std::string> subjects;
      for (int id : g.members) {
        // (Its first two characters: "装备制造业发展势头良好" and "装备制造业持续壮大" open with one subject.)
        std::u32string u = utf8::decode(verb_subject(fb, fb.q(id), g.measure));
        said[id] = u.size() >= 2 ? utf8::encode(u.substr(0, 2)) : std::string();
        if (!said[id].empty()) subjects.insert(said[id]);
      }
      if (subjects.size() > 1) {
        split_group(fb, g, [&](int id) { return said[id].empty() ? std::string() : "·" + said[id]; }, out);
        continue;
      }
    }
    std::map<int, std::string> subject;  // member → its sentence's subject, for members that differ
    const size_t n = std::min<size_t>(g.members.size(), 64);
    std::vector<std::u32string> lead(n);  // each member's sentence's first name, read once
    std::vector<std::u32string> opening(n);  // and, for a member that is its sentence's first, its opening clause
    // The same with the paragraph's lead sentence, for a sentence opening with a bare figure (compared
    // across paragraphs only: in one paragraph both figures are under its lead).
    std::vector<std::u32string> para_lead(n), para_opening(n);
    for (size_t i = 0; i < n; ++i)
      if (fb.q(g.members[i]).paragraph >= 0) {
        lead[i] = lead_name(fb, fb.q(g.members[i]));
        if (lead[i].empty()) opening[i] = opening_clause(fb, fb.q(g.members[i]));
        para_lead[i] = lead[i];
        para_opening[i] = opening[i];
        if (opening[i].empty()) with_paragraph_lead(fb, fb.q(g.members[i]), para_lead[i], para_opening[i]);
      }
    // Two paragraphs' leads tell two subjects: openings of other words, or names that end alike in a
    // measure of four characters or more (医保参保人员住院) and differ before it — a shorter shared end (会员)
    // is as likely two measures of one thing.
    auto paragraph_subjects = [&](size_t i, size_t j, std::string& sa, std::string& sb) {
      if (para_lead[i] == lead[i] && para_opening[i] == opening[i] && para_lead[j] == lead[j] && para_opening[j] == opening[j])
        return false;
      if (para_lead[i].empty() && para_lead[j].empty() && para_opening[i].size() >= 2 && para_opening[j].size() >= 2 &&
          para_opening[i].compare(0, 2, para_opening[j], 0, 2) != 0) {
        sa = utf8::encode(para_opening[i]);
        sb = utf8::encode(para_opening[j]);
        return true;
      }
      if (shared_tail(utf8::encode(para_lead[i]), utf8::encode(para_lead[j])).size() < 4) return false;
      if (!sentence_subjects(fb, para_lead[i], para_lead[j], sa, sb)) return false;
      // (Time and area words say no subject: "全年城市低保对象" and "城市低保对象" are one. strip_leading keeps a
      // last word, so a mark is put after the subject and taken off again.)
      auto bare = [&](const std::string& x) {
        std::string marked = x + "|";
        std::string_view rest = strip_leading(marked, *fb.vocab);
        return std::string(rest.substr(0, rest.size() - 1));
      };
      return bare(sa) != bare(sb);
    };
    for (size_t i = 0; i < n; ++i)
      for (size_t j = i + 1; j < n; ++j) {
        const Quantity& a = fb.q(g.members[i]);
        const Quantity& b = fb.q(g.members[j]);
        if (a.paragraph < 0 || b.paragraph < 0 || a.sentence == b.sentence) continue;
        std::string sa, sb;
        // Both open their sentences after a clause of words: two subjects when the clauses open with
        // other words (装备制造业… / 电子信息产业…); a summary's restatement seldom has such a clause.
        if (lead[i].empty() && lead[j].empty() && opening[i].size() >= 2 && opening[j].size() >= 2 &&
            opening[i].compare(0, 2, opening[j], 0, 2) != 0) {
          subject[a.id] = utf8::encode(opening[i]);
          subject[b.id] = utf8::encode(opening[j]);
          continue;
        }
        // (The sentence's first name, else the clause of words it opens with.)
        const std::u32string& name_i = lead[i].empty() ? opening[i] : lead[i];
        const std::u32string& name_j = lead[j].empty() ? opening[j] : lead[j];
        if ((!sentence_subjects(fb, lead[i], lead[j], sa, sb) || sa == sb) &&
            !heading_and_named_subjects(fb, a, name_i, b, name_j, sa, sb) &&
            !heading_and_named_subjects(fb, b, name_j, a, name_i, sb, sa) &&
            (a.paragraph == b.paragraph || !paragraph_subjects(i, j, sa, sb)))
          continue;
        subject[a.id] = sa;
        subject[b.id] = sb;
      }
    if (subject.empty()) {
      out.push_back(std::move(g));
      continue;
    }
    // (A member whose subject is not told is left out. A subject of the report's own area is "" as well,
    // so it is keyed apart from no subject.)
    split_group(fb, g, [&](int id) {
      auto it = subject.find(id);
      return it == subject.end() ? std::string() : "·" + it->second;
    }, out);
  }
  groups = std::move(out);
}

// What a prose figure's sentence speaks of, set against a table whose 合计 it may restate.
enum class SentenceSubject {
  Whole,    // the area or the kind of school the report is about, or the table's caption: the 合计's whole
  Row,      // one of the table's rows (特殊教育学校 beside a table of 安置形式)
  Other,    // another thing: 生育保险 beside a table of 职工医保 and 居民医保, one 景区 beside a table of 等级
  Unknown,  // a sentence whose first name holds no measure of the table or the packs
};

// The measure at the end of a name: a column of the table ("基金收入" in "全年生育保险基金收入") or a
// pack's metric ("在校生"); the longest, or "" when none ends the name.
std::string_view measure_at_end(const FactBase& fb, const Table& t, std::string_view name) {
  std::string_view best;
  auto consider = [&](std::string_view m) {
    if (code_points(m) >= 2 && m.size() > best.size() && text::ends_with(name, m)) best = name.substr(name.size() - m.size());
  };
  std::vector<std::string> columns;
  for (int c = 0; c < static_cast<int>(t.cols.size()); ++c) columns.push_back(column_name(fb, t, c));
  for (const auto& c : columns) consider(c);
  for (const auto& [alias, id] : fb.vocab->alias_metric) consider(alias);
  return best;
}

// Is a name the whole a 合计 totals — empty once area, time and verb words are set aside, a scope word
// (中职学校), a generic noun, the report's own area (a place of its level; a lower one is a part of it, and
// with no level known a name ending in 区 may be a 景区 as well as a district), or the thing the table's
// caption names?
bool names_the_whole(const FactBase& fb, int table, std::string_view name, int report_level) {
  const Vocabulary& v = *fb.vocab;
  std::string_view rest = name;
  for (std::string_view w; !(w = text::ends_with_any(rest, v.list("label_suffix_stop"))).empty();) rest.remove_suffix(w.size());
  if (text::ends_with(rest, "的")) rest.remove_suffix(std::string_view("的").size());
  // strip_leading keeps a last word; a name of such words only ("全年", "全年全县") names no subject.
  rest = strip_leading(rest, v);
  for (ListKey key : {ListKey("measure_prefix_stop"), ListKey("label_prefix_stop"), ListKey("city_scope")})
    if (v.list(key).is_word(rest)) rest = {};
  if ((text::starts_with(rest, "全") || text::starts_with(rest, "本")) && code_points(rest) == 2) rest = {};
  if (code_points(rest) < 2 || v.scope_of_word.count(rest) || v.list("generic_nouns").is_word(rest)) return true;
  if (leading_place(rest).size() == rest.size() && report_level > 0 && area_level(rest) >= report_level) return true;
  const std::string& caption = fb.captions[table].subject;
  return !caption.empty() && (text::contains(caption, rest) || text::contains(rest, caption));
}

// The subject of q's sentence against table t: the name of its first figure with the measure at its end
// set aside ("全年生育保险基金收入" → 生育保险), or an earlier clause "X为…" / "X是…" that names it
// ("龙潭景区为 5A 级景区，全年接待游客 A").
SentenceSubject sentence_subject_against(const FactBase& fb, const Quantity& q, int table, int report_level) {
  const Table& t = fb.doc.tables[table];
  std::vector<int> before = fb.sentence_before(q);
  const Quantity& lead = before.empty() ? q : fb.q(before.front());
  std::string_view p = fb.para_text(q.paragraph);
  uint32_t s0 = fb.sentence_start(q.paragraph, lead.para_begin);
  uint32_t c0 = std::max(s0, std::min(lead.clause_begin, lead.para_begin));
  auto classify = [&](std::string_view name) {
    for (const auto& info : t.info)
      if (info.role == RowRole::Data && code_points(info.label) >= 3 && text::ends_with(name, info.label)) return SentenceSubject::Row;
    return names_the_whole(fb, table, name, report_level) ? SentenceSubject::Whole : SentenceSubject::Other;
  };
  // An earlier clause of the sentence that says what its subject is.
  std::string_view earlier = p.substr(s0, c0 - s0);
  for (std::string_view copula : {"为", "是"}) {
    size_t k = text::find(earlier, copula);
    if (k == std::string_view::npos || k < 6) continue;
    std::string_view x = text::trim(earlier.substr(0, k));
    if (text::find(x, "，") == std::string_view::npos && text::find(x, "、") == std::string_view::npos) return classify(text::remove_spaces(x));
  }
  std::string name = text::remove_spaces(lead.label);
  std::string_view m = measure_at_end(fb, t, name);
  if (m.empty()) return SentenceSubject::Unknown;
  return classify(std::string_view(name).substr(0, name.size() - m.size()));
}

// "每百名学生拥有骨干教师", "每千人口床位", "每百户拥有家用汽车": a figure per ten, hundred, thousand or
// ten thousand of a population, and the thing it counts (骨干教师, 床位, 家用汽车). Sets `counted` to the
// words after the population and its verb (per_head_verb: 拥有, and 拥 when a label is cut before 有);
// "" when the label names the population only ("每百名学生拥有 1.48 人"). False when the label is not one.
bool per_n_counted(std::string_view label, const Vocabulary& v, std::string_view& counted) {
  size_t at = text::find(label, "每");
  if (at == std::string_view::npos) return false;
  std::string_view rest = label.substr(at + std::string_view("每").size());
  bool per_n = false;
  for (std::string_view n : {"十万", "十", "百", "千", "万"})
    if (text::starts_with(rest, n)) {
      rest.remove_prefix(n.size());
      per_n = true;
      break;
    }
  if (!per_n) return false;
  bool of_people = false;  // 每百名…: a counter of people, or a population word below
  for (std::string_view c : {"名", "位", "个"})
    if (text::starts_with(rest, c)) {
      rest.remove_prefix(c.size());
      of_people = true;
    }
  // The population: 人口, 户 or 人, else the words up to its verb.
  size_t who = std::string_view::npos;
  for (std::string_view p : {"人口", "户", "人"})
    if (text::starts_with(rest, p)) {
      who = p.size();
      break;
    }
  if (who == std::string_view::npos)
    for (const auto& w : v.list("per_head_verb").words())
      who = std::min(who, text::find(rest, w));
  // "每万元地区生产总值能耗": per an amount, not per head — not this construction.
  if (who == std::string_view::npos && !of_people) return false;
  if (who == std::string_view::npos) who = rest.size();
  rest.remove_prefix(who);
  if (std::string_view verb = text::starts_with_any(rest, v.list("per_head_verb")); !verb.empty()) rest.remove_prefix(verb.size());
  counted = rest;
  return true;
}

// Which indicator a per-hundred figure that names only its population is of ("2. 骨干教师。初中 198 名，
// 每百名学生拥有 1.48 人"): its section's heading, its lead-in's topic, and the figure its sentence counts
// before it (专任教师 1.2 万人，每百名学生拥有 …), joined; "" when none of them is told — one county's
// per-hundred figures of several indicators all read "每百名学生拥有 … 人".
std::string per_n_indicator(const FactBase& fb, const Quantity& q) {
  const Vocabulary& v = *fb.vocab;
  std::string out;
  if (q.line >= 1 && q.line <= static_cast<int>(fb.doc.lines.size()))
    if (int sec = fb.doc.lines[q.line - 1].section; sec >= 0) out = fb.doc.sections[sec].title;
  if (!q.topic.empty()) out += "·" + q.topic;
  if (q.paragraph >= 0)
    if (std::vector<int> before = fb.sentence_before(q); !before.empty()) {
      std::string label = text::remove_spaces(fb.q(before.back()).label);
      std::string_view lead = strip_leading(label, v);
      // A scope alone (初中 198 名) names whose count it is, not of what.
      if (code_points(lead) >= 2 && !v.scope_of_word.count(lead)) out += "·" + std::string(lead);
    }
  return out;
}

}  // namespace

// "另有 6 个专业未组群，在校生 746 人", "其余 3 所尚在建设中，另有 9 所民办园未备案，在园幼儿 1807 人": a
// figure after an addition or a remainder word in its sentence (另有, 此外, 其余; after the last ；) is the
// figure of that added or remaining group — a part beside the headline figure, never a restatement of it.
bool of_added_group(const FactBase& fb, const Quantity& q) {
  if (q.paragraph < 0) return false;
  const Vocabulary& v = *fb.vocab;
  std::string_view p = fb.para_text(q.paragraph);
  uint32_t s0 = fb.sentence_start(q.paragraph, q.para_begin);
  std::string_view before = p.substr(s0, std::min<size_t>(q.para_begin, p.size()) - s0);
  for (std::string_view semi : {"；", ";"})
    if (size_t k = before.rfind(semi); k != std::string_view::npos) before.remove_prefix(k + semi.size());
  return text::contains_any(before, v.list("addition")) || text::contains_any(before, v.list("remainder"));
}


std::vector<std::vector<int>> value_camps(const FactBase& fb, const std::vector<int>& ids) {
  std::vector<std::vector<int>> camps;
  for (int id : ids) {
    auto it = std::find_if(camps.begin(), camps.end(),
                           [&](const std::vector<int>& c) { return fb.q(c[0]).interval().intersects(fb.q(id).interval()); });
    if (it != camps.end()) it->push_back(id);
    else camps.push_back({id});
  }
  return camps;
}

std::string identity_measure(const FactBase& fb, const Quantity& q, const Statement& s) {
  const Vocabulary& v = *fb.vocab;
  std::string metric = exact_metric(q, v);
  for (const auto& mt : v.metrics)
    if (mt.id == metric && mt.repeat) return "metric:" + metric;
  // "医院 29.85 万张，占 77.3%": a share after a bare 占 is of the sentence's whole, which its measure
  // does not name — the same words share another whole in the next sentence (诊疗人次, not 床位).
  if (s.type == ValueType::Share && (s.measure == "占" || text::ends_with(s.measure, "·占"))) return "";
  // "注册资本 1000 万元以上的新设企业 68 户", "投资超过 50 万元的卫生室 12 个": a name cut off by a figure of
  // the clause qualifying it (its label opens with 的) is a group that clause bounds, not the measure.
  if (text::starts_with(text::trim_left(q.label), "的")) return "";
  std::string_view m = strip_leading(s.measure, v);
  // "涉及金额 8.72 亿元" then "涉及金额 25.38 亿元": the amounts of two matters, each its clause's.
  if (!text::starts_with_any(m, v.list("relative_measure")).empty()) return "";
  // "每百名学生拥有 1.48 人" in two sections: the label names the population, not what is counted — two
  // indicators' figures read alike. The indicator is the section's, the lead-in's or the sentence's.
  if (std::string_view counted; per_n_counted(m, v, counted) && counted.empty()) {
    std::string indicator = per_n_indicator(fb, q);
    return indicator.empty() ? "" : indicator + "·" + std::string(m);
  }
  // A 合计 cell is named by its column's header, unit and all ("在校生（人）"): the measure without
  // the unit is the area's when the caption says the table lists all of one kind of the area.
  if (q.table >= 0 && fb.doc.tables[q.table].info[q.row].total && fb.captions[q.table].covers_area)
    m = text::before_parenthesis(m);
  // The measure, its scope and verb words set aside, may itself be a metric's alias ("学校开设专业点") —
  // for an undated figure with a name of three characters or more ("2025 年招生" may be a part).
  auto alias = v.alias_metric.find(m);
  if (alias != v.alias_metric.end() && q.year == 0 && code_points(m) >= 3)
    for (const auto& mt : v.metrics)
      if (mt.id == alias->second && mt.repeat) return "metric:" + mt.id;
  // A category at the head (一等奖, 男性, 选手获一等奖) is a part of something the label does not
  // name — which contest, which group: not an identity. A category that qualifies a noun
  // (省级精品课程) is one.
  for (const auto& part : v.partitions)
    for (const auto& member : part.members)
      if ((text::ends_with(m, member) && code_points(m) <= code_points(member) + 4) ||
          (text::starts_with(m, member) && code_points(m) <= code_points(member) + 1))
        return "";
  // "在全市 176 家养老机构中，…": the frame's noun, its locative 中 set aside, names the measure (not 高中,
  // 初中, 普通初中: a name ending with a school level, whatever qualifies it).
  if (text::ends_with(m, "中") && code_points(m) >= 4 && v.scope_words.suffix_of(m).empty())
    m.remove_suffix(std::string_view("中").size());
  // "升入本科人数" and "升入本科" name one measure.
  std::string_view suffix = text::ends_with_any(m, v.list("measure_suffix_stop"));
  if (!suffix.empty() && code_points(m) - code_points(suffix) >= 3) m.remove_suffix(suffix.size());
  // A label ending in 的 or a verb is not a measure ("增加", "达到").
  // Short names without a pack's metric (优秀奖, 招生) are said of many things.
  // A ratio named in three characters (生师比, 性别比) is specific enough, and so is a name of three
  // said of one school level (初中 巩固率: the level is the figure's scope, not part of its name).
  // A table row named by a place ("东县") is as specific as one named by a level ("幼儿园"): which
  // measure its cells state, its table's caption says (find_repeats).
  bool leveled = v.list("school_levels").is_word(q.scope) || (q.table >= 0 && names_whom_only(m, v));
  if (code_points(m) < (s.type == ValueType::Ratio || leveled ? 3u : 4u)) return "";
  if (!text::ends_with_any(m, v.list("change_up")).empty() || !text::ends_with_any(m, v.list("change_down")).empty())
    return "";
  // "注册登记的养老机构" and "注册登记养老机构" name one measure: a 的 inside a name joins, it does not qualify.
  std::string key(m);
  for (size_t at = text::find(key, "的"); at != std::string::npos && at + 3 < key.size(); at = text::find(key, "的", at))
    key.erase(at, 3);
  return key;
}

// "全年县城市政设施投资 18.36 亿元，其中道路桥梁投资 7.82 亿元" and, elsewhere, a bare "道路桥梁投资 39.12
// 亿元": the part is the kind (道路桥梁) of the 投资 its whole qualifies (县城市政设施); the bare figure may be
// of that whole or of a wider one — which, it does not say. Compared with the parts are only the prose
// figures whose paragraph names the whole's qualifier (or the whole); the others are compared among
// themselves. A part named by a scope (中职在校生 under 职业院校在校生), or sharing no measure with its
// whole (农村公路 under 公路总里程), is a figure of its own name wherever stated, and is left compared.
// Table cells are left as they are (their caption and rows say whose they are).
template <class IsPart>
void set_apart_bare_mentions(const FactBase& fb, std::string_view whole, std::string_view part, RepeatGroup& g,
                             IsPart is_part, std::vector<RepeatGroup>& out) {
  const Vocabulary& v = *fb.vocab;
  if (text::starts_with(part, "metric:")) return;  // a pack's metric is a measure in its own right
  std::u32string w = utf8::decode(whole), p = utf8::decode(part);
  size_t tail = 0;
  while (tail < w.size() && tail < p.size() && w[w.size() - 1 - tail] == p[p.size() - 1 - tail]) ++tail;
  if (tail < 2 || tail >= w.size() || tail >= p.size()) return;
  std::string qualifier = utf8::encode(std::u32string_view(w).substr(0, w.size() - tail));
  std::string kind = utf8::encode(std::u32string_view(p).substr(0, p.size() - tail));
  if (code_points(qualifier) < 2 || names_whom_only(kind, v)) return;
  std::vector<int> bare;
  for (int id : g.members) {
    const Quantity& q = fb.q(id);
    if (is_part(id) || q.paragraph < 0) continue;
    if (!text::contains(text::remove_spaces(fb.para_text(q.paragraph)), qualifier)) bare.push_back(id);
  }
  if (bare.empty() || bare.size() == g.members.size()) return;
  // (A group of three values or more keeps its verdict, unchecked, in its parts unless they agree.)
  const bool many = value_camps(fb, g.members).size() > 2;
  g.members.erase(std::remove_if(g.members.begin(), g.members.end(),
                                 [&](int id) { return std::find(bare.begin(), bare.end(), id) != bare.end(); }),
                  g.members.end());
  if (many && value_camps(fb, g.members).size() > 1) g.members.clear();
  if (bare.size() >= 2 && (!many || value_camps(fb, bare).size() == 1)) out.push_back(RepeatGroup{g.measure, bare});
}

std::vector<RepeatGroup> find_repeats(const FactBase& fb, const std::vector<Statement>& st,
                                      const std::vector<Breakdown>& breakdowns, const std::vector<int>& part_of) {
  const auto& qs = fb.ex.quantities;
  const int report_level = report_area_level(fb);
  // Each figure's year: its own, else its table caption's or section heading's.
  const std::vector<int> heading_year = section_years(fb);
  std::vector<int> dated(qs.size(), 0);
  for (const auto& q : qs) dated[q.id] = q.year ? q.year : section_year(fb, q, heading_year);
  // The report's own year — the year its figures are most often dated with: a figure dated with it
  // speaks of the same period as an undated one.
  std::map<int, int> years;
  for (const auto& q : qs)
    if (dated[q.id]) ++years[dated[q.id]];
  int report_year = 0;
  for (const auto& [y, n] : years)
    if (!report_year || n >= years[report_year]) report_year = y;
  std::vector<int> latest(fb.doc.tables.size(), 0);
  for (size_t t = 0; t < fb.doc.tables.size(); ++t)
    for (int y : fb.doc.tables[t].col_years) latest[t] = std::max(latest[t], y);

  std::map<std::string, std::map<std::string, int>> dims;
  for (const auto& q : qs)
    if (!q.metric.empty() && !q.dimension.empty()) ++dims[q.metric][q.dimension];
  std::map<std::string, std::string> dominant_dimension;
  for (const auto& [metric, counts] : dims) {
    int best = 0;
    for (const auto& [d, n] : counts)
      if (n > best) {
        best = n;
        dominant_dimension[metric] = d;
      }
  }
  std::vector<std::string> measure(qs.size());
  std::map<std::string, std::vector<int>> groups;
  // A sentence that states one measure twice enumerates groups (per measure, and per measure and scope).
  std::map<std::pair<int, std::string>, int> per_sentence;
  std::vector<bool> added(qs.size(), false);  // figures of an added or remaining group (of_added_group)
  for (const auto& q : qs) {
    const Statement& s = st[q.id];
    if (q.approx != Approx::None || q.malformed || s.previous || s.target) continue;
    if (s.type != ValueType::Level && s.type != ValueType::Share && s.type != ValueType::Ratio &&
        s.type != ValueType::PerCapita)
      continue;
    if (excludes_something(q.label) || excludes_something(q.row_label) || sentence_excludes_something(fb, q))
      continue;
    // "甲培训、乙培训、丙培训共计 5 项": the words before the count end a list; the count is of the list,
    // not of its last item.
    if (ends_a_list(fb, q) || sum_of_additions(fb, q)) continue;
    // (An added group's figure is grouped still, so that a group of three values keeps its verdict; it
    // is taken out below.)
    if (of_added_group(fb, q)) added[q.id] = true;
    if (opens_with_previous_period(fb, q)) continue;
    if (q.table >= 0 && fb.doc.tables[q.table].info[q.row].total && fb.captions[q.table].counts_rows) continue;
    std::string m = identity_measure(fb, q, s);
    if (m.empty()) continue;
    // "收入完成 X，为调整预算 Y 的 p%" then "支出完成 …，为调整预算 …": a plan named without its subject
    // is the plan of its sentence's first amount, and two sentences' 调整预算 are two plans.
    if (names_plan_only(m, *fb.vocab)) {
      std::string subject = sentence_subject(fb, st, q);
      if (subject.empty()) continue;
      m = subject + "·" + m;
    }
    // "某某市中职在校生 98650 人" in a province's report: one city's figure, not the province's, though
    // its name is the province's measure once the place is set aside.
    // Both qualify the key only: the sentence's count of a measure (below) and the name shown are the
    // measure's.
    std::string whose;
    if (cumulative(fb, q)) whose = "累计·";
    std::string_view place = leading_place(q.label);
    if (!place.empty() && area_level(place) < report_level) whose += std::string(place) + "·";
    if (std::string group = sentence_group(fb, q); !group.empty()) whose += group + "·";
    // A part of the whole its 占 clause names is compared only with other such parts.
    if (part_of_own_whole(fb, q, m)) whose += "占·";
    // The opening level of a stock is compared only with other opening levels of it.
    if (opening_level(fb, q)) whose += "期初·";
    if (q.table >= 0) whose += row_cell_measure(fb, q, m);
    if (s.type == ValueType::Level) {
      std::optional<std::string> activity = outcome_subject(fb, q, m);
      if (!activity) continue;
      if (!activity->empty()) whose += *activity + "·";
    }
    std::string scope(fb.scope_of(q));
    // "城镇居民方面，人均可支配收入 …" then "农村居民方面，…": under a lead-in naming no scope, or one the
    // report's own scope (中等职业教育。 in a report whose figures are all 中职's), a bare measure is the
    // topic's — compared only with the same topic's, not with the report's total of that measure.
    if (!q.topic.empty() && scope.empty()) whose += q.topic + "·";
    // "一般公共预算收入总计 68.90 亿元": the total with transfers (收入总计, 支出合计) is another figure
    // than the revenue it is named after, though the label leaves 总计 out as a total cue.
    // A table row so named ("旅游总收入", "收入总计") is the same total: a prose "全年旅游总收入 A" is compared
    // with it.
    {
      std::string row = q.table >= 0 ? text::remove_spaces(q.label) : std::string();
      std::string_view before = q.paragraph >= 0 ? text::trim_right(fb.para_text(q.paragraph).substr(0, q.para_begin))
                                                 : std::string_view(row);
      for (ListKey list : {ListKey("balance_income"), ListKey("balance_expenditure")})
        if (!before.empty() && !text::ends_with_any(before, fb.vocab->list(list)).empty()) {
          // (Shown in the name only when the name left it out: "旅游总收入" says it already.)
          if (text::contains(m, "总")) whose += "总计·";
          else m += "·总计";
          break;
        }
    }
    // A table's 预算数 / 调整预算数 column holds the plan for the row's measure, not its value: the
    // same measure as the 执行数 beside it, but another figure — compared only with other plans of it.
    if (q.table >= 0) {
      std::string header = text::remove_spaces(q.col_label);
      std::string plan(text::ends_with_any(header, fb.vocab->list("budget_figure")));
      if (plan.empty() && text::contains_any(header, fb.vocab->list("budget_figure"))) plan = "预算";
      if (!plan.empty()) m += "·" + plan;
    }
    // A part whose whole states the same measure is a sub-group (公办学校在校生), not a repeat.
    if (part_of[q.id] >= 0) {
      const Quantity& w = fb.q(breakdowns[part_of[q.id]].whole);
      if (identity_measure(fb, w, st[w.id]) == m) continue;
    }
    int year = dated[q.id];
    if (q.table >= 0 && q.year && q.year == latest[q.table]) year = report_year;
    if (q.table >= 0 && !year) year = report_year;
    if (year == report_year) year = 0;
    // A table cell often leaves its unit to its header: it takes the dimension its metric is
    // stated in elsewhere (93 名教师 is not a count of 学校).
    std::string dim = q.dimension;
    if (dim.empty() && !q.metric.empty()) dim = dominant_dimension[q.metric];
    std::string key = fmt::format("{}{}|{}|{}|{}|{}", whose, m, scope, to_string(s.type), dim, year);
    measure[q.id] = m;
    groups[key].push_back(q.id);
    if (q.paragraph >= 0) {
      ++per_sentence[{q.sentence, m}];
      ++per_sentence[{q.sentence, m + "|" + q.scope}];
    }
  }
  merge_population_prefixes(fb.vocab->list("population"), groups);
  std::vector<RepeatGroup> out;
  for (auto& [key, ids] : groups) {
    if (ids.size() < 2) continue;
    // One table's cells are different things (rows, columns, years).
    std::map<int, int> per_table;
    for (int id : ids)
      if (fb.q(id).table >= 0) ++per_table[fb.q(id).table];
    RepeatGroup g;
    g.measure = measure[ids[0]];
    if (text::starts_with(g.measure, "metric:")) g.measure = fb.q(ids[0]).label;
    for (int id : ids) {
      const Quantity& q = fb.q(id);
      // Stated twice in its sentence: only a figure whose own scope tells it apart is kept.
      if (q.paragraph >= 0 && per_sentence[{q.sentence, measure[id]}] > 1 &&
          (q.scope.empty() || per_sentence[{q.sentence, measure[id] + "|" + q.scope}] > 1))
        continue;
      if (q.paragraph < 0 && per_table[q.table] > 1) continue;
      g.members.push_back(id);
    }
    // Cells of two tables under one row label but under columns that name two measures ("占比" and
    // "升学率" of one county) are two figures; which of them a sentence repeats is open, so none is kept.
    // (A column named by a unit or a count word alone — "人次", "人数（人）" — names no measure.)
    auto generic = [&](const std::string& c) { return names_no_measure(fb, c); };
    std::set<std::string> columns;
    for (int id : g.members) {
      std::string c = column_measure(fb, fb.q(id));
      if (!generic(c)) columns.insert(std::move(c));
    }
    // Under columns that name only a year or a unit, the caption names the measure when the rows say
    // whose figure a cell is — a school level or a place (幼儿园, 东县), or the same rows listed in
    // both tables (parallel_tables): 表1 生均教育事业费 and 表2 生均公用经费 of 幼儿园 are two figures,
    // and again none is kept.
    std::vector<int> year_tables;
    for (int id : g.members)
      if (fb.q(id).table >= 0 && generic(column_measure(fb, fb.q(id)))) {
        year_tables.push_back(fb.q(id).table);
        const std::string& caption = fb.captions[fb.q(id).table].subject;
        if (names_whom_only(measure[id], *fb.vocab) && !caption.empty()) columns.insert(caption);
      }
    bool two_captions = false;
    for (size_t i = 0; i < year_tables.size(); ++i)
      for (size_t j = i + 1; j < year_tables.size(); ++j)
        two_captions = two_captions || parallel_tables(fb, year_tables[i], year_tables[j]);
    if (columns.size() > 1 || two_captions)
      g.members.erase(std::remove_if(g.members.begin(), g.members.end(), [&](int id) { return fb.q(id).table >= 0; }),
                      g.members.end());
    // A 合计 row totals what its table lists: the totals of tables whose captions name other things
    // (全市医院, 市辖区医院; 各学段, 各乡镇小学) are of other wholes, and which one a sentence repeats is open.
    std::set<std::string> subjects;
    auto total_cell = [&](int id) {
      const Quantity& q = fb.q(id);
      return q.table >= 0 && fb.doc.tables[q.table].info[q.row].total;
    };
    for (int id : g.members)
      if (total_cell(id)) subjects.insert(fb.captions[fb.q(id).table].subject);
    // A sentence about one of the table's rows ("特殊教育学校 168 所，在校生 38426 人" beside a table of
    // 安置形式 whose first row is 特殊教育学校) restates that row, not the table's 合计.
    std::vector<std::string> leads;  // the first names of the prose members' sentences (a few suffice)
    for (int id : g.members) {
      const Quantity& q = fb.q(id);
      if (q.paragraph < 0 || leads.size() >= 16) continue;
      std::vector<int> before = fb.sentence_before(q);
      if (!before.empty()) leads.push_back(text::remove_spaces(fb.q(before.front()).label));
    }
    // A sentence about another thing (生育保险's 当期结余 beside a table of 职工医保 and 居民医保; one 景区's
    // visitors beside a table of 5A and 4A 景区) restates no 合计 either, nor does one whose subject is
    // not told (the first name holds no measure the table or a pack knows).
    auto row_named = [&](int cell) {
      const Table& tab = fb.doc.tables[fb.q(cell).table];
      for (const auto& lead : leads)
        for (const auto& info : tab.info)
          if (info.role == RowRole::Data && code_points(info.label) >= 3 && text::ends_with(lead, info.label)) return true;
      for (int id : g.members)
        if (fb.q(id).paragraph >= 0 && sentence_subject_against(fb, fb.q(id), fb.q(cell).table, report_level) != SentenceSubject::Whole)
          return true;
      return false;
    };
    if (subjects.size() > 1)
      g.members.erase(std::remove_if(g.members.begin(), g.members.end(), total_cell), g.members.end());
    else
      g.members.erase(std::remove_if(g.members.begin(), g.members.end(), [&](int id) { return total_cell(id) && row_named(id); }),
                      g.members.end());
    // "年末公路总里程 A，其中农村公路 B" and "全年新改建公路 C，其中农村公路 D": parts of wholes of different
    // measures (a stock and a flow, two kinds of a thing) are parts of different things — which of them a
    // bare mention repeats is open, so no part is kept.
    std::set<std::string_view> part_wholes;
    auto a_part = [&](int id) { return part_of[id] >= 0; };
    for (int id : g.members)
      if (a_part(id)) part_wholes.insert(measure[breakdowns[part_of[id]].whole]);
    part_wholes.erase("");  // a whole of no known identity tells nothing apart
    if (part_wholes.size() > 1)
      g.members.erase(std::remove_if(g.members.begin(), g.members.end(), a_part), g.members.end());
    else if (part_wholes.size() == 1)
      set_apart_bare_mentions(fb, *part_wholes.begin(), measure[ids[0]], g, a_part, out);
    // An added group's figure restates nothing; a group of three values or more without it keeps its
    // verdict (not checked, as split_group's parts) unless the rest agree.
    if (std::any_of(g.members.begin(), g.members.end(), [&](int id) { return added[id]; })) {
      const bool many = value_camps(fb, g.members).size() > 2;
      g.members.erase(std::remove_if(g.members.begin(), g.members.end(), [&](int id) { return added[id]; }), g.members.end());
      if (many && value_camps(fb, g.members).size() > 1) continue;
    }
    if (g.members.size() >= 2) out.push_back(std::move(g));
  }
  split_parallel_sections(fb, out);
  split_by_subject(fb, out);
  passage_repeats(fb, st, out);
  std::sort(out.begin(), out.end(), [](const RepeatGroup& a, const RepeatGroup& b) { return a.members < b.members; });
  return out;
}

}  // namespace tally
