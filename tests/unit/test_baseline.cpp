#include <doctest/doctest.h>

#include "config/baseline.h"
#include "test_config_util.h"

using namespace tally;

namespace {

Diagnostic at(const SourceText& src, const std::string& rule, const std::string& figure, int nth = 0,
              const std::string& related = "") {
  size_t pos = src.text().find(figure);
  for (int k = 0; k < nth; ++k) pos = src.text().find(figure, pos + 1);
  REQUIRE(pos != std::string::npos);
  Diagnostic d;
  d.rule = rule;
  d.span = {static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + figure.size())};
  d.message = rule + " finding";
  if (!related.empty()) {
    size_t rp = src.text().find(related);
    REQUIRE(rp != std::string::npos);
    d.related.push_back({{static_cast<uint32_t>(rp), static_cast<uint32_t>(rp + related.size())}, "part"});
  }
  return d;
}

FileResult file(const std::string& path, std::string text) {
  FileResult r;
  r.source = SourceText(path, std::move(text));
  return r;
}

auto never_gone = [](const std::string&) { return false; };

}  // namespace

TEST_CASE("baseline: fingerprints ignore line numbers and whitespace, not content") {
  SourceText a("a.md", "合计 10 人，其中 4 人。\n");
  SourceText b("a.md", "前言\n\n新增一段\n合计  10 人，其中 4 人。\n");
  SourceText c("a.md", "合计 11 人，其中 4 人。\n");
  SourceText d("a.md", "合计 10 人，其中 5 人。\n");
  auto fa = fingerprint(a, at(a, "sum", "10", 0, "4"));
  CHECK(fa.size() == 16);
  CHECK(fa == fingerprint(b, at(b, "sum", "10", 0, "4")));
  CHECK(fa != fingerprint(c, at(c, "sum", "11", 0, "4")));
  CHECK(fa != fingerprint(d, at(d, "sum", "10", 0, "5")));
  CHECK(fa != fingerprint(a, at(a, "percent", "10", 0, "4")));
  CHECK(fa != fingerprint(a, at(a, "sum", "10")));  // related figures count
}

TEST_CASE("baseline: entries merge identical findings into a count") {
  FileResult r = file("a.md", "合计 10 人。\n合计 10 人。\n合计 12 人。\n");
  r.diagnostics = {at(r.source, "sum", "10", 0), at(r.source, "sum", "10", 1), at(r.source, "sum", "12")};
  auto e = baseline_entries(r);
  REQUIRE(e.size() == 2);
  int total = e[0].count + e[1].count;
  CHECK(total == 3);
  CHECK((e[0].count == 2 || e[1].count == 2));
}

TEST_CASE("baseline: JSON round trip") {
  Baseline b;
  b.files["docs/a.md"] = {{"sum", "0123456789abcdef", 2, "合计不等于分项之和"}};
  auto back = parse_baseline("b.json", baseline_json(b));
  REQUIRE(back.ok());
  REQUIRE(back->files.count("docs/a.md"));
  const auto& e = back->files["docs/a.md"][0];
  CHECK(e.rule == "sum");
  CHECK(e.fingerprint == "0123456789abcdef");
  CHECK(e.count == 2);
  CHECK(e.message == "合计不等于分项之和");
}

TEST_CASE("baseline: malformed files are errors") {
  CHECK_FALSE(parse_baseline("b.json", "not json").ok());
  CHECK_FALSE(parse_baseline("b.json", "[]").ok());
  CHECK_FALSE(parse_baseline("b.json", R"({"version": 2, "files": {}})").ok());
  CHECK_FALSE(parse_baseline("b.json", R"({"version": 1})").ok());
  CHECK_FALSE(parse_baseline("b.json", R"({"version": 1, "files": {"a": [{"rule": "x", "fingerprint": "y"}]}})").ok());
  CHECK_FALSE(parse_baseline("b.json", R"({"version": 1, "files": {"a": [{"rule": "x", "fingerprint": "y", "count": 0}]}})").ok());
  auto e = parse_baseline("b.json", "{");
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().find("b.json") == 0);
  CHECK_FALSE(load_baseline("/nonexistent/tally-baseline.json").ok());
}

