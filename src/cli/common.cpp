#include "cli/common.h"

#include <fmt/format.h>

#include <cstdio>

namespace tally::cli {

void add_pack_options(CLI::App* cmd, PackOptions& opts) {
  // One path per --rules: a vector option would otherwise take the input files after it as packs too.
  cmd->add_option("--rules", opts.rules, "Add a rule pack (a YAML file or a folder of them); repeatable")
      ->allow_extra_args(false);
  cmd->add_flag("--no-default-rules", opts.no_default_rules, "Leave the built-in rule packs out");
}

std::shared_ptr<const Engine> make_engine(const PackOptions& opts) {
  EngineOptions eo;
  eo.default_packs = !opts.no_default_rules;
  eo.pack_paths = opts.rules;
  auto e = Engine::create(eo);
  if (!e) {
    // A broken pack lists each of its problems on a line of its own.
    std::string_view rest = e.error();
    while (!rest.empty()) {
      size_t nl = rest.find('\n');
      fmt::print(stderr, "tally: error: {}\n", rest.substr(0, nl));
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    }
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
