// Helpers shared by subcommands: rule-pack options and engine creation.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "rules/engine.h"

namespace tally::cli {

struct PackOptions {
  std::vector<std::string> rules;
  bool no_default_rules = false;
};

void add_pack_options(CLI::App* cmd, PackOptions& opts);
// Creates the engine or prints the error and returns null (caller exits 2).
std::shared_ptr<const Engine> make_engine(const PackOptions& opts);

// `--lang en|zh`: the language of what a command prints.
void add_lang_option(CLI::App* cmd, std::string& lang);
// The --lang value, else the locale (LC_ALL, LC_MESSAGES, LANG); false (after printing the error) when
// the value is neither en nor zh.
bool resolve_lang(const std::string& flag, Lang* out);

}  // namespace tally::cli
