#include "extract/extractor.h"

#include <algorithm>
#include <set>

#include "base/find.h"
#include "base/text.h"
#include "base/utf8.h"
#include "extract/respectively.h"
#include "extract/scanner.h"

namespace tally {

namespace {

bool is_clause_break(char32_t c) {
  switch (c) {
    case U'，': case ',': case U'。': case U'；': case ';': case U'：': case ':': case U'、':
    case U'（': case '(': case U'）': case ')': case U'！': case U'？': case '!': case '?': case '\t':
      return true;
    default:
      return false;
  }
}

// The bytes of a minus sign ("-", "－", "−") that is all a cell holds before its figure at `at`
// ("-10.69", "　－14.6"); 0 if none. Only a sign glued to the figure: "- 4 -" is a page number.
size_t minus_sign_before(std::string_view cell, size_t at) {
  std::string_view lead = text::trim_left(cell.substr(0, at));
  if (lead == "-" || lead == "－" || lead == "−") return lead.size();
  return 0;
}

bool is_sentence_end(char32_t c) { return c == U'。' || c == U'！' || c == U'？' || c == '!' || c == '?'; }

// Is the word at `at` excluded rather than named: "（不含技工学校）", "除高职外"?
bool excluded_at(std::string_view s, size_t at) {
  std::string_view lead = s.substr(at >= 9 ? at - 9 : 0, at >= 9 ? 9 : at);
  return text::ends_with(lead, "不含") || text::ends_with(lead, "除") || text::ends_with(lead, "不包括") ||
         text::ends_with(lead, "不含 ") || text::ends_with(lead, "除了");
}

// Does a cue word run across `at`? "其中小学在校生" is 其中 + 小学, not a 中小学 inside it.
bool inside_cue(std::string_view s, size_t at, const WordList& cues) {
  for (size_t back = 1; back < 12 && back <= at; ++back)
    if (cues.prefix_of(s.substr(at - back)).size() > back) return true;
  return false;
}

// Scope of a piece of text: the scope whose word occurs last in it (the nearest to the figure),
// leaving out words it excludes (不含, 除).
std::string scope_in(std::string_view s, const Vocabulary& vocab, size_t* where = nullptr) {
  std::string best;
  size_t best_pos = 0;
  bool found = false;
  for (const auto& sc : vocab.scopes)
    for (const auto& w : sc.words) {
      size_t p = text::rfind(s, w);
      while (p != std::string_view::npos && (excluded_at(s, p) || inside_cue(s, p, vocab.list("breakdown"))))
        p = p == 0 ? std::string_view::npos : text::rfind(s, w, p - 1);
      if (p != std::string_view::npos && (!found || p + w.size() > best_pos)) {
        best = sc.id;
        best_pos = p + w.size();
        found = true;
      }
    }
  if (where) *where = best_pos;
  return best;
}

// Every scope word in a paragraph, found once, so each figure's scope is a
// lookup instead of a search of its whole sentence.
class ScopeIndex {
 public:
  ScopeIndex(std::string_view p, const Vocabulary& vocab) {
    // One pass: at each character, every scope word that starts there.
    const WordList& cues = vocab.list("breakdown");
    for (size_t i = 0; i < p.size(); i += utf8::seq_len(static_cast<unsigned char>(p[i]))) {
      vocab.scope_words.each_prefix(p.substr(i), [&](std::string_view w) {
        auto it = vocab.scope_of_word.find(w);
        if (it != vocab.scope_of_word.end() && !excluded_at(p, i) && !inside_cue(p, i, cues))
          hits_.push_back({static_cast<uint32_t>(i + w.size()), static_cast<uint32_t>(i), &it->second});
      });
    }
    drop_crossing();
    // A scope word inside parentheses names a sub-group of the figure before them
    // ("24 所（高职 4 所，技工学校 5 所），在校生 8.62 万人"): it does not carry past the ）.
    std::vector<uint32_t> open_stack;
    std::vector<std::pair<uint32_t, uint32_t>> pairs;  // (open, close) of outermost parentheses
    for (size_t i = 0; i < p.size();) {
      size_t k = i;
      char32_t c = utf8::next(p, k);
      if (c == U'（' || c == '(') open_stack.push_back(static_cast<uint32_t>(i));
      if ((c == U'）' || c == ')') && !open_stack.empty()) {
        if (open_stack.size() == 1) pairs.push_back({open_stack[0], static_cast<uint32_t>(k)});
        open_stack.pop_back();
      }
      i = k;
    }
    for (auto& h : hits_) {
      auto it = std::upper_bound(pairs.begin(), pairs.end(), std::make_pair(h.begin, UINT32_MAX));
      if (it != pairs.begin() && std::prev(it)->second >= h.end) h.closes = std::prev(it)->second;
    }
    std::sort(hits_.begin(), hits_.end(), [](const Hit& a, const Hit& b) {
      return a.end != b.end ? a.end < b.end : a.begin > b.begin;  // at one end, the longer word last
    });
  }
  // The scope of the word that ends last within [b, e) (on a tie, the longer word).
  std::string find(uint32_t b, uint32_t e) const {
    auto it = std::upper_bound(hits_.begin(), hits_.end(), e, [](uint32_t v, const Hit& h) { return v < h.end; });
    while (it != hits_.begin()) {
      --it;
      if (it->begin >= b && it->closes > e) return *it->scope;
      if (it->end <= b) break;
    }
    return "";
  }

