#include "cli/common.h"

#include <fmt/format.h>

#include <cstdio>

namespace tally::cli {

void add_pack_options(CLI::App* cmd, PackOptions& opts) {
  cmd->add_option("--rules", opts.rules, "Add a rule pack (a YAML file or a folder of them); repeatable");
  cmd->add_flag("--no-default-rules", opts.no_default_rules, "Leave the built-in rule packs out");
}

std::shared_ptr<const Engine> make_engine(const PackOptions& opts) {
  EngineOptions eo;
  eo.default_packs = !opts.no_default_rules;
  eo.pack_paths = opts.rules;
  auto e = Engine::create(eo);
  if (!e) {
    fmt::print(stderr, "tally: error: {}\n", e.error());
    return nullptr;
  }
  return *e;
}

void add_lang_option(CLI::App* cmd, std::string& lang) {
  cmd->add_option("--lang", lang, "Language: en or zh (default: from LC_ALL, LC_MESSAGES, LANG)")->option_text("LANG");
}

bool resolve_lang(const std::string& flag, Lang* out) {
  if (flag.empty()) {
    *out = lang_from_env();
    return true;
  }
  if (parse_lang(flag, out)) return true;
  fmt::print(stderr, "tally: error: --lang takes en or zh (got '{}')\n", flag);
  return false;
}

}  // namespace tally::cli
