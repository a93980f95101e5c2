// `tally text`: print the text view of a file, the view line numbers refer to.
// For .docx and .pdf this is the extracted text; --locators shows where each
// line came from ("page 3, line 7"), to find a reported line in the original.
#include <cstdio>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/common.h"
#include "load/loader.h"

namespace tally::cli {

namespace {

struct TextArgs {
  std::string input;
  bool locators = false;
};

int run_text(const TextArgs& a) {
  auto src = load_file(a.input);
  if (!src) {
    print_error(src.failure(), lang_from_env());
    return 2;
  }
  if (!a.locators) {
    std::fwrite(src->text().data(), 1, src->text().size(), stdout);
    return 0;
  }
  // A trailing "\n" makes one more, empty, line: not worth printing.
  int lines = src->line_count();
  if (lines > 1 && src->line_text(lines).empty()) --lines;
  for (int i = 1; i <= lines; ++i) {
    std::string_view loc = static_cast<size_t>(i - 1) < src->line_locators.size()
                               ? std::string_view(src->line_locators[i - 1])
                               : std::string_view();
    fmt::print("{}\t{}\t{}\n", i, loc, src->line_text(i));
  }
  return 0;
}

}  // namespace

void register_text(CLI::App& app, const Words& w) {
  auto args = std::make_shared<TextArgs>();
  auto* cmd = app.add_subcommand("text", w("text"));
  cmd->add_option("input", args->input, w("option.input"))->required();
  cmd->add_flag("--locators", args->locators,
                w("text.locators"));
  cmd->callback([args] { set_exit_code(run_text(*args)); });
}

}  // namespace tally::cli
