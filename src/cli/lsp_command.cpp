// `tally lsp`: the language server (see src/lsp/) on standard input and output.
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <mutex>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/common.h"
#include "lsp/stdio.h"

namespace tally::cli {

namespace {

int run_lsp(const PackOptions& packs) {
  // Keep the real stdout for the protocol and point fd 1 at stderr, so a stray
  // print anywhere in the process can never corrupt the message stream.
  int proto_fd = dup(STDOUT_FILENO);
  if (proto_fd < 0 || dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
    print_error(Message("error.cli.lsp_stdout"), lang_from_env());
    return 2;
  }
  FILE* out = fdopen(proto_fd, "wb");
  if (!out) return 2;
  std::signal(SIGPIPE, SIG_IGN);  // a client that goes away ends the loop at end of input instead
  lsp::ServerOptions opts;
  opts.engine.default_packs = !packs.no_default_rules;
  opts.engine.pack_paths = packs.rules;
  std::ios::sync_with_stdio(false);
  std::mutex out_mu;  // replies come from the reading thread and from check workers
  int code = lsp::run_stream(
      opts, std::cin,
      [out, &out_mu](std::string_view bytes) {
        std::lock_guard<std::mutex> lock(out_mu);
        std::fwrite(bytes.data(), 1, bytes.size(), out);
        std::fflush(out);
      },
      [out, &out_mu](int exit_code) {
        // `exit` ends the process now: a check still running on a large
        // document is abandoned (it writes nothing and changes no file)
        // rather than waited for. The lock keeps a reply from being cut.
        std::lock_guard<std::mutex> lock(out_mu);
        std::fflush(out);
        std::_Exit(exit_code);
      });
  std::fclose(out);
  return code;
}

}  // namespace

void register_lsp(CLI::App& app, const Words& w) {
  auto packs = std::make_shared<PackOptions>();
  auto* cmd = app.add_subcommand("lsp", w("lsp"));
  add_pack_options(cmd, *packs, w);
  auto stdio = std::make_shared<bool>(false);
  cmd->add_flag("--stdio", *stdio, w("lsp.stdio"));
  cmd->callback([packs, stdio] { set_exit_code(run_lsp(*packs)); });
}

}  // namespace tally::cli
