// The message catalogue: both languages hold the same ids, every rule has a Chinese summary and
// explanation, packs extend it, and findings come out in the language asked for.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "check_helpers.h"
#include "diag/messages.h"
#include "rules/rule_text.h"

using namespace tally;
using tally::testing::check_text;
using tally::testing::contains;
using tally::testing::default_engine;

TEST_CASE("every message id has a text in both languages") {
  const Catalogue& c = builtin_catalogue();
  CHECK(c.entries(Lang::En).size() > 100);
  std::vector<std::string> missing;
  for (const auto& id : c.unpaired())
    // Rule summaries and explanations in English live in the packs, not in en.yaml.
    if (id.rfind("rule.", 0) != 0) missing.push_back(id);
  CHECK_MESSAGE(missing.empty(), "unpaired: " << (missing.empty() ? "" : missing.front()));
}

TEST_CASE("every built-in rule has a Chinese summary and explanation") {
  const Engine& e = default_engine();
  for (const auto& r : e.rules()) {
    CAPTURE(r.id);
    CHECK(e.messages().find("rule." + r.id + ".summary", Lang::Zh) != std::nullopt);
    CHECK(e.messages().find("rule." + r.id + ".explanation", Lang::Zh) != std::nullopt);
    CHECK(rule_summary(r, e.messages(), Lang::En) == r.summary);
  }
}

TEST_CASE("Chinese rule texts name no English-only zh entries and every zh rule text belongs to a rule") {
  const Engine& e = default_engine();
  // The engine's catalogue holds the packs' own messages and lies over the built-in one.
  for (const Catalogue* c : {&builtin_catalogue(), &e.messages()})
    for (const auto& [id, text] : c->entries(Lang::Zh)) {
      if (id.rfind("rule.", 0) != 0) continue;
      std::string rule(id.substr(5, id.rfind('.') - 5));
      CAPTURE(id);
      bool known = e.find_rule(rule) != nullptr || rule == "suppression" || rule == "unused-suppression";
      CHECK(known);
    }
}

TEST_CASE("named arguments fill the template; unknown ids read as themselves") {
  Catalogue c;
  c.add(Lang::En, "x.y", "{a} + {b} = {sum}");
  c.add(Lang::Zh, "x.y", "合计 {sum}：{a} 加 {b}");
  Message m("x.y", {{"a", "1"}, {"b", "2"}, {"sum", "3"}});
  CHECK(c.render(m, Lang::En) == "1 + 2 = 3");
  CHECK(c.render(m, Lang::Zh) == "合计 3：1 加 2");
  CHECK(c.render(Message("not an id {x}"), Lang::Zh) == "not an id {x}");
  c.add(Lang::En, "only.en", "English {a}");
  CHECK(c.render(Message("only.en", {{"a", "1"}}), Lang::Zh) == "English 1");
  CHECK(c.unpaired() == std::vector<std::string>{"only.en (only en)"});
  // A template naming an argument the message lacks shows the template rather than failing.
  c.add(Lang::En, "bad", "{missing}");
  CHECK(c.render(Message("bad"), Lang::En) == "{missing}");
}

TEST_CASE("languages from flags and locales") {
  Lang l = Lang::En;
  CHECK(parse_lang("zh_CN.UTF-8", &l));
  CHECK(l == Lang::Zh);
  CHECK(parse_lang("en-US", &l));
  CHECK(l == Lang::En);
  CHECK(parse_lang("zh-Hant", &l));
  CHECK(l == Lang::Zh);
  CHECK(parse_lang("C.UTF-8", &l));
  CHECK(l == Lang::En);
  CHECK_FALSE(parse_lang("fr", &l));
  CHECK_FALSE(parse_lang("zhx", &l));
  setenv("LC_ALL", "", 1);
  setenv("LC_MESSAGES", "zh_TW.UTF-8", 1);
  setenv("LANG", "en_US.UTF-8", 1);
  CHECK(lang_from_env() == Lang::Zh);
  setenv("LC_ALL", "en_GB.UTF-8", 1);
  CHECK(lang_from_env() == Lang::En);
  unsetenv("LC_ALL");
  unsetenv("LC_MESSAGES");
  unsetenv("LANG");
  CHECK(lang_from_env() == Lang::En);
}

TEST_CASE("a finding in Chinese keeps its arithmetic") {
  std::string text = "全镇共有幼儿园 9 所，其中公办幼儿园 5 所、民办幼儿园 5 所。\n";
  CheckOptions zh;
  zh.lang = Lang::Zh;
  auto en = check_text(text).diagnostics;
  auto cn = check_text(text, zh).diagnostics;
  REQUIRE(en.size() == 1);
  REQUIRE(cn.size() == 1);
  CHECK(en[0].message == "5 + 5 = 10, but the total says 9 (categories 公办/民办)");
  CHECK(cn[0].message == "分项之和与总数 9 不符：5 + 5 = 10");
  CHECK(cn[0].related[0].message == "分项 1/2：5（公办幼儿园）");
  CHECK(cn[0].span.begin == en[0].span.begin);
}

