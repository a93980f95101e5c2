// What the command line may say, read off the CLI11 app itself so that help, completions and
// "did you mean" never disagree with the options that really exist.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "base/result.h"

namespace tally::cli {

struct OptionWords {
  std::vector<std::string> names;  // "-f", "--format"
  std::string description;
  bool takes_value = false;
  std::vector<std::string> values;  // the values its help lists ("Output format: text, json" → text, json)
  bool file_value = false;          // its value is a path (shown as FILE, DIR or PATH in help)
};

struct CommandWords {
  std::string name;
  std::string description;
  std::vector<OptionWords> options;  // not positionals; --help included
  std::string positional;            // name of its positional argument, "" when it takes none
};

std::vector<CommandWords> command_words(const CLI::App& app);
std::vector<std::string> command_names(const CLI::App& app);

// The first word of argv that is neither a command nor an option of the command it is given to,
// as a one-line message with the nearest known word ("unknown command 'chek' — did you mean
// 'check'?"); nullopt when every word is known (CLI11 then reports anything else).
std::optional<Error> unknown_word(const CLI::App& app, const std::vector<std::string>& args);

}  // namespace tally::cli
