#include "cli/commands.h"

namespace tally::cli {

namespace {
int g_exit_code = 0;  // set once by the subcommand that runs
}

int exit_code() { return g_exit_code; }
void set_exit_code(int code) { g_exit_code = code; }

void register_commands(CLI::App& app) {
  register_check(app);
  register_facts(app);
  register_relations(app);
  register_rules(app);
  register_lsp(app);
  register_text(app);
  register_help(app);
  register_completion(app);
}

}  // namespace tally::cli