TEST_CASE("a per-student value in Chinese reads like a reviewer's note") {
  std::string text = "全校在校生 4000 人。校舍建筑面积 120000 平方米，生均校舍建筑面积 31.50 平方米。\n";
  CheckOptions zh;
  zh.lang = Lang::Zh;
  auto cn = check_text(text, zh).diagnostics;
  REQUIRE(cn.size() == 1);
  CHECK(cn[0].message == "生均校舍建筑面积 31.50 平方米与总量不符：120000 平方米 ÷ 4000 人 = 30.00 平方米");
}

TEST_CASE("packs add messages and Chinese rule texts") {
  PackSource pack{"mine.yaml", R"(pack: mine
rules:
  - id: my-rule
    kind: pattern
    severity: warning
    summary: two figures agree
    pattern: '甲{num:a}乙{num:b}'
    assert: 'a == b'
    explanation: "**What it checks.** Two figures agree."
    examples:
      flag: ["甲1乙2"]
      pass: ["甲1乙1"]
messages:
  zh:
    rule.my-rule.summary: 两个数字一致
    my.note: 自定义 {x}
  en:
    my.note: custom {x}
)"};
  EngineOptions eo;
  eo.default_packs = false;
  eo.extra_packs = {pack};
  auto e = Engine::create(eo);
  REQUIRE(e.ok());
  const Catalogue& c = (*e)->messages();
  CHECK(c.render(Message("my.note", {{"x", "1"}}), Lang::Zh) == "自定义 1");
  CHECK(c.render(Message("my.note", {{"x", "1"}}), Lang::En) == "custom 1");
  CHECK(rule_summary(*(*e)->find_rule("my-rule"), c, Lang::Zh) == "两个数字一致");
  CHECK(c.render("sum.mismatch", Lang::Zh) != "sum.mismatch");  // the built-in catalogue is still there

  PackSource bad{"bad.yaml", "pack: bad\nmessages:\n  fr:\n    a: b\n"};
  eo.extra_packs = {bad};
  auto b = Engine::create(eo);
  REQUIRE_FALSE(b.ok());
  CHECK(contains(b.error(), "bad.yaml:3:3"));
}

// Errors (rules/messages/errors.*.yaml) name their ids in the source: each one written there must be in
// the catalogue, in both languages, and the Chinese may only use arguments the English has.
TEST_CASE("every error id in the source has both languages, with the same arguments") {
  namespace fs = std::filesystem;
  const Catalogue& c = builtin_catalogue();
  const std::regex id_re("\"(error\\.[a-z_]+\\.[A-Za-z_]+)\"");
  size_t seen = 0;
  for (const auto& f : fs::recursive_directory_iterator(fs::path(TALLY_SOURCE_DIR) / "src")) {
    if (f.path().extension() != ".cpp" && f.path().extension() != ".h") continue;
    std::ifstream in(f.path());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (std::sregex_iterator m(text.begin(), text.end(), id_re), end; m != end; ++m) {
      std::string id = (*m)[1];
      CAPTURE(id);
      CAPTURE(f.path().string());
      ++seen;
      CHECK(c.find(id, Lang::En) != std::nullopt);
      CHECK(c.find(id, Lang::Zh) != std::nullopt);
    }
  }
  CHECK(seen > 100);
  auto names = [](const std::string& t) {
    std::set<std::string> out;
    for (size_t o = t.find('{'); o != std::string::npos; o = t.find('{', o + 1)) out.insert(t.substr(o, t.find('}', o) - o));
    return out;
  };
  for (const auto& [id, zh] : c.entries(Lang::Zh)) {
    if (id.rfind("error.", 0) != 0) continue;
    CAPTURE(id);
    auto en = c.find(id, Lang::En);
    REQUIRE(en != std::nullopt);
    for (const auto& n : names(std::string(zh))) CHECK(names(std::string(*en)).count(n) == 1);
  }
}

TEST_CASE("every command-line word the CLI asks for has both languages") {
  namespace fs = std::filesystem;
  const Catalogue& c = builtin_catalogue();
  // Words{lang}("check.fix") is cli.check.fix (cli/common.h).
  const std::regex id_re("\\bw\\(\"([a-z_.]+)\"\\)");
  size_t seen = 0;
  for (const auto& f : fs::directory_iterator(fs::path(TALLY_SOURCE_DIR) / "src" / "cli")) {
    std::ifstream in(f.path());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (std::sregex_iterator m(text.begin(), text.end(), id_re), end; m != end; ++m) {
      std::string id = "cli." + (*m)[1].str();
      CAPTURE(id);
      ++seen;
      CHECK(c.find(id, Lang::En) != std::nullopt);
      CHECK(c.find(id, Lang::Zh) != std::nullopt);
    }
  }
  CHECK(seen > 40);
}