 private:
  struct Hit {
    uint32_t end, begin;
    const std::string* scope;
    uint32_t closes = UINT32_MAX;  // where the parentheses around the word close, if any
  };
  // "初中专任教师", "高中专任教师": 中专 runs across the end of 初中 — the word that starts first is
  // the one read; a word starting inside it and ending beyond it is no word of the text.
  // (Hits are in order of their start; words starting at one place all stand.)
  void drop_crossing() {
    std::vector<Hit> kept;
    uint32_t from = 0, reach = 0;
    for (const Hit& h : hits_) {
      if (h.begin > from && h.begin < reach && h.end > reach) continue;
      kept.push_back(h);
      if (h.end > reach) {
        from = h.begin;
        reach = h.end;
      }
    }
    hits_ = std::move(kept);
  }
  std::vector<Hit> hits_;
};

// A lead-in: a sentence opening with a topic phrase that is no figure's label — "小学。", "初中：",
// "城镇居民方面，" — whose figures after it are of that topic. Returns the phrase (without its
// marker), or "" when the sentence opens otherwise. A phrase before 。 or ： stands alone; one
// before ， must end in a topic marker (方面), else it is an ordinary clause ("近年来，").
std::string_view lead_in(std::string_view sentence, const Vocabulary& vocab) {
  std::string_view s = text::trim_left(sentence);
  int level = 0;
  s = text::trim_left(s.substr(match_section_number(s, &level)));
  size_t i = 0, n = 0;
  while (i < s.size()) {
    size_t k = i;
    char32_t c = utf8::next(s, k);
    if (!text::is_cjk(c)) break;
    i = k;
    ++n;
  }
  if (n == 0 || n > 12 || i == s.size()) return {};
  std::string_view phrase = s.substr(0, i), rest = s.substr(i);
  if (!text::starts_with_any(phrase, vocab.list("breakdown")).empty() ||
      !text::starts_with_any(phrase, vocab.list("label_prefix_stop")).empty() ||
      text::contains_any(phrase, vocab.list("label_verbs")))
    return {};
  if (text::starts_with(rest, "。") || text::starts_with(rest, "：") || text::starts_with(rest, ":")) return phrase;
  if (!text::starts_with(rest, "，") && !text::starts_with(rest, ",")) return {};
  std::string_view marker = text::ends_with_any(phrase, vocab.list("topic_marker"));
  if (marker.empty() || marker.size() == phrase.size()) return {};
  return phrase.substr(0, phrase.size() - marker.size());
}

// The scope a phrase names (a lead-in, a heading): its last scope word, "" when none.
std::string scope_named(std::string_view phrase, const Vocabulary& vocab) {
  return ScopeIndex(phrase, vocab).find(0, static_cast<uint32_t>(phrase.size()));
}

// The scope each section's heading names ("（一）小学", "2. 普通高中"), or its nearest enclosing
// heading's: a figure there without a scope of its own is of that level, as under a lead-in.
std::vector<std::string> section_scopes(const Document& doc, const Vocabulary& vocab) {
  std::vector<std::string> out(doc.sections.size());
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    if (doc.sections[i].is_case) continue;
    out[i] = scope_named(doc.sections[i].title, vocab);
    if (out[i].empty() && doc.sections[i].parent >= 0) out[i] = out[doc.sections[i].parent];
  }
  return out;
}

// "东城职业中专与 8 家企业合作…，该校在校生 2600 人": a name before a category word (职业中专, 技师学院) is
// one school's when the sentence then takes it up by an anaphor (该校, 学校, 学院) — its figures are that
// school's, not the category's across the area. Without the anaphor, or with a name that is an area's
// whole (全市, 各, 本), it stays the category.
bool names_one_school(std::string_view name, std::string_view after, const Vocabulary& vocab) {
  if (utf8::count_code_points(name) < 2) return false;
  for (std::string_view all : {"全", "各", "本", "我", "该", "所有", "部分", "其他", "其余"})
    if (text::starts_with(name, all)) return false;
  return text::contains_any(after, vocab.list("subject_anaphor"));
}

// A sentence about one named school: "某某职业中等专业学校每年…" (not a generic category word).
std::string school_subject(std::string_view sentence, const Vocabulary& vocab) {
  std::string_view s = sentence;
  // skip a leading time clause "2023 年，"
  size_t comma = text::find(s, "，");
  if (comma != std::string_view::npos && comma < 24 && text::contains(s.substr(0, comma), "年"))
    s = s.substr(comma + 3);
  s = text::trim_left(s);
  if (!text::starts_with_any(s, vocab.list("city_scope")).empty()) return "";
  if (!text::starts_with_any(s, vocab.list("label_prefix_stop")).empty()) return "";
  // the subject: CJK characters up to the first school suffix, within 20 characters
  size_t i = 0;
  int n = 0;
  while (i < s.size() && n < 20) {
    for (const auto& suf : vocab.list("school_suffix")) {
      if (text::starts_with(s.substr(i), suf)) {
        std::string_view name = s.substr(0, i + suf.size());
        if (n < 2 || text::contains_any(name, vocab.list("label_verbs"))) return "";
        for (const auto& sc : vocab.scopes)
          for (const auto& w : sc.words)
            if (text::ends_with(name, w) && !names_one_school(name.substr(0, name.size() - w.size()), s.substr(name.size()), vocab))
              return "";  // a category such as 中等职业学校
        return "school:" + std::string(name);
      }
    }
    char32_t c = utf8::next(s, i);
    if (!text::is_cjk(c)) return "";
    ++n;
  }
  return "";
}

// A heading that is the name of one school: a category word (职业中专, 技工学校, 学院) with a name
// of two characters or more before it, not "全市"/"各"/"本" (all of them).
std::string heading_school(std::string_view title, const Vocabulary& vocab) {
  size_t n = utf8::count_code_points(title);
  if (n < 4 || n > 20) return "";
  for (size_t i = 0; i < title.size();)
    if (!text::is_cjk(utf8::next(title, i))) return "";
  if (text::starts_with(title, "全") || text::starts_with(title, "各") || text::starts_with(title, "本") ||
      text::starts_with(title, "我") || !text::starts_with_any(title, vocab.list("city_scope")).empty())
    return "";
  size_t category = 0;
  for (const auto& suf : vocab.list("school_suffix"))
    if (text::ends_with(title, suf)) category = std::max(category, utf8::count_code_points(suf));
  for (const auto& sc : vocab.scopes)
    for (const auto& w : sc.words)
      if (text::ends_with(title, w)) category = std::max(category, utf8::count_code_points(w));
  if (category == 0 || n < category + 2) return "";
  return "school:" + std::string(title);
}

// Sections headed by two or more named schools ("二、某某职业中专", "三、某某技工学校") speak each of
// its own school: a figure there without a scope of its own is that school's. One school named in
// headings is usually the report's own subject, whose figures are the report's.
std::vector<std::string> section_schools(const Document& doc, const Vocabulary& vocab) {
  std::vector<std::string> named(doc.sections.size());
  std::set<std::string> distinct;
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    if (doc.sections[i].is_case) continue;
    named[i] = heading_school(doc.sections[i].title, vocab);
    if (!named[i].empty()) distinct.insert(named[i]);
  }
  if (distinct.size() < 2) return std::vector<std::string>(doc.sections.size());
  std::vector<std::string> out(doc.sections.size());
  for (size_t i = 0; i < doc.sections.size(); ++i)
    for (int s = static_cast<int>(i); s >= 0; s = doc.sections[s].parent)
      if (!named[s].empty()) {
        out[i] = named[s];
        break;
      }
  return out;
}

}  // namespace

