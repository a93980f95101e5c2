// Vocabulary: the words tally needs to understand a report — units,
// multipliers, approximate markers, cue words, metric aliases, categories
// that partition a whole, scope words. It is data loaded from the rule packs
// (rules/*.yaml), merged across packs, so another language or report type
// needs no C++ change.
#pragma once
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <string>
#include <vector>

#include "base/word_list.h"
#include "vocab/list_keys.h"

namespace tally {

struct UnitDef {
  std::string word;       // "人次"
  std::string dimension;  // "person-times"
  bool counter = false;   // a measure word that counts items (所, 个, 项), usable after Chinese numerals
  // How many of its dimension's smallest unit one of it is (公顷 = 15 亩, 吨 = 1000 千克): figures in
  // two units of one dimension compare once converted. Folded into a figure's multiplier.
  int64_t factor = 1;
};

struct Metric {
  std::string id;                    // "full-time-teachers"
  std::vector<std::string> aliases;  // label variants: 专任教师, 专任教师总数, 校内专任教师
  bool repeat = false;               // a headline figure: repeats across sections must agree
  std::string dimension;             // expected unit dimension, if any
};

// Categories that split a whole completely (公办/民办; 一等奖/二等奖/三等奖).
struct Partition {
  std::string name;
  std::vector<std::string> members;  // category words
  std::vector<std::string> parents;  // words a total of these parts carries in its label (就业 for 三次产业)
  std::vector<std::string> abbreviations;  // the members written together: "第一、二、三产业"
  bool whole_named = false;  // the parts add up only to a whole named by a parent word (调整 = 新增 + 撤销)
};

// A rate, ratio or average the report names, computed from two figures it names too: 森林覆盖率 =
// 森林面积 ÷ 国土面积, 城乡居民收入比 = 城镇 ÷ 农村居民人均可支配收入, 平均班额 = 在校生 ÷ 教学班. The
// value is read in its own form: a percentage is the quotient × 100, "a:1" states a, "1:a" states per ÷ of.
struct Formula {
  std::vector<std::string> names;  // what the value's name ends with
  std::vector<std::string> of;     // the numerator's names, most specific first
  std::vector<std::string> per;    // the denominator's names, most specific first
  int64_t scale = 1;               // a rate per 10000 of the denominator (万车死亡率): of ÷ per × scale
};

struct ScopeDef {
  std::string id;                  // "vocational-all", "secondary", "general-high-school"
  std::vector<std::string> words;  // words that put a clause in that scope
  std::vector<std::string> parts;  // scopes that split this one ("upper-secondary": general + secondary)
};

// A word-list key. Written as a literal (`vocab.list("share")`) it becomes an index when the program
// is compiled, and a key no pack may use does not compile.
class ListKey {
 public:
  consteval ListKey(const char* name) : index_(find(name)) {  // NOLINT: a literal names its list
    if (index_ == kListKeyCount) throw "not a word-list key (vocab/list_keys.h)";  // stops the compile
  }
  // A key read at run time; nullopt when no pack may use it.
  static std::optional<ListKey> named(std::string_view name) {
    size_t i = find(name);
    return i == kListKeyCount ? std::nullopt : std::optional<ListKey>(ListKey(i));
  }
  size_t index() const { return index_; }

 private:
  explicit ListKey(size_t index) : index_(index) {}
  static constexpr size_t find(std::string_view name) {
    for (size_t i = 0; i < kListKeyCount; ++i)
      if (kListKeys[i] == name) return i;
    return kListKeyCount;
  }
  size_t index_;
};

struct Vocabulary {
  std::vector<UnitDef> units;                   // longest first after finalize()
  std::map<std::string, int64_t> multipliers;   // 万 → 10000, 万亿 → 10^12
  // Word lists, by key (see rules/README.md for each key's meaning).
  std::map<std::string, std::vector<std::string>> words;
  // Indexed copies of `words`, one per key in kListKeys' order, built by finalize(); list() reads these.
  std::vector<WordList> lists;
  WordList unit_words;                       // units, indexed (finalize)
  WordList multiplier_words;                 // the keys of `multipliers`, indexed (finalize)
  WordList metric_aliases;                   // every alias, indexed by last character (finalize)
  std::map<std::string, std::string, std::less<>> alias_metric;  // alias → metric id
  WordList scope_words;                                          // every scope word (finalize)
  std::map<std::string, std::string, std::less<>> scope_of_word;  // scope word → scope id
  std::vector<Metric> metrics;
  std::vector<Partition> partitions;
  std::vector<Formula> formulas;
  std::vector<ScopeDef> scopes;

  // An array index: list() is called ~19,000 times on one report, and a lookup by name was ~4% of it.
  const WordList& list(ListKey key) const {
    static const WordList empty;  // before finalize()
    return key.index() < lists.size() ? lists[key.index()] : empty;
  }
  std::map<std::string, size_t, std::less<>> unit_index;  // unit word → index in units (finalize)
  const UnitDef* unit(std::string_view word) const;
  // The longest unit that s starts with, or null.
  const UnitDef* unit_at(std::string_view s) const;
  // The longest multiplier word that s starts with: "万亿元" is 万亿 (10^12), never 万 followed by
  // 亿; length 0 when there is none.
  struct MultiplierMatch {
    size_t length = 0;
    int64_t factor = 1;
  };
  MultiplierMatch multiplier_at(std::string_view s) const;
  // The word of list `key` (a stop word: 其中, 达, 有) that s starts with, for stripping; empty when there
  // is none, or when a longer word of stop_led_words starts s there — "达成就业意向" opens with the verb
  // 达成, not with the stop word 达.
  std::string_view stop_prefix(std::string_view s, ListKey key) const;
  // Sorts lists so longer words match first; call after merging packs.
  // Adds another pack's vocabulary: lists are appended, a metric named again gains the new aliases.
  void merge(const Vocabulary& other);
  void finalize();
  // Every word-list key a pack may use.
  static const std::vector<std::string>& list_keys();
};

}  // namespace tally
