#include "base/suggest.h"

#include <algorithm>

#include "base/utf8.h"

namespace tally {

size_t edit_distance(std::string_view a8, std::string_view b8) {
  const std::u32string a = utf8::decode(a8), b = utf8::decode(b8);
  // Three rows suffice: the swap of neighbours looks two rows back.
  std::vector<size_t> two(b.size() + 1), one(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) one[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({one[j] + 1, cur[j - 1] + 1, one[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], two[j - 2] + 1);
    }
    std::swap(two, one);
    std::swap(one, cur);
  }
  return one[b.size()];
}

std::string nearest(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.empty()) return {};
  const size_t len = utf8::count_code_points(word);
  const size_t limit = std::max<size_t>(1, len / 3);
  std::string best;
  size_t best_d = limit + 1;
  for (const auto& c : candidates) {
    if (c == word) return c;
    size_t d = edit_distance(word, c);
    if (d < best_d) best_d = d, best = c;
  }
  if (!best.empty()) return best;
  // A prefix of two or more characters names the one candidate it starts (`tally che` → check).
  if (len < 2) return {};
  std::string only;
  for (const auto& c : candidates)
    if (c.size() > word.size() && c.compare(0, word.size(), word) == 0) {
      if (!only.empty()) return {};  // two commands start so: naming either would be a guess
      only = c;
    }
  return only;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string n = nearest(word, candidates);
  return n.empty() ? std::string() : " — did you mean '" + n + "'?";
}

Message suggestion(std::string_view word, const std::vector<std::string>& candidates) {
  std::string n = nearest(word, candidates);
  if (n.empty()) return Message(std::string());
  return Message("error.did_you_mean", {{"name", n}});
}

}  // namespace tally
