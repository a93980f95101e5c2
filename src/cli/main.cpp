// tally's command-line front end: argument parsing and exit codes only.
// All the work happens in the library (see docs/architecture.md).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/build_info.h"
#include "cli/cli_words.h"
#include "cli/commands.h"
#include "cli/common.h"

int main(int argc, char** argv) {
  CLI::App app{"tally: a consistency linter for statistical reports.\n"
               "It reads a report, understands its numbers and reports figures that contradict each other.",
               "tally"};
  app.set_version_flag("-V,--version", std::string("tally ") + TALLY_VERSION + " (commit " +
                                           tally::cli::build_commit() + ", built " + tally::cli::build_date() + ")");
  app.require_subcommand(1);
  app.fallthrough(false);
  tally::cli::register_commands(app);
  if (argc < 2) {  // no command: what there is to run, as git and cargo answer
    std::fputs(app.help().c_str(), stderr);
    return 2;
  }
  // A mistyped command or option gets the nearest known one named, before CLI11's generic message.
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (auto unknown = tally::cli::unknown_word(app, args)) {
    tally::cli::print_error(*unknown, tally::cli::lang_from_args(args));
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;  // usage errors are exit code 2, like input errors
  }
  return tally::cli::exit_code();
}
