#include "cli/commands.h"

namespace tally::cli {

namespace {
int g_exit_code = 0;  // set once by the subcommand that runs
}

int exit_code() { return g_exit_code; }
void set_exit_code(int code) { g_exit_code = code; }

void register_commands(CLI::App& app, const Words& w) {
  register_check(app, w);
  register_facts(app, w);
  register_relations(app, w);
  register_rules(app, w);
  register_lsp(app, w);
  register_text(app, w);
  register_help(app, w);
  register_completion(app, w);
}

}  // namespace tally::cli
