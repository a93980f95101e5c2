// `tally facts`: the debugging view of what tally understood in a file.
#include <cstdio>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/common.h"
#include "load/loader.h"

namespace tally::cli {

void register_facts(CLI::App& app) {
  struct Args {
    std::string input;
    std::string format = "text";
    PackOptions packs;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("facts", "Print the quantities, tables and sections tally found in a file");
  cmd->add_option("input", a->input, "File to read ('-' for standard input)")->required();
  cmd->add_option("-f,--format", a->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  add_pack_options(cmd, a->packs);
  cmd->callback([a] {
    auto engine = make_engine(a->packs);
    if (!engine) return set_exit_code(2);
    auto src = load_file(a->input);
    if (!src) {
      fmt::print(stderr, "tally: error: {}\n", src.error());
      return set_exit_code(2);
    }
    std::string out = a->format == "json" ? engine->facts_json(*src) : engine->facts_text(*src);
    std::fwrite(out.data(), 1, out.size(), stdout);
    set_exit_code(0);
  });
}

void register_relations(CLI::App& app) {
  struct Args {
    std::string input;
    std::string format = "text";
    PackOptions packs;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "relations", "Print each figure's type, measure and period, and the relations found, with their evidence");
  cmd->add_option("input", a->input, "File to read ('-' for standard input)")->required();
  cmd->add_option("-f,--format", a->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  add_pack_options(cmd, a->packs);
  cmd->callback([a] {
    auto engine = make_engine(a->packs);
    if (!engine) return set_exit_code(2);
    auto src = load_file(a->input);
    if (!src) {
      fmt::print(stderr, "tally: error: {}\n", src.error());
      return set_exit_code(2);
    }
    std::string out = a->format == "json" ? engine->relations_json(*src) : engine->relations_text(*src);
    std::fwrite(out.data(), 1, out.size(), stdout);
    set_exit_code(0);
  });
}

}  // namespace tally::cli
