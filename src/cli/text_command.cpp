// `tally text`: print the text view of a file, the view line numbers refer to.
#include <cstdio>

#include <fmt/format.h>

#include "cli/commands.h"
#include "load/loader.h"

namespace tally::cli {

void register_text(CLI::App& app) {
  auto input = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("text", "Print the text tally reads from a file (after decoding or extraction)");
  cmd->add_option("input", *input, "File to read ('-' for standard input)")->required();
  cmd->callback([input] {
    auto src = load_file(*input);
    if (!src) {
      fmt::print(stderr, "tally: error: {}\n", src.error());
      return set_exit_code(2);
    }
    std::fwrite(src->text().data(), 1, src->text().size(), stdout);
    set_exit_code(0);
  });
}

}  // namespace tally::cli
