// Helpers shared by subcommands: rule-pack options and engine creation.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "base/result.h"
#include "diag/messages.h"
#include "rules/engine.h"

namespace tally::cli {

struct PackOptions {
  std::vector<std::string> rules;
  bool no_default_rules = false;
};

// The command line's own words (rules/messages/cli.*.yaml: descriptions, help headings) in the
// reader's language; `w("check.fix")` is id cli.check.fix.
struct Words {
  Lang lang = Lang::En;
  std::string operator()(std::string_view id) const {
    return builtin_catalogue().render(Message("cli." + std::string(id)), lang);
  }
};

void add_pack_options(CLI::App* cmd, PackOptions& opts, const Words& w);
// Creates the engine or prints the error (in `lang`) and returns null (caller exits 2).
std::shared_ptr<const Engine> make_engine(const PackOptions& opts, Lang lang);

// "tally: error: " and the error in the reader's language, one line each (a broken pack lists each of
// its problems on a line of its own). The tag stays English in every language: scripts look for it.
void print_error(const Error& e, Lang lang);
// The same for a sentence of the CLI's own (an id of rules/messages/errors.*.yaml).
void print_error(const Message& m, Lang lang, std::vector<std::pair<std::string, Message>> parts = {});
// The language of errors found before a command has read its options (a mistyped command or
// option): `--lang X` or `--lang=X` anywhere in the arguments, else the locale.
Lang lang_from_args(const std::vector<std::string>& args);

// A CLI11 parse error (a missing value, a value out of range, …): CLI11's English as it is for English
// readers, else the kind of mistake in the reader's language with CLI11's sentence inside.
void print_parse_error(const CLI::App& app, const CLI::ParseError& e, Lang lang);

// `--lang en|zh`: the language of what a command prints.
void add_lang_option(CLI::App* cmd, std::string& lang, const Words& w);
// The --lang value, else the locale (LC_ALL, LC_MESSAGES, LANG); false (after printing the error) when
// the value is neither en nor zh.
bool resolve_lang(const std::string& flag, Lang* out);

}  // namespace tally::cli
