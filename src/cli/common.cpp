#include "cli/common.h"

#include <fmt/format.h>

#include <cstdio>

#include <re2/re2.h>

#include "diag/error_text.h"

namespace tally::cli {

void add_pack_options(CLI::App* cmd, PackOptions& opts, const Words& w) {
  // One path per --rules: a vector option would otherwise take the input files after it as packs too.
  cmd->add_option("--rules", opts.rules, w("option.rules"))
      ->allow_extra_args(false);
  cmd->add_flag("--no-default-rules", opts.no_default_rules, w("option.no_default_rules"));
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

void add_lang_option(CLI::App* cmd, std::string& lang, const Words& w) {
  cmd->add_option("--lang", lang, w("option.lang"))->option_text("LANG");
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

namespace {

// CLI11's sentence in catalogue terms, for the shapes CLI11 2.x writes (CLI/Error.hpp, CLI/Validators.hpp);
// an empty id for any other.
Message parse_error_message(const std::string& what) {
  std::string a, b, c, d;
  if (RE2::FullMatch(what, R"((\S+): \d+ required \S+ missing)", &a)) return {"cli.parse.missing_value", {{"option", a}}};
  if (RE2::FullMatch(what, R"((\S+): Value (.*) not in range (\S+) to (\S+))", &a, &b, &c, &d))
    return {"cli.parse.out_of_range", {{"option", a}, {"value", b}, {"min", c}, {"max", d}}};
  if (RE2::FullMatch(what, R"((\S+): (.*) not in \{(.*)\})", &a, &b, &c))
    return {"cli.parse.not_member", {{"option", a}, {"value", b}, {"allowed", c}}};
  if (RE2::FullMatch(what, R"(The value (.*) is not an allowed value for (\S+))", &b, &a))
    return {"cli.parse.bad_value", {{"option", a}, {"value", b}}};
  if (RE2::FullMatch(what, R"((\S+) is required)", &a)) return {"cli.parse.required", {{"name", a}}};
  if (RE2::FullMatch(what, R"(The following arguments? (?:was|were) not expected: (.*))", &a))
    return {"cli.parse.extra", {{"args", a}}};
  if (RE2::FullMatch(what, R"((\S+) excludes (\S+))", &a, &b)) return {"cli.parse.excludes", {{"option", a}, {"other", b}}};
  if (RE2::FullMatch(what, R"((\S+) requires (\S+))", &a, &b)) return {"cli.parse.requires", {{"option", a}, {"other", b}}};
  return {};
}

}  // namespace

void print_parse_error(const CLI::App& app, const CLI::ParseError& e, Lang lang) {
  if (lang == Lang::En) {
    app.exit(e);  // CLI11's own English, as scripts and users have always seen it
    return;
  }
  // CLI11 writes its errors in English only: the shapes it uses are read back into the catalogue's
  // terms; a sentence of any other shape is shown inside a Chinese one, not dropped.
  Message m = parse_error_message(e.what());
  if (m.id.empty()) m = Message("cli.parse.other", {{"detail", e.what()}});
  fmt::print(stderr, "tally: error: {}\n{}\n", builtin_catalogue().render(m, lang), Words{lang}("parse.more"));
}

}  // namespace tally::cli
