// WordList: a list of words with an index by first and last character, so
// "does this text start (or end) with one of these words?" compares only the
// few words that can match. Iterates like the plain list it wraps.
#pragma once
#include <algorithm>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tally {

class WordList {
 public:
  WordList() = default;
  WordList(std::vector<std::string> words) : words_(std::move(words)) { reindex(); }  // NOLINT: a list is a list

  // Longest words first, duplicates removed, then indexed.
  void finalize();
  void add(const std::vector<std::string>& more);

  // The longest word s starts (ends) with, or "".
  std::string_view prefix_of(std::string_view s) const;
  std::string_view suffix_of(std::string_view s) const;
  bool found_in(std::string_view s) const;
  // Whether s is one of the words, exactly (not a longer text that starts with one).
  bool is_word(std::string_view s) const { return !s.empty() && prefix_of(s).size() == s.size(); }
  // Calls f(word) for every word s starts with, longest first.
  template <typename F>
  void each_prefix(std::string_view s, F f) const {
    uint32_t key = first_key_of(s);
    if (!first_bits_[key % kFilterBits]) return;  // most characters start no word: skip the search
    for (auto it = first(by_first_, key); it != by_first_.end() && it->first == key; ++it) {
      const std::string& w = words_[it->second];
      if (s.size() >= w.size() && s.compare(0, w.size(), w) == 0) f(std::string_view(w));
    }
  }
  static uint32_t first_key_of(std::string_view s);

  auto begin() const { return words_.begin(); }
  auto end() const { return words_.end(); }
  size_t size() const { return words_.size(); }
  bool empty() const { return words_.empty(); }
  const std::vector<std::string>& words() const { return words_; }
  operator const std::vector<std::string>&() const { return words_; }  // NOLINT: usable as its list

 private:
  void reindex();
  std::vector<std::string> words_;
  // (key, word index) sorted: the key is the word's first (last) UTF-8 sequence, and a key's words keep the
  // list's order (longest first). One flat array each, not a hash of small vectors: a vocabulary holds a
  // few hundred lists, and building and freeing their maps was a visible part of every run's start.
  using Index = std::vector<std::pair<uint32_t, uint32_t>>;
  static Index::const_iterator first(const Index& index, uint32_t key) {
    return std::lower_bound(index.begin(), index.end(), std::make_pair(key, uint32_t{0}));
  }
  Index by_first_, by_last_;
  // Low bits of the keys present, a cheap pre-filter. Small, because every WordList carries two and the
  // vocabulary holds many: at 65,536 bits the copies and page faults cost each run ~2 ms at start-up.
  static constexpr uint32_t kFilterBits = 4096;
  std::bitset<kFilterBits> first_bits_, last_bits_;
  // A word that is empty, or whose first character is cut short or starts mid-sequence, would escape the
  // index: found_in() then falls back to searching for each word.
  bool irregular_ = false;
};

}  // namespace tally
