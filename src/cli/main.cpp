// tally's command-line front end: argument parsing and exit codes only.
// All the work happens in the library (see docs/architecture.md).
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/build_info.h"
#include "cli/cli_words.h"
#include "cli/commands.h"
#include "cli/common.h"

namespace {

// CLI11's heading words as ids of rules/messages/cli.*.yaml: "Usage" → "label.usage".
std::string label_id(std::string_view label) {
  if (label == "OPTIONS") return "label.options_badge";
  if (label == "SUBCOMMANDS") return "label.subcommands_badge";
  std::string id = "label.";
  for (char c : label) id += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return id;
}

// Every first touch of a heap page is a page fault, and on the paravirtualised VMs tally is benchmarked
// on a fault costs 15-30 us: a one-report run touched ~450 fresh pages, half its time. Grow the heap
// once by what a report needs and have the kernel fill it in one call (MADV_POPULATE_WRITE; older
// kernels refuse it and the pages fault in as before).
void prefault_heap() {
  constexpr size_t kHeapBytes = size_t{2} << 20;
  mallopt(M_TOP_PAD, static_cast<int>(kHeapBytes));  // also what a trim keeps
  // A pad turns glibc's sliding mmap threshold off, which would leave every block of 128 KB or more to a
  // fresh mapping (faulting in afresh): such blocks come from the heap too.
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(kHeapBytes));
  // Static initialisers have already made a small heap: a block larger than its free top grows it, by
  // the block and the pad.
  void* nudge = std::malloc(size_t{256} << 10);
  if (!nudge) return;
  auto page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  auto begin = (reinterpret_cast<uintptr_t>(nudge) + page - 1) & ~(page - 1);
  auto end = reinterpret_cast<uintptr_t>(sbrk(0));
#ifdef MADV_POPULATE_WRITE
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
#endif
  std::free(nudge);
}

}  // namespace

int main(int argc, char** argv) {
  prefault_heap();
  // The language of the help and of errors found before a command reads its options.
  const std::vector<std::string> args(argv + 1, argv + argc);
  const tally::Lang lang = tally::cli::lang_from_args(args);
  const tally::cli::Words w{lang};
  CLI::App app{w("tally"), "tally"};
  // Set before the commands are added: each copies the help flag, the option group and the formatter.
  app.set_help_flag("-h,--help", w("help_flag"));
  app.set_version_flag("-V,--version",
                       std::string("tally ") + TALLY_VERSION + " (commit " + tally::cli::build_commit() + ", built " +
                           tally::cli::build_date() + ")",
                       w("version_flag"));
  app.option_defaults()->group(w("group.options"));
  for (const char* label : {"Usage", "OPTIONS", "SUBCOMMAND", "SUBCOMMANDS", "Positionals", "REQUIRED", "Excludes",
                            "Needs"})
    app.get_formatter()->label(label, w(label_id(label)));
  app.require_subcommand(1);
  app.fallthrough(false);
  tally::cli::register_commands(app, w);
  // The help and version flags were made before the default group was set (commands copy them when added).
  for (CLI::App* a : app.get_subcommands({})) {
    a->group(w("group.subcommands"));
    if (CLI::Option* help = a->get_help_ptr()) help->group(w("group.options"));
  }
  app.get_help_ptr()->group(w("group.options"));
  app.get_option("--version")->group(w("group.options"));
  if (argc < 2) {  // no command: what there is to run, as git and cargo answer
    std::fputs(app.help().c_str(), stderr);
    return 2;
  }
  // A mistyped command or option gets the nearest known one named, before CLI11's generic message.
  if (auto unknown = tally::cli::unknown_word(app, args)) {
    tally::cli::print_error(*unknown, lang);
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
    tally::cli::print_parse_error(app, e, lang);
    return 2;  // usage errors are exit code 2, like input errors
  }
  return tally::cli::exit_code();
}
