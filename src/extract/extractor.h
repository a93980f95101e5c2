// Extractor: every quantity in a document's prose and tables, with the label
// it measures, its metric (through the packs' aliases), scope and year.
#pragma once
#include <vector>

#include "document/document.h"
#include "extract/quantity.h"
#include "vocab/vocabulary.h"

namespace tally {

struct Extraction {
  std::vector<Quantity> quantities;  // in source order within prose, then tables
  std::vector<YearMention> years;
  // For each paragraph, the sentence boundaries (offsets in its joined text where a sentence ends).
  std::vector<std::vector<uint32_t>> sentence_ends;
};

Extraction extract(const Document& doc, const Vocabulary& vocab);

// Resolves a label to a metric id ("" if none): the longest alias the label ends with.
std::string find_metric(std::string_view label, const Vocabulary& vocab);
// Strips cue words and scope words from a raw label.
std::string clean_label(std::string_view raw, const Vocabulary& vocab);

}  // namespace tally
