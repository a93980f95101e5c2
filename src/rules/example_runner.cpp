#include "rules/example_runner.h"


namespace tally {

ExampleReport run_rule_examples(const Engine& engine, Lang lang) {
  ExampleReport rep;
  for (const auto& rule : engine.rules()) {
    CheckOptions only;
    only.only.insert(rule.id);
    only.lang = lang;
    auto run = [&](const std::string& text, bool want, size_t i) {
      FileResult r = engine.check(SourceText("<example>", text), only);
      bool got = false;
      for (const auto& d : r.diagnostics) got |= d.rule == rule.id;
      if (got == want) {
        ++rep.passed;
      } else {
        std::string extra;
        for (const auto& d : r.diagnostics) extra += " [" + d.message + "]";
        rep.failures.push_back(engine.messages().render(
            Message(want ? "test_rules.not_flagged" : "test_rules.flagged",
                    {{"rule", rule.id}, {"i", std::to_string(i + 1)}, {"text", text}, {"findings", extra}}),
            lang));
      }
    };
    for (size_t i = 0; i < rule.flag_examples.size(); ++i) run(rule.flag_examples[i], true, i);
    for (size_t i = 0; i < rule.pass_examples.size(); ++i) run(rule.pass_examples[i], false, i);
  }
  return rep;
}

}  // namespace tally
