#include "vocab/vocabulary.h"

#include <algorithm>

namespace tally {

const std::vector<std::string>& Vocabulary::list_keys() {
  static const std::vector<std::string> keys(std::begin(kListKeys), std::end(kListKeys));
  return keys;
}

std::string_view Vocabulary::stop_prefix(std::string_view s, ListKey key) const {
  std::string_view w = list(key).prefix_of(s);
  if (w.empty() || list("stop_led_words").prefix_of(s).size() > w.size()) return {};
  return w;
}

const UnitDef* Vocabulary::unit(std::string_view word) const {
  auto it = unit_index.find(word);
  return it == unit_index.end() ? nullptr : &units[it->second];
}

const UnitDef* Vocabulary::unit_at(std::string_view s) const {
  std::string_view w = unit_words.prefix_of(s);
  return w.empty() ? nullptr : unit(w);
}

Vocabulary::MultiplierMatch Vocabulary::multiplier_at(std::string_view s) const {
  std::string_view w = multiplier_words.prefix_of(s);
  if (w.empty()) return {};
  auto it = multipliers.find(std::string(w));
  return it == multipliers.end() ? MultiplierMatch{} : MultiplierMatch{w.size(), it->second};
}

void Vocabulary::merge(const Vocabulary& pv) {
  units.insert(units.end(), pv.units.begin(), pv.units.end());
  for (const auto& [k, m] : pv.multipliers) multipliers[k] = m;
  for (const auto& [k, list] : pv.words) words[k].insert(words[k].end(), list.begin(), list.end());
  for (const auto& m : pv.metrics) {
    auto it = std::find_if(metrics.begin(), metrics.end(), [&](const Metric& e) { return e.id == m.id; });
    if (it == metrics.end()) {
      metrics.push_back(m);
    } else {
      it->aliases.insert(it->aliases.end(), m.aliases.begin(), m.aliases.end());
      it->repeat = it->repeat || m.repeat;
    }
  }
  partitions.insert(partitions.end(), pv.partitions.begin(), pv.partitions.end());
  formulas.insert(formulas.end(), pv.formulas.begin(), pv.formulas.end());
  scopes.insert(scopes.end(), pv.scopes.begin(), pv.scopes.end());
}

void Vocabulary::finalize() {
  auto longer = [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  };
  std::stable_sort(units.begin(), units.end(),
                   [](const UnitDef& a, const UnitDef& b) { return a.word.size() > b.word.size(); });
  for (auto& [k, v] : words) {
    std::sort(v.begin(), v.end(), longer);
    v.erase(std::unique(v.begin(), v.end()), v.end());
  }
  for (auto& m : metrics) std::sort(m.aliases.begin(), m.aliases.end(), longer);
  // WordList::finalize's order (longest first, duplicates removed) made here, so that each list is indexed
  // once, by its constructor, instead of once by the constructor and again by finalize().
  auto indexed = [&](std::vector<std::string> w) {
    std::sort(w.begin(), w.end(), longer);
    w.erase(std::unique(w.begin(), w.end()), w.end());
    return WordList(std::move(w));
  };
  std::vector<std::string> uw;
  unit_index.clear();
  for (size_t i = 0; i < units.size(); ++i) {
    uw.push_back(units[i].word);
    unit_index.emplace(units[i].word, i);  // the first definition of a word wins, as before
  }
  unit_words = indexed(std::move(uw));
  std::vector<std::string> mw;
  for (const auto& [w, factor] : multipliers) mw.push_back(w);
  multiplier_words = indexed(std::move(mw));
  std::vector<std::string> aliases;
  alias_metric.clear();
  for (const auto& m : metrics)
    for (const auto& a : m.aliases) {
      aliases.push_back(a);
      alias_metric.emplace(a, m.id);
    }
  std::vector<std::string> sw;
  scope_of_word.clear();
  for (const auto& sc : scopes)
    for (const auto& w : sc.words) {
      sw.push_back(w);
      scope_of_word.emplace(w, sc.id);
    }
  scope_words = indexed(std::move(sw));
  metric_aliases = indexed(std::move(aliases));
  // `words` is sorted and deduplicated above in WordList::finalize's own order, so the constructor's
  // index is final: a second finalize() would sort and index every list again (~1 M instructions a run).
  lists.assign(kListKeyCount, WordList());
  for (const auto& [k, v] : words)
    if (auto key = ListKey::named(k)) lists[key->index()] = WordList(v);
}

}  // namespace tally