TEST_CASE("baseline: findings survive inserted lines; new ones are kept") {
  FileResult before = file("a.md", "合计 10 人，其中 4 人。\n");
  before.diagnostics = {at(before.source, "sum", "10", 0, "4")};
  Baseline b;
  b.files["a.md"] = baseline_entries(before);

  std::vector<FileResult> now(1);
  now[0] = file("a.md", "新的第一行\n\n合计 10 人，其中 4 人。\n合计 30 人。\n");
  now[0].diagnostics = {at(now[0].source, "sum", "10", 0, "4"), at(now[0].source, "sum", "30")};
  BaselineMatch m = apply_baseline(b, now, {"a.md"}, never_gone);
  CHECK(m.matched == 1);
  CHECK(m.stale == 0);
  REQUIRE(now[0].diagnostics.size() == 1);
  CHECK(now[0].source.slice(now[0].diagnostics[0].span) == "30");
}

TEST_CASE("baseline: counts — two identical findings need two entries") {
  FileResult one = file("a.md", "合计 10 人。\n");
  one.diagnostics = {at(one.source, "sum", "10")};
  Baseline b;
  b.files["a.md"] = baseline_entries(one);  // count 1

  std::vector<FileResult> now(1);
  now[0] = file("a.md", "合计 10 人。\n合计 10 人。\n");
  now[0].diagnostics = {at(now[0].source, "sum", "10", 0), at(now[0].source, "sum", "10", 1)};
  BaselineMatch m = apply_baseline(b, now, {"a.md"}, never_gone);
  CHECK(m.matched == 1);
  CHECK(now[0].diagnostics.size() == 1);
}

TEST_CASE("baseline: fixed findings are stale, per count") {
  Baseline b;
  FileResult old = file("a.md", "合计 10 人。\n合计 10 人。\n占比 5%。\n");
  old.diagnostics = {at(old.source, "sum", "10", 0), at(old.source, "sum", "10", 1), at(old.source, "percent", "5%")};
  b.files["a.md"] = baseline_entries(old);

  std::vector<FileResult> now(1);
  now[0] = file("a.md", "合计 10 人。\n合计 11 人。\n占比 6%。\n");
  now[0].diagnostics = {at(now[0].source, "sum", "10")};
  BaselineMatch m = apply_baseline(b, now, {"a.md"}, never_gone);
  CHECK(m.matched == 1);
  CHECK(m.stale == 2);
  REQUIRE(m.stale_entries.size() == 2);
  CHECK(now[0].diagnostics.empty());
}

TEST_CASE("baseline: entries of files not checked are stale only if the file is gone") {
  Baseline b;
  b.files["kept.md"] = {{"sum", "aaaaaaaaaaaaaaaa", 1, "m"}};
  b.files["deleted.md"] = {{"sum", "bbbbbbbbbbbbbbbb", 3, "m"}};
  std::vector<FileResult> none;
  BaselineMatch m = apply_baseline(b, none, {}, [](const std::string& k) { return k == "deleted.md"; });
  CHECK(m.stale == 3);
  REQUIRE(m.stale_entries.size() == 1);
  CHECK(m.stale_entries[0].file == "deleted.md");
}

TEST_CASE("baseline: keys are relative to the baseline file's folder") {
  cfgtest::Scratch s;
  std::string base = s.path("ci/baseline.json");
  CHECK(baseline_key(base, s.path("ci/a.md")) == "a.md");
  CHECK(baseline_key(base, s.path("docs/x/b.md")) == "../docs/x/b.md");
}

TEST_CASE("baseline: save then load") {
  cfgtest::Scratch s;
  Baseline b;
  b.files["a.md"] = {{"sum", "0000000000000001", 1, "m"}};
  REQUIRE(save_baseline(s.path("b.json"), b).ok());
  auto back = load_baseline(s.path("b.json"));
  REQUIRE(back.ok());
  CHECK(back->files.at("a.md").size() == 1);
  CHECK_FALSE(save_baseline(s.path("no/such/dir/b.json"), b).ok());
}
