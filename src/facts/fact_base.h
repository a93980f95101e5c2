// FactBase: the report as one body of evidence — the document and its
// quantities indexed by paragraph, sentence and metric. The relations stage
// (src/relations/) types its figures and finds how they relate.
#pragma once
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "document/document.h"
#include "extract/extractor.h"
#include "facts/caption.h"
#include "vocab/vocabulary.h"

namespace tally {

struct FactBase {
  const SourceText* source = nullptr;
  Document doc;
  Extraction ex;
  const Vocabulary* vocab = nullptr;
  std::vector<std::vector<int>> by_paragraph;  // quantity ids per paragraph, in order
  std::vector<std::vector<int>> by_table;      // quantity ids (cells) per table, in order
  // The first table (lowest index) that starts at each line: its caption line, else its first row.
  std::unordered_map<int, int> table_starting_at;
  std::map<std::string, std::vector<int>> by_metric;
  std::vector<Caption> captions;  // per table; empty for a table without a caption

  const Quantity& q(int id) const { return ex.quantities[id]; }
  std::string_view para_text(int paragraph) const { return doc.paragraphs[paragraph].text; }
  // Text of the paragraph between two offsets.
  std::string_view between(int paragraph, uint32_t b, uint32_t e) const;
  // Offset where the sentence holding `offset` starts.
  uint32_t sentence_start(int paragraph, uint32_t offset) const;
  uint32_t sentence_end(int paragraph, uint32_t offset) const;
  // The figures of q's sentence before q, nearest last: ids of by_paragraph[q.paragraph], at most
  // `most` of them (a bounded look-back keeps one long line linear).
  std::vector<int> sentence_before(const Quantity& q, size_t most = 64) const;
  // "为调整预算 86500 万元的 103.2%", "占全省 8620.5 亿元的比重为 16.5%": a figure followed by 的 and a
  // percentage is that rate's base, stated beside the amount its sentence is about — not the whole of a
  // list after it, nor the level a change after it compares.
  bool base_of_rate(const Quantity& q) const;
  // The scope, besides "", that is the report's own: 中职 ("secondary") in a vocational report, whose
  // figures are mostly 中职's; none in a report of all school levels (an education bulletin), where
  // 中职's figures are one level's among others (build_fact_base decides).
  std::string own_scope = "secondary";
  // The quantity's scope, "" when it is the report's own.
  std::string_view scope_of(const Quantity& q) const {
    return q.scope == own_scope ? std::string_view() : std::string_view(q.scope);
  }
  // Is the quantity's scope comparable with another's?
  bool same_scope(const Quantity& a, const Quantity& b) const { return scope_of(a) == scope_of(b); }
};

FactBase build_fact_base(const SourceText& src, const Vocabulary& vocab);

}  // namespace tally
