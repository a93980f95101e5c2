#include "facts/fact_base.h"

#include <algorithm>

#include "base/text.h"

namespace tally {

std::string_view FactBase::between(int paragraph, uint32_t b, uint32_t e) const {
  std::string_view p = para_text(paragraph);
  if (b > e || e > p.size()) return {};
  return p.substr(b, e - b);
}

uint32_t FactBase::sentence_start(int paragraph, uint32_t offset) const {
  const auto& ends = ex.sentence_ends[paragraph];
  size_t si = std::upper_bound(ends.begin(), ends.end(), offset) - ends.begin();
  return si == 0 ? 0 : ends[si - 1];
}

uint32_t FactBase::sentence_end(int paragraph, uint32_t offset) const {
  const auto& ends = ex.sentence_ends[paragraph];
  size_t si = std::upper_bound(ends.begin(), ends.end(), offset) - ends.begin();
  return si < ends.size() ? ends[si] : static_cast<uint32_t>(para_text(paragraph).size());
}

bool FactBase::base_of_rate(const Quantity& q) const {
  if (q.paragraph < 0) return false;
  std::string_view after = para_text(q.paragraph).substr(q.unit_end);
  if (!text::starts_with(after, "的")) return false;
  after.remove_prefix(std::string_view("的").size());
  // "占全省总额 8620.5 亿元的比重为 16.5%": the share said in full.
  for (std::string_view w : {"比重", "比例"})
    if (text::starts_with(after, w)) {
      after.remove_prefix(w.size());
      for (std::string_view verb : {"为", "是", "达"})
        if (text::starts_with(after, verb)) after.remove_prefix(verb.size());
      break;
    }
  after = text::trim(after);
  return !after.empty() && after[0] >= '0' && after[0] <= '9';
}

std::vector<int> FactBase::sentence_before(const Quantity& q, size_t most) const {
  if (q.paragraph < 0) return {};
  const std::vector<int>& ids = by_paragraph[q.paragraph];
  auto at = std::lower_bound(ids.begin(), ids.end(), q.para_begin,
                             [&](int id, uint32_t offset) { return this->q(id).para_begin < offset; });
  auto first = at;
  while (first != ids.begin() && static_cast<size_t>(at - first) < most && this->q(*(first - 1)).sentence == q.sentence)
    --first;
  return std::vector<int>(first, at);
}

namespace {

// 中职 is the report's own scope unless the report speaks more of the general school levels
// (幼儿园, 小学, 初中 … — the school_levels list — and 普通高中) than of 中职: then it reports on all
// levels, 中职 one of them.
std::string own_scope_of(const Extraction& ex, const Vocabulary& vocab) {
  const WordList& levels = vocab.list("school_levels");
  int vocational = 0, general = 0;
  for (const auto& q : ex.quantities) {
    if (q.scope == "secondary") ++vocational;
    else if (levels.is_word(q.scope) || q.scope == "general-high-school") ++general;
  }
  return general > vocational ? std::string() : std::string("secondary");
}

}  // namespace

FactBase build_fact_base(const SourceText& src, const Vocabulary& vocab) {
  FactBase fb;
  fb.source = &src;
  fb.vocab = &vocab;
  fb.doc = build_document(src, vocab);
  fb.ex = extract(fb.doc, vocab);
  fb.own_scope = own_scope_of(fb.ex, vocab);
  fb.by_paragraph.resize(fb.doc.paragraphs.size());
  fb.by_table.resize(fb.doc.tables.size());
  for (size_t t = 0; t < fb.doc.tables.size(); ++t) {
    const Table& tab = fb.doc.tables[t];
    fb.table_starting_at.try_emplace(tab.caption_line ? tab.caption_line : tab.first_line, static_cast<int>(t));
    fb.captions.push_back(tab.caption_line >= 1 && tab.caption_line <= static_cast<int>(fb.doc.lines.size())
                              ? read_caption(src.slice(fb.doc.lines[tab.caption_line - 1].span), vocab)
                              : Caption{});
  }
  for (const auto& q : fb.ex.quantities) {
    if (q.paragraph >= 0) fb.by_paragraph[q.paragraph].push_back(q.id);
    if (q.table >= 0 && q.table < static_cast<int>(fb.by_table.size())) fb.by_table[q.table].push_back(q.id);
    if (!q.metric.empty()) fb.by_metric[q.metric].push_back(q.id);
  }
  return fb;
}

}  // namespace tally
