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

void add_pack_options(CLI::App* cmd, PackOptions& opts);
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

// `--lang en|zh`: the language of what a command prints.
void add_lang_option(CLI::App* cmd, std::string& lang);
// The --lang value, else the locale (LC_ALL, LC_MESSAGES, LANG); false (after printing the error) when
// the value is neither en nor zh.
bool resolve_lang(const std::string& flag, Lang* out);

}  // namespace tally::cli
