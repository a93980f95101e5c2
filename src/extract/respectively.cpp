#include "extract/respectively.h"

#include "base/text.h"
#include "base/utf8.h"
#include "extract/extractor.h"

namespace tally {

namespace {

// Where the names before a cue start: after the last ，。；：or bracket before it ("、" and "和" join
// the names themselves).
size_t names_start(std::string_view p, size_t cue) {
  size_t i = cue;
  while (i > 0) {
    size_t k = i;
    char32_t c = utf8::prev(p, k);
    switch (c) {
      case U'，': case ',': case U'。': case U'；': case ';': case U'：': case ':': case U'！': case U'？':
      case '!': case '?': case U'（': case '(': case U'）': case ')': case '\n': case '\t':
        return i;
      default:
        i = k;
    }
  }
  return 0;
}

// Where the sentence holding `at` starts (after 。！？ or ；): a later 分别为 without names of its own
// takes the names of an earlier one there.
size_t sentence_start(std::string_view p, size_t at) {
  size_t i = at;
  while (i > 0) {
    size_t k = i;
    char32_t c = utf8::prev(p, k);
    if (c == U'。' || c == U'！' || c == U'？' || c == '!' || c == '?' || c == U'；' || c == ';') return i;
    i = k;
  }
  return 0;
}

// The figures right after a cue: the first touching it, the next ones parted from the one before only
// by 、 or a conjunction ("27,935 人和 13,351 人"). Indices into `numbers`.
std::vector<size_t> value_run(std::string_view p, const std::vector<ScannedNumber>& numbers, size_t cue_end,
                              const Vocabulary& vocab) {
  std::vector<size_t> run;
  size_t from = cue_end;
  for (size_t k = 0; k < numbers.size(); ++k) {
    if (numbers[k].begin < from) continue;
    std::string_view gap = text::trim(p.substr(from, numbers[k].begin - from));
    bool joined = run.empty() ? gap.empty() : (gap == "、" || vocab.list("list_and").is_word(gap));
    if (!joined) break;
    run.push_back(k);
    from = numbers[k].unit_end;
  }
  return run;
}

// The names of a list: parted by 、, the last two by a conjunction ("小学、初中和高中", "小学和初中").
std::vector<std::string_view> split_names(std::string_view s, const Vocabulary& vocab) {
  std::vector<std::string_view> items;
  for (size_t b = 0;;) {
    size_t e = text::find(s, "、", b);
    items.push_back(text::trim(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b)));
    if (e == std::string_view::npos) break;
    b = e + 3;
  }
  std::string_view last = items.back();
  for (const auto& conj : vocab.list("list_and")) {
    size_t at = text::find(last, conj);
    if (at == std::string_view::npos || at == 0 || at + conj.size() >= last.size()) continue;
    items.back() = text::trim(last.substr(0, at));
    items.push_back(text::trim(last.substr(at + conj.size())));
    break;
  }
  return items;
}

// The measure the names share, written once after the last of them: "在校生" of "初中在校生" — the
// metric it ends with, else what follows its last scope word ("巩固率" of "初中巩固率"); "" when none.
std::string shared_measure(const std::string& last, const Vocabulary& vocab) {
  std::string_view alias = vocab.metric_aliases.suffix_of(last);
  if (!alias.empty()) return std::string(alias);
  size_t end = std::string::npos;
  for (size_t i = 0; i < last.size(); i += utf8::seq_len(static_cast<unsigned char>(last[i]))) {
    std::string_view w = vocab.scope_words.prefix_of(std::string_view(last).substr(i));
    if (!w.empty()) end = i + w.size();
  }
  return end == std::string::npos ? std::string() : last.substr(end);
}

// "第一、二、三产业": a list abbreviated to its ordinals shares the words around them, which split_names
// cannot give each name; such a list is left to the readings that know it (a partition's abbreviation).
bool abbreviated(const std::vector<std::string_view>& items) {
  for (size_t i = 1; i < items.size(); ++i) {
    bool numeral = !items[i].empty();
    for (size_t k = 0; k < items[i].size() && numeral;) numeral = text::is_cn_numeral(utf8::next(items[i], k));
    if (numeral) return true;
  }
  return false;
}

struct Names {
  size_t sentence = static_cast<size_t>(-1);  // the sentence they were read in
  std::vector<std::string> scopes;
};

}  // namespace

std::vector<std::optional<RespectiveValue>> respective_values(
    std::string_view p, const std::vector<ScannedNumber>& numbers, const Vocabulary& vocab,
    const std::function<std::string(std::string_view)>& scope_of) {
  std::vector<std::optional<RespectiveValue>> out(numbers.size());
  Names earlier;
  const WordList& cues = vocab.list("respectively");
  for (size_t at = 0; at < p.size();) {
    std::string_view cue = cues.prefix_of(p.substr(at));
    std::vector<size_t> run;
    if (!cue.empty()) run = value_run(p, numbers, at + cue.size(), vocab);
    if (run.size() < 2) {
      at += cue.empty() ? utf8::seq_len(static_cast<unsigned char>(p[at])) : cue.size();
      continue;
    }
    size_t nb = names_start(p, at), sentence = sentence_start(p, at);
    std::string_view subject = p.substr(nb, at - nb);
    std::vector<std::string_view> items = split_names(subject, vocab);
    if (abbreviated(items)) {
      at = numbers[run.back()].unit_end;
      continue;
    }
    std::vector<RespectiveValue> values(run.size());
    for (auto& v : values) v.names_begin = static_cast<uint32_t>(nb);
    if (items.size() == run.size()) {
      // One name for each value: its own words, the measure written after the last name added.
      std::string measure = shared_measure(clean_label(items.back(), vocab), vocab);
      // "企业、研究机构、高等学校R&D经费所占比重分别为…": where the last name ends and the measure begins
      // is not known, and a name alone ("研究机构") would meet any figure of that name, whatever it
      // measures — such a list gives its values no names.
      bool all_metrics = true;
      for (const auto& item : items) all_metrics = all_metrics && !find_metric(clean_label(item, vocab), vocab).empty();
      if (measure.empty() && !all_metrics) {
        at = numbers[run.back()].unit_end;
        continue;
      }
      earlier = {sentence, {}};
      std::string carried;  // "中职在校生、专任教师": a scope word of an earlier name carries to the next
      for (size_t i = 0; i < items.size(); ++i) {
        std::string name = clean_label(items[i], vocab);
        bool own = !find_metric(name, vocab).empty() || measure.empty() || text::ends_with(name, measure);
        values[i] = {true, own ? name : name + measure, scope_of(items[i]), values[i].names_begin};
        if (values[i].scope.empty()) values[i].scope = carried;
        carried = values[i].scope;
        earlier.scopes.push_back(values[i].scope);
      }
    } else if (items.size() == 1 && earlier.sentence == sentence && earlier.scopes.size() == run.size() &&
               scope_of(subject).empty()) {
      // "…，专任教师分别为 A 人和 B 人": the names of the sentence's earlier list, in its order.
      std::string name = clean_label(subject, vocab);
      for (size_t i = 0; i < run.size(); ++i) values[i] = {true, name, earlier.scopes[i], values[i].names_begin};
    }
    for (size_t i = 0; i < run.size(); ++i) out[run[i]] = values[i];
    at = numbers[run.back()].unit_end;  // on past the run
  }
  return out;
}

}  // namespace tally
