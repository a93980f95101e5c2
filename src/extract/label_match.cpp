#include "extract/label_match.h"

#include "base/text.h"

namespace tally {

std::string core_label(const std::string& label, const Vocabulary& vocab) {
  std::string_view s = label;
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    std::string_view w = text::starts_with_any(s, vocab.list("city_scope"));
    if (w.empty())
      for (const auto& sc : vocab.scopes) {
        std::string_view x = text::starts_with_any(s, sc.words);
        if (x.size() > w.size()) w = x;
      }
    if (w.empty()) w = text::starts_with_any(s, vocab.list("label_prefix_stop"));
    if (!w.empty() && w.size() < s.size()) {
      s.remove_prefix(w.size());
      changed = true;
    }
  }
  return std::string(s);
}

bool label_is(const Quantity& q, const std::vector<std::string>& words, const Vocabulary& vocab) {
  std::string core = core_label(q.label, vocab);
  for (const auto& w : words)
    if (core == w) return true;
  return false;
}

std::string exact_metric(const Quantity& q, const Vocabulary& vocab) {
  if (q.metric.empty()) return "";
  std::string core = core_label(q.label, vocab);
  for (const auto& m : vocab.metrics)
    if (m.id == q.metric)
      for (const auto& a : m.aliases)
        if (core == a) return m.id;
  return "";
}

}  // namespace tally
