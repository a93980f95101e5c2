// `tally check`: lint files and print diagnostics in the chosen format.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/common.h"
#include "load/loader.h"
#include "output/format.h"

namespace tally::cli {

namespace {

struct CheckArgs {
  std::vector<std::string> inputs;
  PackOptions packs;
  std::string format = "text";
  std::string fail_on = "error";
  std::string color = "auto";
  bool coverage = false;
};

int run_check(const CheckArgs& a) {
  auto engine = make_engine(a.packs);
  if (!engine) return 2;
  Severity fail_level = Severity::Error;
  bool never = a.fail_on == "never";
  if (!never && !parse_severity(a.fail_on, &fail_level)) {
    fmt::print(stderr, "tally: error: --fail-on takes error, warning, info or never (got '{}')\n", a.fail_on);
    return 2;
  }
  auto files = expand_inputs(a.inputs);
  if (!files) {
    fmt::print(stderr, "tally: error: {}\n", files.error());
    return 2;
  }
  bool input_error = false;
  std::vector<FileResult> results;
  for (const auto& path : *files) {
    auto src = load_file(path);
    if (!src) {
      fmt::print(stderr, "tally: error: {}\n", src.error());
      input_error = true;
      continue;
    }
    results.push_back(engine->check(*src));
  }
  RenderOptions ro;
  ro.coverage = a.coverage;
  bool tty = isatty(fileno(stdout));
  ro.color = a.color == "always" || (a.color == "auto" && tty && std::getenv("NO_COLOR") == nullptr);
  auto out = render(a.format, RenderInput{results, engine->rules()}, ro);
  if (!out) {
    fmt::print(stderr, "tally: error: {}\n", out.error());
    return 2;
  }
  std::fwrite(out->data(), 1, out->size(), stdout);
  std::fflush(stdout);
  if (input_error) return 2;
  if (never) return 0;
  for (const auto& r : results)
    for (const auto& d : r.diagnostics)
      if (d.severity >= fail_level) return 1;
  return 0;
}

}  // namespace

void register_check(CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  auto* cmd = app.add_subcommand("check", "Check reports and print the contradictions found");
  cmd->add_option("inputs", args->inputs, "Files or folders to check ('-' for standard input)")->required();
  add_pack_options(cmd, args->packs);
  cmd->add_option("-f,--format", args->format, "Output format: text, json, sarif, rdjson, github, html")
      ->capture_default_str();
  cmd->add_option("--fail-on", args->fail_on, "Lowest severity that makes the exit code 1: error, warning, info, never")
      ->capture_default_str();
  cmd->add_option("--color", args->color, "Colour: auto, always, never")->capture_default_str();
  cmd->add_flag("--coverage", args->coverage, "Also list the figures no rule looked at");
  cmd->callback([args] { set_exit_code(run_check(*args)); });
}

}  // namespace tally::cli
