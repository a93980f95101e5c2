// Vocabulary: the words tally needs to understand a report — units,
// multipliers, approximate markers, cue words, metric aliases, categories
// that partition a whole, scope words. It is data loaded from the rule packs
// (rules/*.yaml), merged across packs, so another language or report type
// needs no C++ change.
#pragma once
#include <cstdint>
#include <cstring>
#include <map>
#include <unordered_map>
#include <string>
#include <vector>

#include "base/word_list.h"

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

struct ScopeDef {
  std::string id;                  // "vocational-all", "secondary", "general-high-school"
  std::vector<std::string> words;  // words that put a clause in that scope
  std::vector<std::string> parts;  // scopes that split this one ("upper-secondary": general + secondary)
};

struct Vocabulary {
  std::vector<UnitDef> units;                   // longest first after finalize()
  std::map<std::string, int64_t> multipliers;   // 万 → 10000, 万亿 → 10^12
  // Word lists, by key (see rules/README.md for each key's meaning).
  std::map<std::string, std::vector<std::string>> words;
  // Indexed copies of `words`, built by finalize(); list() reads these.
  // Hashed: list() is called for every figure by name, and a tree of ~100 names compared byte by byte
  // cost about a tenth of a report's check.
  struct NameHash {
    using is_transparent = void;
    // A few word loads instead of hashing every byte: the keys are ~100 distinct snake_case names, and
    // std::hash over the whole name was ~3% of a folder's run.
    size_t operator()(std::string_view s) const {
      uint64_t head = 0, tail = 0;
      size_t n = s.size();
      if (n) std::memcpy(&head, s.data(), n < 8 ? n : 8);
      if (n > 8) std::memcpy(&tail, s.data() + n - 8, 8);
      return static_cast<size_t>((head * 0x9E3779B97F4A7C15ull) ^ (tail * 0xC2B2AE3D27D4EB4Full) ^ n);
    }
  };
  std::unordered_map<std::string, WordList, NameHash, std::equal_to<>> indexed;
  WordList unit_words;                       // units, indexed (finalize)
  WordList metric_aliases;                   // every alias, indexed by last character (finalize)
  std::map<std::string, std::string, std::less<>> alias_metric;  // alias → metric id
  WordList scope_words;                                          // every scope word (finalize)
  std::map<std::string, std::string, std::less<>> scope_of_word;  // scope word → scope id
  std::vector<Metric> metrics;
  std::vector<Partition> partitions;
  std::vector<ScopeDef> scopes;

  const WordList& list(std::string_view key) const;
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
  // Sorts lists so longer words match first; call after merging packs.
  // Adds another pack's vocabulary: lists are appended, a metric named again gains the new aliases.
  void merge(const Vocabulary& other);
  void finalize();
  // Every word-list key a pack may use.
  static const std::vector<std::string>& list_keys();
};

}  // namespace tally
