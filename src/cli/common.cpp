#include "cli/common.h"

#include <fmt/format.h>

#include <cstdio>

#include "diag/error_text.h"

namespace tally::cli {

void add_pack_options(CLI::App* cmd, PackOptions& opts) {
  // One path per --rules: a vector option would otherwise take the input files after it as packs too.
  cmd->add_option("--rules", opts.rules, "Add a rule pack (a YAML file or a folder of them); repeatable")
      ->allow_extra_args(false);
  cmd->add_flag("--no-default-rules", opts.no_default_rules, "Leave the built-in rule packs out");
}

std::shared_ptr<const Engine> make_engine(const PackOptions& opts, Lang lang) {
  EngineOptions eo;
  eo.default_packs = !opts.no_default_rules;
  eo.pack_paths = opts.rules;
  auto e = Engine::create(eo);
  if (!e) {
    print_error(e.failure(), lang);
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
  print_error(Message("error.cli.bad_lang", {{"value", flag}}), lang_from_env());
  return false;
}

void print_error(const Error& e, Lang lang) {
  const std::string text = render_error(e, lang);
  std::string_view rest = text;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    fmt::print(stderr, "tally: error: {}\n", rest.substr(0, nl));
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  }
}

void print_error(const Message& m, Lang lang, std::vector<std::pair<std::string, Message>> parts) {
  ErrorLine line{"", m, std::move(parts)};
  print_error(Error{render_error_line(line, Lang::En), {line}}, lang);
}

Lang lang_from_args(const std::vector<std::string>& args) {
  Lang l = lang_from_env();
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") break;
    if (args[i] == "--lang" && i + 1 < args.size()) parse_lang(args[i + 1], &l);
    if (args[i].rfind("--lang=", 0) == 0) parse_lang(args[i].substr(7), &l);
  }
  return l;
}

}  // namespace tally::cli
