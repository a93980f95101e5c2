#include "base/word_list.h"

#include <algorithm>

#include "base/text.h"
#include "base/utf8.h"

namespace tally {

namespace {

// The bytes of the first (last) UTF-8 sequence packed into an integer.
uint32_t first_key(std::string_view s) {
  if (s.empty()) return 0;
  int n = utf8::seq_len(static_cast<unsigned char>(s[0]));
  uint32_t k = 0;
  for (int i = 0; i < n && i < static_cast<int>(s.size()); ++i) k = (k << 8) | static_cast<unsigned char>(s[i]);
  return k;
}

uint32_t last_key(std::string_view s) {
  if (s.empty()) return 0;
  size_t i = s.size();
  utf8::prev(s, i);
  return first_key(s.substr(i));
}

}  // namespace

uint32_t WordList::first_key_of(std::string_view s) { return first_key(s); }

void WordList::finalize() {
  std::sort(words_.begin(), words_.end(),
            [](const std::string& a, const std::string& b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
  words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
  reindex();
}

void WordList::add(const std::vector<std::string>& more) {
  words_.insert(words_.end(), more.begin(), more.end());
  reindex();
}

void WordList::reindex() {
  by_first_.clear();
  by_last_.clear();
  first_bits_.reset();
  last_bits_.reset();
  irregular_ = false;
  by_first_.reserve(words_.size());
  by_last_.reserve(words_.size());
  for (uint32_t i = 0; i < words_.size(); ++i) {
    const std::string& w = words_[i];
    auto lead = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
    if (w.empty() || (lead & 0xC0) == 0x80 || static_cast<int>(w.size()) < utf8::seq_len(lead)) irregular_ = true;
    if (words_[i].empty()) continue;
    by_first_.emplace_back(first_key(words_[i]), i);
    by_last_.emplace_back(last_key(words_[i]), i);
    first_bits_.set(first_key(words_[i]) % kFilterBits);
    last_bits_.set(last_key(words_[i]) % kFilterBits);
  }
  std::sort(by_first_.begin(), by_first_.end());  // by key, then by index: the list's order within a key
  std::sort(by_last_.begin(), by_last_.end());
}

std::string_view WordList::prefix_of(std::string_view s) const {
  uint32_t key = first_key(s);
  if (!first_bits_[key % kFilterBits]) return {};
  for (auto it = first(by_first_, key); it != by_first_.end() && it->first == key; ++it) {
    const std::string& w = words_[it->second];
    if (s.size() >= w.size() && s.compare(0, w.size(), w) == 0) return w;
  }
  return {};
}

std::string_view WordList::suffix_of(std::string_view s) const {
  uint32_t key = last_key(s);
  if (!last_bits_[key % kFilterBits]) return {};
  for (auto it = first(by_last_, key); it != by_last_.end() && it->first == key; ++it) {
    const std::string& w = words_[it->second];
    if (s.size() >= w.size() && s.compare(s.size() - w.size(), w.size(), w) == 0) return w;
  }
  return {};
}

bool WordList::found_in(std::string_view s) const {
  // A short list: one search per word. A longer one: one pass over s, looking up at each character only
  // the words that start with it (a search per word over Chinese text stops at every 0xE? byte).
  if (irregular_ || words_.size() <= 2) {
    for (const auto& w : words_)
      if (text::contains(s, w)) return true;
    return false;
  }
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;  // no word starts mid-character
    if (!prefix_of(s.substr(i)).empty()) return true;
  }
  return false;
}

}  // namespace tally
