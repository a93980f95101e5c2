// A rule's summary and explanation in the reader's language: English from its pack, other languages
// from the message catalogue (`rule.<id>.summary`, `rule.<id>.explanation`), English when missing.
#pragma once
#include <string>

#include "diag/messages.h"
#include "rules/rule_info.h"

namespace tally {

inline std::string rule_summary(const RuleInfo& r, const Catalogue& c, Lang l) {
  auto s = l == Lang::En ? std::nullopt : c.find("rule." + r.id + ".summary", l);
  return s ? std::string(*s) : r.summary;
}

inline std::string rule_explanation(const RuleInfo& r, const Catalogue& c, Lang l) {
  auto s = l == Lang::En ? std::nullopt : c.find("rule." + r.id + ".explanation", l);
  return s ? std::string(*s) : r.explanation;
}

}  // namespace tally
