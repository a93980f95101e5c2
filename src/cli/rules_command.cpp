// `tally rules`, `tally explain ID` and `tally test-rules PATH`.
#include <cstdio>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/common.h"
#include "base/suggest.h"
#include "config/suppress.h"
#include "output/markdown.h"
#include "rules/rule_docs.h"
#include "rules/example_runner.h"
#include "rules/rule_text.h"

namespace tally::cli {

void register_rules(CLI::App& app, const Words& w) {
  auto packs = std::make_shared<PackOptions>();
  auto* list = app.add_subcommand("rules", w("rules"));
  add_pack_options(list, *packs, w);
  auto list_lang = std::make_shared<std::string>();
  add_lang_option(list, *list_lang, w);
  auto list_format = std::make_shared<std::string>("text");
  list->add_option("-f,--format", *list_format, w("option.format_text_json"))
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  list->callback([packs, list_lang, list_format] {
    Lang lang;
    if (!resolve_lang(*list_lang, &lang)) return set_exit_code(2);
    auto engine = make_engine(*packs, lang);
    if (!engine) return set_exit_code(2);
    // The rules of the packs, and the two tally reports about suppression comments.
    std::vector<RuleInfo> all = engine->rules();
    for (auto& r : suppression_rule_infos()) all.push_back(r);
    if (*list_format == "json") {
      // For scripts and editors: what `tally rules` shows, plus each rule's kind and page.
      nlohmann::ordered_json out = nlohmann::ordered_json::array();
      std::string base = default_rule_docs_url();
      for (const auto& r : all)
        out.push_back({{"id", r.id},
                       {"severity", std::string(severity_name(r.severity))},
                       {"pack", r.pack},
                       {"kind", r.kind},
                       {"summary", rule_summary(r, engine->messages(), lang)},
                       {"url", rule_doc_url(base, r.id)}});
      fmt::print("{}\n", out.dump(2));
      return set_exit_code(0);
    }
    size_t w = 4;
    for (const auto& r : all) w = std::max(w, r.id.size());
    for (const auto& r : all)
      fmt::print("{:<{}}  {:<7}  {:<12}  {}\n", r.id, w, severity_name(r.severity), r.pack,
                 rule_summary(r, engine->messages(), lang));
    set_exit_code(0);
  });

  auto id = std::make_shared<std::string>();
  auto epacks = std::make_shared<PackOptions>();
  auto* explain = app.add_subcommand("explain", w("explain"));
  explain->add_option("rule", *id, w("explain.rule"))->required();
  add_pack_options(explain, *epacks, w);
  auto explain_lang = std::make_shared<std::string>();
  add_lang_option(explain, *explain_lang, w);
  auto explain_format = std::make_shared<std::string>("text");
  explain->add_option("-f,--format", *explain_format, w("explain.format"))
      ->check(CLI::IsMember({"text", "markdown"}))
      ->capture_default_str();
  explain->callback([id, epacks, explain_lang, explain_format] {
    Lang lang;
    if (!resolve_lang(*explain_lang, &lang)) return set_exit_code(2);
    auto engine = make_engine(*epacks, lang);
    if (!engine) return set_exit_code(2);
    const RuleInfo* r = engine->find_rule(*id);
    static const std::vector<RuleInfo> own = suppression_rule_infos();
    for (const auto& s : own)
      if (!r && s.id == *id) r = &s;
    if (!r) {
      print_error(Message("error.cli.no_rule", {{"rule", *id}}), lang,
                  {{"suggestion", suggestion(*id, known_rule_ids(engine->rules()))}});
      return set_exit_code(2);
    }
    // One page, docs/rules/<id>.md: as Markdown on request, else rendered to plain text.
    std::string page = rule_page_markdown(*r, engine->messages(), lang);
    fmt::print("{}", *explain_format == "markdown" ? page : markdown_to_text(page) + "\n");
    set_exit_code(0);
  });

  auto tpacks = std::make_shared<PackOptions>();
  auto test_lang = std::make_shared<std::string>();
  auto* test = app.add_subcommand("test-rules", w("test_rules"));
  test->add_option("packs", tpacks->rules, w("test_rules.packs"));
  test->add_flag("--no-default-rules", tpacks->no_default_rules, w("test_rules.no_default_rules"));
  add_lang_option(test, *test_lang, w);
  test->callback([tpacks, test_lang] {
    Lang lang = Lang::En;
    if (!resolve_lang(*test_lang, &lang)) return set_exit_code(2);
    auto engine = make_engine(*tpacks, lang);
    if (!engine) return set_exit_code(2);
    auto report = run_rule_examples(*engine, lang);
    // "FAIL" stays as it is in every language, like "tally: error:": scripts look for it.
    for (const auto& f : report.failures) fmt::print("FAIL {}\n", f);
    fmt::print("{}\n", engine->messages().render(Message("test_rules.summary", {{"passed", std::to_string(report.passed)},
                                                                                 {"failed", std::to_string(report.failures.size())}}),
                                                  lang));
    set_exit_code(report.failures.empty() ? 0 : 1);
  });
}

}  // namespace tally::cli
