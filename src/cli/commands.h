// Subcommands of the tally CLI. Each lives in its own file and registers
// itself here; the chosen one's callback records the exit code.
#pragma once
#include <CLI/CLI.hpp>

#include "cli/common.h"

namespace tally::cli {

void register_commands(CLI::App& app, const Words& w);
int exit_code();
void set_exit_code(int code);

// One registration function per subcommand file; `w` gives each description in the reader's language.
void register_check(CLI::App& app, const Words& w);
void register_facts(CLI::App& app, const Words& w);
void register_relations(CLI::App& app, const Words& w);
void register_rules(CLI::App& app, const Words& w);   // `rules`, `explain`, `test-rules`
void register_lsp(CLI::App& app, const Words& w);
void register_text(CLI::App& app, const Words& w);
void register_help(CLI::App& app, const Words& w);        // `help [COMMAND]`
void register_completion(CLI::App& app, const Words& w);  // `completion bash|zsh|fish`

}  // namespace tally::cli
