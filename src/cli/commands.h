// Subcommands of the tally CLI. Each lives in its own file and registers
// itself here; the chosen one's callback records the exit code.
#pragma once
#include <CLI/CLI.hpp>

namespace tally::cli {

void register_commands(CLI::App& app);
int exit_code();
void set_exit_code(int code);

// One registration function per subcommand file.
void register_check(CLI::App& app);
void register_facts(CLI::App& app);
void register_relations(CLI::App& app);
void register_rules(CLI::App& app);   // `rules`, `explain`, `test-rules`
void register_lsp(CLI::App& app);
void register_text(CLI::App& app);
void register_help(CLI::App& app);        // `help [COMMAND]`
void register_completion(CLI::App& app);  // `completion bash|zsh|fish`

}  // namespace tally::cli
