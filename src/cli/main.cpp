// tally's command-line front end: argument parsing and exit codes only.
// All the work happens in the library (see docs/architecture.md).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"tally: a consistency linter for statistical reports.\n"
               "It reads a report, understands its numbers and reports figures that contradict each other."};
  app.set_version_flag("-V,--version", std::string("tally ") + TALLY_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);
  tally::cli::register_commands(app);
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