std::string clean_label(std::string_view raw, const Vocabulary& vocab) {
  std::string_view s = text::trim(raw);
  static const WordList punct = [] {
    WordList w(std::vector<std::string>{"，", "、", "：", "；", "。", ",", ":", ";", "”", "（", "）", "(", ")"});
    w.finalize();
    return w;
  }();
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    std::string_view w = vocab.stop_prefix(s, "label_prefix_stop");
    if (w.empty() && !text::starts_with(s, "”")) w = text::starts_with_any(s, punct);
    if (!w.empty()) {
      s = text::trim_left(s.substr(w.size()));
      changed = true;
    }
    w = text::ends_with_any(s, vocab.list("label_suffix_stop"));
    if (w.empty() && !text::ends_with(s, "”")) w = text::ends_with_any(s, punct);
    // Keep a closing parenthesis whose opening one is in the label: "在校生数（人）".
    if ((w == "）" && text::contains(s, "（")) || (w == ")" && text::contains(s, "("))) w = {};
    if (!w.empty() && w.size() <= s.size()) {
      s = text::trim_right(s.substr(0, s.size() - w.size()));
      changed = true;
    }
  }
  return text::remove_spaces(s);
}

std::string find_metric(std::string_view label, const Vocabulary& vocab) {
  std::string_view a = vocab.metric_aliases.suffix_of(label);
  if (a.empty()) return "";
  auto it = vocab.alias_metric.find(a);
  return it == vocab.alias_metric.end() ? "" : it->second;
}

