// `tally lsp`: the language server (see src/lsp/).
#include <fmt/format.h>

#include "cli/commands.h"

namespace tally::cli {

void register_lsp(CLI::App& app) {
  auto* cmd = app.add_subcommand("lsp", "Run the language server on standard input and output");
  cmd->callback([] {
    fmt::print(stderr, "tally: error: the language server is not built yet\n");
    set_exit_code(2);
  });
}

}  // namespace tally::cli
