#include "config/diagnostic_cap.h"

#include <algorithm>

#include <fmt/format.h>

#include "diag/messages.h"

namespace tally {

namespace {

void cap_related(Diagnostic& d, Lang lang) {
  if (d.related.size() <= kMaxRelated) return;
  size_t left_out = d.related.size() - kMaxRelated;
  d.related.resize(kMaxRelated);
  d.notes.push_back(builtin_catalogue().render(
      Message(left_out == 1 ? "cap.related_one" : "cap.related", {{"count", std::to_string(left_out)}}), lang));
}

std::string count_phrase(int n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

void cap_findings(FileResult& result, size_t max, Lang lang) {
  auto& ds = result.diagnostics;
  for (auto& d : ds) cap_related(d, lang);
  if (max == 0 || ds.size() <= max) return;
  int errors = 0, warnings = 0, infos = 0;
  Severity worst = Severity::Info;
  for (size_t i = max; i < ds.size(); ++i) {
    Severity s = ds[i].severity;
    worst = std::max(worst, s);
    (s == Severity::Error ? errors : s == Severity::Warning ? warnings : infos)++;
  }
  Diagnostic summary;
  summary.rule = kTooManyFindingsRule;
  summary.severity = worst;
  summary.span = ds[max].span;
  const Catalogue& c = builtin_catalogue();
  summary.message = c.render(Message("cap.summary", {{"count", std::to_string(ds.size() - max)},
                                                     {"errors", count_phrase(errors, "error")},
                                                     {"warnings", count_phrase(warnings, "warning")},
                                                     {"infos", count_phrase(infos, "info")},
                                                     {"error_count", std::to_string(errors)},
                                                     {"warning_count", std::to_string(warnings)},
                                                     {"info_count", std::to_string(infos)},
                                                     {"max", std::to_string(max)}}),
                             lang);
  summary.notes.push_back(c.render(Message("cap.help"), lang));
  ds.resize(max);
  ds.push_back(std::move(summary));
}

RuleInfo too_many_findings_rule_info() {
  RuleInfo r;
  r.id = kTooManyFindingsRule;
  r.pack = "tally";
  r.kind = "limit";
  r.summary = "More findings in one file than tally reports";
  r.explanation =
      "tally reports at most a fixed number of findings per file (1000 unless --max-findings says otherwise) "
      "and summarises the rest in this one, with the most severe of their severities. So many findings usually "
      "mean a generated or damaged document, or a rule that misreads it.";
  r.severity = Severity::Info;
  return r;
}

}  // namespace tally
