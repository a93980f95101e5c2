// Shared helpers for the extraction tests: the default packs' vocabulary,
// scanning a string, and building the fact base of a small report.
#pragma once
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/decimal.h"
#include "base/source.h"
#include "extract/extractor.h"
#include "extract/scanner.h"
#include "facts/fact_base.h"
#include "relations/relations.h"
#include "rules/embedded.h"
#include "rules/pack.h"
#include "vocab/vocabulary.h"

namespace doctest {
template <>
struct StringMaker<tally::Rational> {
  static String convert(const tally::Rational& r) { return r.valid() ? r.str(6).c_str() : "invalid"; }
};
}  // namespace doctest

namespace tally::testing {

// The vocabulary of the embedded default packs, merged the way Engine::create merges them.
inline Vocabulary load_default_vocab() {
  Vocabulary v;
  for (const auto& p : embedded_packs()) {
    auto pack = parse_pack({"rules/" + std::string(p.name), std::string(p.yaml)});
    REQUIRE_MESSAGE(pack.ok(), "embedded pack " << p.name << " does not parse");
    v.merge(pack->vocab);
  }
  v.finalize();
  return v;
}

// Loaded once per test binary; read-only afterwards.
inline const Vocabulary& vocab() {
  static const Vocabulary v = load_default_vocab();
  return v;
}

inline Rational R(std::string_view s) { return Rational::parse(s); }

// The figures scan_numbers finds in one string.
inline std::vector<Quantity> scan(std::string_view text) {
  std::vector<Quantity> out;
  for (auto& sn : scan_numbers(text, vocab()).numbers) out.push_back(sn.q);
  return out;
}

// The only figure in a string (fails the test when there is not exactly one).
inline Quantity scan_one(std::string_view text) {
  auto qs = scan(text);
  INFO("text: " << std::string(text));
  REQUIRE(qs.size() == 1);
  return qs[0];
}

// A small report: its source, document, quantities and breakdowns.
class Report {
 public:
  explicit Report(std::string text)
      : src_(std::make_unique<SourceText>("report.txt", std::move(text))), fb_(build_fact_base(*src_, vocab())), rel_(build_relations(fb_)) {}

  const FactBase& fb() const { return fb_; }
  const Relations& rel() const { return rel_; }
  const Document& doc() const { return fb_.doc; }
  const std::vector<Quantity>& quantities() const { return fb_.ex.quantities; }
  const SourceText& source() const { return *src_; }

  // The n-th quantity (0-based) whose printed text is `text` (fails when absent).
  const Quantity& q(std::string_view text, int nth = 0) const {
    for (const auto& x : fb_.ex.quantities)
      if (x.text == text && nth-- == 0) return x;
    FAIL("no quantity printed as " << std::string(text));
    return fb_.ex.quantities.front();
  }
  bool has(std::string_view text) const {
    return std::any_of(fb_.ex.quantities.begin(), fb_.ex.quantities.end(),
                       [&](const Quantity& x) { return x.text == text; });
  }
  // The source text a span covers.
  std::string_view at(Span s) const { return src_->slice(s); }

 private:
  std::unique_ptr<SourceText> src_;  // FactBase points into it: keep its address stable
  FactBase fb_;
  Relations rel_;
};

}  // namespace tally::testing
