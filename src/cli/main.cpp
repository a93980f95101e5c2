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
