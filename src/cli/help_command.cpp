// `tally help [COMMAND]`: the same text as `tally --help` / `tally COMMAND --help`, as git and cargo
// offer it.
#include <fmt/format.h>

#include "base/suggest.h"
#include "cli/cli_words.h"
#include "cli/commands.h"
#include "cli/common.h"

namespace tally::cli {

void register_help(CLI::App& app, const Words& w) {
  auto topic = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("help", w("help"));
  cmd->add_option("command", *topic, w("help.command"));
  CLI::App* root = &app;  // the App outlives every callback: it is main()'s
  cmd->callback([root, topic] {
    if (topic->empty()) {
      // Not root->help(): CLI11 answers that with the help of the command being run, `help` itself.
      fmt::print("{}", root->get_formatter()->make_help(root, "tally", CLI::AppFormatMode::Normal));
      return set_exit_code(0);
    }
    for (const CLI::App* sub : root->get_subcommands([](const CLI::App*) { return true; }))
      if (sub->get_name() == *topic) {
        fmt::print("{}", sub->help("tally"));
        return set_exit_code(0);
      }
    print_error(Message("error.cli.unknown_command", {{"command", *topic}}), lang_from_env(),
                {{"suggestion", suggestion(*topic, command_names(*root))}});
    set_exit_code(2);
  });
}

}  // namespace tally::cli
