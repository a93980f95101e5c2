// `tally rules`, `tally explain ID` and `tally test-rules PATH`.
#include <cstdio>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/common.h"
#include "config/suppress.h"
#include "rules/example_runner.h"
#include "rules/rule_text.h"

namespace tally::cli {

void register_rules(CLI::App& app) {
  auto packs = std::make_shared<PackOptions>();
  auto* list = app.add_subcommand("rules", "List the loaded rules: id, severity, pack and summary");
  add_pack_options(list, *packs);
  auto list_lang = std::make_shared<std::string>();
  add_lang_option(list, *list_lang);
  list->callback([packs, list_lang] {
    Lang lang;
    if (!resolve_lang(*list_lang, &lang)) return set_exit_code(2);
    auto engine = make_engine(*packs);
    if (!engine) return set_exit_code(2);
    // The rules of the packs, and the two tally reports about suppression comments.
    std::vector<RuleInfo> all = engine->rules();
    for (auto& r : suppression_rule_infos()) all.push_back(r);
    size_t w = 4;
    for (const auto& r : all) w = std::max(w, r.id.size());
    for (const auto& r : all)
      fmt::print("{:<{}}  {:<7}  {:<12}  {}\n", r.id, w, severity_name(r.severity), r.pack,
                 rule_summary(r, engine->messages(), lang));
    set_exit_code(0);
  });

  auto id = std::make_shared<std::string>();
  auto epacks = std::make_shared<PackOptions>();
  auto* explain = app.add_subcommand("explain", "Explain a rule: what it checks, why, an example and how to fix");
  explain->add_option("rule", *id, "Rule id (see `tally rules`)")->required();
  add_pack_options(explain, *epacks);
  auto explain_lang = std::make_shared<std::string>();
  add_lang_option(explain, *explain_lang);
  explain->callback([id, epacks, explain_lang] {
    Lang lang;
    if (!resolve_lang(*explain_lang, &lang)) return set_exit_code(2);
    auto engine = make_engine(*epacks);
    if (!engine) return set_exit_code(2);
    const RuleInfo* r = engine->find_rule(*id);
    static const std::vector<RuleInfo> own = suppression_rule_infos();
    for (const auto& s : own)
      if (!r && s.id == *id) r = &s;
    if (!r) {
      fmt::print(stderr, "tally: error: no rule '{}' (see `tally rules`)\n", *id);
      return set_exit_code(2);
    }
    const Catalogue& cat = engine->messages();
    fmt::print("# {} ({}, {}, {})\n\n{}\n\n{}\n", r->id, severity_name(r->severity), r->kind,
               cat.render(Message("explain.pack", {{"pack", r->pack}}), lang), rule_summary(*r, cat, lang),
               rule_explanation(*r, cat, lang));
    if (!r->flag_examples.empty()) {
      fmt::print("\n## {}\n", cat.render("explain.flagged", lang));
      for (const auto& e : r->flag_examples) fmt::print("\n    {}\n", e);
    }
    if (!r->pass_examples.empty()) {
      fmt::print("\n## {}\n", cat.render("explain.left_alone", lang));
      for (const auto& e : r->pass_examples) fmt::print("\n    {}\n", e);
    }
    set_exit_code(0);
  });

  auto tpacks = std::make_shared<PackOptions>();
  auto* test = app.add_subcommand("test-rules", "Run every rule's own flag / leave-alone examples");
  test->add_option("packs", tpacks->rules, "Extra packs (files or folders) to load and test");
  test->add_flag("--no-default-rules", tpacks->no_default_rules, "Test only the packs given");
  test->callback([tpacks] {
    auto engine = make_engine(*tpacks);
    if (!engine) return set_exit_code(2);
    auto report = run_rule_examples(*engine);
    for (const auto& f : report.failures) fmt::print("FAIL {}\n", f);
    fmt::print("{} passed, {} failed\n", report.passed, report.failures.size());
    set_exit_code(report.failures.empty() ? 0 : 1);
  });
}

}  // namespace tally::cli
