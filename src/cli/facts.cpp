// `tally facts`: the debugging view of what tally understood in a file.
#include <cstdio>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/common.h"
#include "load/loader.h"

namespace tally::cli {

namespace {

// A debugging view of one file: the engine renders it as text or JSON.
using View = std::string (Engine::*)(const SourceText&, Lang) const;

void register_view(CLI::App& app, const Words& w, const char* name, const std::string& help, View text, View json) {
  struct Args {
    std::string input;
    std::string format = "text";
    std::string lang;
    PackOptions packs;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(name, help);
  cmd->add_option("input", a->input, w("option.input"))->required();
  cmd->add_option("-f,--format", a->format, w("option.format_text_json"))->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  add_pack_options(cmd, a->packs, w);
  add_lang_option(cmd, a->lang, w);
  cmd->callback([a, text, json] {
    Lang lang = Lang::En;
    if (!resolve_lang(a->lang, &lang)) return set_exit_code(2);
    auto engine = make_engine(a->packs, lang);
    if (!engine) return set_exit_code(2);
    auto src = load_file(a->input);
    if (!src) {
      print_error(src.failure(), lang);
      return set_exit_code(2);
    }
    std::string out = ((*engine).*(a->format == "json" ? json : text))(*src, lang);
    std::fwrite(out.data(), 1, out.size(), stdout);
    set_exit_code(0);
  });
}

}  // namespace

void register_facts(CLI::App& app, const Words& w) {
  register_view(app, w, "facts", w("facts"), &Engine::facts_text, &Engine::facts_json);
}

void register_relations(CLI::App& app, const Words& w) {
  register_view(app, w, "relations", w("relations"), &Engine::relations_text, &Engine::relations_json);
}

}  // namespace tally::cli