// "全县 6420 名中职在校生中，…": the noun after a figure may close with a locative 中 ("among them") —
// dropped when only the noun without it names a metric, so "高中" and "初中" keep theirs.
std::string without_locative(std::string label, const Vocabulary& vocab) {
  constexpr std::string_view kAmong = "中";
  if (!text::ends_with(label, kAmong) || !find_metric(label, vocab).empty()) return label;
  std::string noun = label.substr(0, label.size() - kAmong.size());
  return find_metric(noun, vocab).empty() ? label : noun;
}

Extraction extract(const Document& doc, const Vocabulary& vocab) {
  Extraction ex;
  const SourceText& src = *doc.source;
  int sentence_counter = 0, clause_counter = 0;
  const std::vector<std::string> section_school = section_schools(doc, vocab);
  const std::vector<std::string> section_scope = section_scopes(doc, vocab);
  for (size_t pi = 0; pi < doc.paragraphs.size(); ++pi) {
    const Paragraph& para = doc.paragraphs[pi];
    std::string_view p = para.text;
    ScanResult sr = scan_numbers(p, vocab);
    for (auto [off, y] : sr.years) ex.years.push_back({off, static_cast<int>(pi), y});
    // sentence and clause boundaries
    std::vector<uint32_t> sent_ends, clause_ends;
    for (size_t i = 0; i < p.size();) {
      char32_t c = utf8::next(p, i);
      if (is_sentence_end(c)) sent_ends.push_back(i);
      if (is_clause_break(c) || is_sentence_end(c)) clause_ends.push_back(i);
    }
    sent_ends.push_back(p.size());
    clause_ends.push_back(p.size());
    ex.sentence_ends.push_back(sent_ends);
    bool in_case = doc.in_case(para.first_line);
    std::string case_scope;
    if (in_case) {
      int s = doc.lines[para.first_line - 1].section;
      while (s >= 0 && !doc.sections[s].is_case) s = doc.sections[s].parent;
      case_scope = "school:" + (s >= 0 ? doc.sections[s].title : std::string("case"));
    }
    uint32_t prev_end = 0;
    const WordList& label_verbs = vocab.list("label_verbs");
    ScopeIndex scopes(p, vocab);
    size_t school_sentence = static_cast<size_t>(-1);
    std::string school;
    // The lead-in in force: set by a sentence that opens with one, until the next one.
    size_t lead_sentence = static_cast<size_t>(-1);
    std::string lead_scope, lead_topic;
    const auto respective = respective_values(p, sr.numbers, vocab, [&](std::string_view s) { return scope_named(s, vocab); });
    for (auto& sn : sr.numbers) {
      Quantity q = std::move(sn.q);
      q.para_begin = sn.begin;
      q.para_end = sn.end;
      q.unit_end = sn.unit_end;
      q.paragraph = static_cast<int>(pi);
      q.span = para.to_source(sn.begin, sn.end);
      // The joined text: a figure split by a page break ("7761.955" / "万元") reads whole.
      q.text = std::string(p.substr(sn.begin, sn.end - sn.begin));
      q.line = src.line_of(q.span.begin);
      q.in_case = in_case;
      size_t si = std::upper_bound(sent_ends.begin(), sent_ends.end(), sn.begin) - sent_ends.begin();
      size_t ci = std::upper_bound(clause_ends.begin(), clause_ends.end(), sn.begin) - clause_ends.begin();
      q.sentence = sentence_counter + static_cast<int>(si);
      q.clause = clause_counter + static_cast<int>(ci);
      uint32_t sent_start = si == 0 ? 0 : sent_ends[si - 1];
      uint32_t clause_start = ci == 0 ? 0 : clause_ends[ci - 1];
      q.clause_begin = clause_start;
      // Label: the words before the figure in its clause, or, when the clause starts with
      // the figure ("12 所中等职业学校") or the words end in 的, the noun after the unit.
      uint32_t lb = std::max({clause_start, prev_end, sent_start});
      std::string before = clean_label(p.substr(lb, sn.begin - lb), vocab);
      // "就业（含升学）人数 5230 人", "县（市）属学校 14 所": a parenthetical inside a label (no figure in
      // it, glued to the words on both sides) is part of the label, not a clause break.
      if (!before.empty() && lb >= 3 && lb > prev_end && text::ends_with(p.substr(0, lb), "）")) {
        size_t open = p.rfind("（", lb);
        uint32_t floor = std::max<uint32_t>(prev_end, sent_start);
        if (open != std::string_view::npos && open > floor) {
          std::string_view inner = p.substr(open, lb - open);
          bool figure_inside = inner.find_first_of("0123456789") != std::string_view::npos;
          size_t k = open;
          bool glued = text::is_cjk(utf8::prev(p, k));
          if (!figure_inside && glued) {
            size_t b2 = open;
            while (b2 > floor) {
              size_t k2 = b2;
              char32_t c = utf8::prev(p, k2);
              if (is_clause_break(c) || is_sentence_end(c)) break;
              b2 = k2;
            }
            before = clean_label(p.substr(b2, sn.begin - b2), vocab);
          }
        }
      }
      // "就业人数（含升学）870 人": the words before a parenthetical that touches the figure.
      if (before.empty() && lb >= 3 && lb > prev_end && text::ends_with(p.substr(0, lb), "）")) {
        size_t open = p.rfind("（", lb);
        if (open != std::string_view::npos && open > std::max<uint32_t>(prev_end, sent_start)) {
          size_t b2 = open;
          while (b2 > std::max<uint32_t>(prev_end, sent_start)) {
            size_t k = b2;
            char32_t c = utf8::prev(p, k);
            if (is_clause_break(c) || is_sentence_end(c)) break;
            b2 = k;
          }
          before = clean_label(p.substr(b2, open - b2), vocab);
        }
      }
      std::string after;
      uint32_t after_end = sn.unit_end;
      {
        size_t i = sn.unit_end;
        size_t e = i;
        while (e < p.size()) {
          size_t k = e;
          char32_t c = utf8::next(p, k);
          if (is_clause_break(c) || is_sentence_end(c) || (c >= '0' && c <= '9')) break;
          if (e > i && !label_verbs.prefix_of(p.substr(e)).empty()) break;
          e = k;
        }
        after = without_locative(clean_label(p.substr(i, e - i), vocab), vocab);
        after_end = static_cast<uint32_t>(e);
      }
      // "学校 60 名专业带头人中", "全县 12 所": words before that only say whose figure it is leave the
      // naming to the noun after the unit.
      // (So do "在全市 176 家养老机构中" and "年末全县 12 个乡镇": a locative 在 and time words set aside.)
      bool only_scope = false;
      {
        std::string_view whose = before;
        if (text::starts_with(whose, "在")) whose.remove_prefix(std::string_view("在").size());
        for (std::string_view w; !(w = vocab.stop_prefix(whose, "measure_prefix_stop")).empty() && w.size() < whose.size();)
          whose.remove_prefix(w.size());
        only_scope = !whose.empty() && text::starts_with_any(whose, vocab.list("city_scope")).size() == whose.size();
      }
      if (before.empty() || text::ends_with(before, "的") || (only_scope && !after.empty()))
        q.label = after.empty() ? before : after;
      else q.label = before;
      // "一般公共预算收入由上年的 A 增加到 B": the words before B are the verb; what B measures is named
      // before the 由 / 从 that opens the comparison in its clause.
      if (prev_end > clause_start && prev_end <= sn.begin) {
        // (Or "下降为 B": the label keeps the verb, 为 dropped.)
        std::string_view to = text::ends_with_any(q.label, vocab.list("change_to"));
        if (to.empty() && text::ends_with(text::trim_right(p.substr(0, sn.begin)), "为")) to = "为";
        std::string_view verb = std::string_view(q.label).substr(0, q.label.size() - (to == "为" ? 0 : to.size()));
        if (!to.empty() && (!text::ends_with_any(verb, vocab.list("change_up")).empty() ||
             !text::ends_with_any(verb, vocab.list("change_down")).empty())) {
          std::string_view lead = p.substr(clause_start, prev_end - clause_start);
          size_t from = std::min(text::find(lead, "由"), text::find(lead, "从"));
          if (from != std::string_view::npos && from > 0) {
            std::string subject = clean_label(lead.substr(0, from), vocab);
            if (utf8::count_code_points(subject) >= 2) q.label = subject;
          }
        }
      }
      // "森林覆盖率提高到 43.87%", "城乡居民收入比缩小至 1.89" (no 由 A before): the new level of what the
      // words before the verb name — the verb and its 到 / 至 are no part of the name.
      if (std::string_view to = text::ends_with_any(q.label, vocab.list("change_to")); !to.empty() && to != "为") {
        std::string_view verb = std::string_view(q.label).substr(0, q.label.size() - to.size());
        std::string_view word = text::ends_with_any(verb, vocab.list("change_up"));
        if (word.empty()) word = text::ends_with_any(verb, vocab.list("change_down"));
        if (!word.empty() && utf8::count_code_points(verb.substr(0, verb.size() - word.size())) >= 2)
          q.label.resize(verb.size() - word.size());
      }
      q.metric = find_metric(q.label, vocab);
      // Scope: the nearest scope word in the clause, else in the sentence before the figure.
      // The clause up to the figure, and the noun right after it ("12 所中等职业学校").
      q.scope = scopes.find(clause_start, std::max<uint32_t>(sn.unit_end, clause_start));
      if (q.scope.empty() && (before.empty() || only_scope)) q.scope = scopes.find(sn.unit_end, after_end);
      if (q.scope.empty()) q.scope = scopes.find(sent_start, sn.begin);
      // "小学、初中在校生分别为 A 人和 B 人": each value of its own name, not of the words before it.
      if (const auto& r = respective[&sn - sr.numbers.data()]) {
        q.label = r->label;
        q.metric = find_metric(q.label, vocab);
        if (r->read) q.scope = !r->scope.empty() ? r->scope : scopes.find(sent_start, r->names_begin);
      }
      if (si != school_sentence) {
        school_sentence = si;
        std::string_view sentence = text::trim_left(p.substr(sent_start, sent_ends[si] - sent_start));
        // "东城职业中专与 8 家企业合作开展订单培养。该校在校生 2600 人": a sentence opening with the anaphor
        // goes on with the school of the sentence before.
        const bool anaphor = !text::starts_with_any(sentence, vocab.list("subject_anaphor")).empty();
        if (anaphor && school.empty() && si > 0) {
          uint32_t before = si >= 2 ? sent_ends[si - 2] : 0;  // the sentence before, read with this one
          school = school_subject(p.substr(before, sent_ends[si] - before), vocab);
        } else if (!anaphor || school.empty()) {
          school = school_subject(sentence, vocab);
        }
      }
      if (!school.empty()) q.scope = school;
      // "（三）国有资本经营预算" over "国有资本经营预算收入安排 3.45 亿元，…；支出安排 2.30 亿元": a heading
      // the paragraph's first figure is named after is the subject of its bare figures.
      if (&sn == &sr.numbers.front() && para.section >= 0 && section_scope[para.section].empty()) {
        const std::string& title = doc.sections[para.section].title;
        if (utf8::count_code_points(title) >= 3 && text::starts_with(q.label, title) && q.label.size() > title.size())
          lead_topic = title;
      }
      for (size_t k = lead_sentence == static_cast<size_t>(-1) ? 0 : lead_sentence + 1; k <= si; ++k) {
        uint32_t kb = k == 0 ? 0 : sent_ends[k - 1];
        std::string_view phrase = lead_in(p.substr(kb, sent_ends[k] - kb), vocab);
        lead_sentence = k;
        if (phrase.empty()) continue;
        lead_scope = scope_named(phrase, vocab);
        // A numbered heading run into its paragraph ("3. 教师结构。我市…") names the section's subject,
        // as a heading on its own line does: its scope counts, its words do not set figures apart
        // (a summary's figure restated in a section is still the same figure).
        bool heading = k == 0 && para.section >= 0 && doc.sections[para.section].line == para.first_line;
        lead_topic = heading ? std::string() : std::string(phrase);
      }
      if (q.scope.empty()) q.scope = lead_scope;
      if (!text::contains(q.label, lead_topic)) q.topic = lead_topic;
      if (q.scope.empty() && para.section >= 0) q.scope = section_school[para.section];
      if (q.scope.empty() && para.section >= 0) q.scope = section_scope[para.section];
      if (in_case) q.scope = case_scope;
      prev_end = sn.unit_end;
      ex.quantities.push_back(std::move(q));
    }
    sentence_counter += static_cast<int>(sent_ends.size());
    clause_counter += static_cast<int>(clause_ends.size());
  }
  // Years: a figure takes the nearest year named before it in its sentence, else in its paragraph.
  // Years are recorded paragraph by paragraph, in order: find each paragraph's range once.
  std::vector<std::pair<size_t, size_t>> year_range(doc.paragraphs.size(), {0, 0});
  for (size_t i = 0; i < ex.years.size(); ++i) {
    auto& r = year_range[ex.years[i].paragraph];
    if (r.first == r.second) r.first = i;
    r.second = i + 1;
  }
  for (auto& q : ex.quantities) {
    const auto& ends = ex.sentence_ends[q.paragraph];
    size_t si = std::upper_bound(ends.begin(), ends.end(), q.para_begin) - ends.begin();
    uint32_t sent_start = si == 0 ? 0 : ends[si - 1];
    int best = 0;
    auto [yb, ye] = year_range[q.paragraph];
    for (size_t i = yb; i < ye; ++i) {
      const auto& y = ex.years[i];
      std::string_view pt = doc.paragraphs[q.paragraph].text;
      std::string_view lead = text::trim_right(pt.substr(0, y.para_offset));
      if (text::ends_with(lead, "较") || text::ends_with(lead, "比") || text::ends_with(lead, "同比")) continue;
      // "与 2020 年（的 A）相比": the period compared with, not the figures' own.
      if (!text::ends_with_any(lead, vocab.list("comparison_frame_open")).empty()) {
        std::string_view rest = pt.substr(y.para_offset, 120);
        size_t end = std::min({text::find(rest, "，"), text::find(rest, "。"), text::find(rest, "；"), rest.size()});
        if (text::contains_any(rest.substr(0, end), vocab.list("comparison_frame_close"))) continue;
      }
      if (y.para_offset < q.para_begin && y.para_offset >= sent_start) best = y.year;
    }
    q.year = best;
  }

  // Table cells: each cell's figures, labelled by row and column headers.
  for (size_t ti = 0; ti < doc.tables.size(); ++ti) {
    const Table& t = doc.tables[ti];
    bool in_case = doc.in_case(t.first_line);
    for (size_t r = static_cast<size_t>(t.header_rows); r < t.rows.size(); ++r) {
      const auto& row = t.rows[r];
      const RowInfo& ri = t.info[r];
      for (const auto& c : row) {
        if (c.col == t.index_column || c.col == t.unit_column) continue;
        std::string_view ct = src.slice(c.span);
        // A year alone in a cell (a row or column of years) is a label, not a figure.
        if (year_label(ct) && (c.col == 0 || c.col == t.index_column + 1)) continue;
        // "213 农林水支出": a budget subject's code and name, not a figure.
        if (!leading_subject_code(ct).empty()) continue;
        ScanResult sr = scan_numbers(ct, vocab);
        for (auto& sn : sr.numbers) {
          Quantity q = std::move(sn.q);
          q.span = {c.span.begin + sn.begin, c.span.begin + sn.end};
          if (sr.numbers.size() == 1) {
            size_t sign = minus_sign_before(ct, sn.begin);
            if (sign) {
              q.negative = true;
              q.span.begin -= static_cast<uint32_t>(sign);
            }
          }
          q.text = std::string(src.slice(q.span));
          q.line = src.line_of(q.span.begin);
          q.table = static_cast<int>(ti);
          q.row = static_cast<int>(r);
          q.col = c.col;
          q.row_label = clean_label(ri.label, vocab);
          if (t.header_rows > 0 && c.col < static_cast<int>(t.rows[0].size()))
            q.col_label = clean_label(src.slice(t.rows[0][c.col].span), vocab);
          // The unit: written in the cell, else the row's 单位 cell, else the column header's "（人）". A
          // column headed in % ("比上年增长（%）", "占比（%）") holds rates whatever the row's 单位 (亿元, 张)
          // says: the 单位 cell names the unit of the row's amounts.
          const std::string& col_unit = t.col_units[c.col];
          bool col_percent = col_unit == "%" || col_unit == "％";
          std::string unit = !q.unit.empty()                   ? q.unit
                             : col_percent || ri.unit.empty() ? col_unit
                                                              : ri.unit;
          // Last, the unit declared for the whole table ("单位：万元"), for a column without one of its
          // own: not a 样本数 column, a change column, or a column or row of rates, ratios and averages
          // ("完成预算%", "增长率", "人均…": measured otherwise than the table's amounts).
          const ColumnInfo& col = t.cols[c.col];
          // A change column takes it when the unit line names % apart ("单位：万人、%"): the rates are the
          // % ones, the amounts of change are in 万人 as the levels are.
          bool amount_change = col.change && t.percent_declared && !col.growth_rate;
          if (unit.empty() && !t.unit.empty() && (!col.change || amount_change) && !col.sample && !col.not_summed &&
              !text::contains_any(ri.label, vocab.list("table_not_summed")))
            unit = t.unit;
          // A 样本数 / 调查人次 column counts respondents whatever the row's 单位 says: the 单位 cell
          // applies to the value columns only.
          if (q.unit.empty() && text::contains_any(q.col_label, vocab.list("sample_column")))
            unit = t.col_units[c.col].empty() ? "人次" : t.col_units[c.col];
          if (q.unit.empty() && !unit.empty() && q.kind == QuantityKind::Number) {
            if (unit == "%" || unit == "％") {
              q.kind = QuantityKind::Percent;
              q.unit = "%";
              q.dimension = "percent";
            } else {
              std::string u = unit;
              if (auto m = vocab.multiplier_at(u); m.length > 0 && u.size() > m.length) {
                q.multiplier = m.factor;
                q.value = q.printed * Rational(m.factor);
                u = u.substr(m.length);
              }
              if (const UnitDef* def = vocab.unit(u)) {
                q.unit = def->word;
                q.dimension = def->dimension;
                q.multiplier *= def->factor;
                q.value = q.printed * Rational(q.multiplier);
              }
            }
          }
          bool year_col = t.col_years[c.col] != 0;
          q.label = year_col || q.row_label.size() ? q.row_label : q.col_label;
          if (q.label.empty()) q.label = q.col_label;
          // A transposed indicator table ("指标 | 地区生产总值 | 第一产业", rows 绝对数 and 增速（%）): a row that
          // only says how the value is given leaves the column to name what is measured.
          if (!year_col && !q.col_label.empty() && c.col < static_cast<int>(t.cols.size()) && !t.cols[c.col].change &&
              !t.cols[c.col].label) {
            if (vocab.list("table_value_rows").is_word(text::before_parenthesis(q.row_label))) q.label = q.col_label;
          }
          q.metric = find_metric(q.label, vocab);
          if (q.metric.empty() && !year_col) {
            // "在校生（人）": the measure without its unit
            q.metric = find_metric(text::before_parenthesis(q.col_label), vocab);
          }
          q.year = t.col_years[c.col];
          // A row of a year table: "2025	54744	156443 …" (the first cell names the year).
          if (!q.year && !row.empty()) q.year = year_label(src.slice(row[0].span));
          q.scope = scope_in(q.row_label + "|" + q.col_label, vocab);
          // A 合计 row totals what the caption says the table lists ("全县中职学校在校生情况").
          if (q.scope.empty() && t.info[r].total && t.caption_line > 0)
            q.scope = scope_in(src.line_text(t.caption_line), vocab);
          if (in_case) q.scope = "school:table";
          q.in_case = in_case;
          ex.quantities.push_back(std::move(q));
        }
      }
    }
  }
  for (size_t i = 0; i < ex.quantities.size(); ++i) ex.quantities[i].id = static_cast<int>(i);
  return ex;
}

}  // namespace tally
