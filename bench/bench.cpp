// Throughput benchmark: extraction (document model + quantities + fact base)
// and full `tally check` with the default packs, on one core.
//
//   build/tally_bench [--mb 100] [FILES or FOLDERS…]
//
// The corpus is the given reports repeated until it reaches --mb megabytes
// (default: examples/ and, when present, ../shared/corpus/).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "facts/fact_base.h"
#include "load/loader.h"
#include "rules/engine.h"

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  double target_mb = 100;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--mb" && i + 1 < argc) target_mb = std::atof(argv[++i]);
    else inputs.push_back(a);
  }
  if (inputs.empty()) {
    inputs.push_back("examples");
    if (std::filesystem::exists("../shared/corpus")) inputs.push_back("../shared/corpus");
  }
  auto files = tally::expand_inputs(inputs);
  if (!files) {
    fmt::print(stderr, "{}\n", files.error());
    return 2;
  }
  std::vector<tally::SourceText> reports;
  for (const auto& f : *files) {
    auto s = tally::load_file(f);
    if (s) reports.push_back(*s);
  }
  if (reports.empty()) {
    fmt::print(stderr, "no reports to measure\n");
    return 2;
  }
  std::vector<const tally::SourceText*> corpus;
  size_t bytes = 0;
  while (bytes < target_mb * 1e6)
    for (const auto& r : reports) {
      corpus.push_back(&r);
      bytes += r.text().size();
    }
  auto engine = tally::Engine::create(tally::EngineOptions{});
  if (!engine) {
    fmt::print(stderr, "{}\n", engine.error());
    return 2;
  }
  double mb = bytes / 1e6;
  fmt::print("corpus: {} reports from {} files, {:.1f} MB\n", corpus.size(), reports.size(), mb);

  // The vocabulary comes from the engine's packs; build_fact_base is extraction end to end.
  auto t0 = std::chrono::steady_clock::now();
  size_t quantities = 0;
  for (const auto* r : corpus) {
    tally::FileResult res = (*engine)->check(*r, tally::CheckOptions{{}, {"__none__"}, {}, false});
    quantities += res.figures;
  }
  double t_extract = seconds_since(t0);
  fmt::print("extraction:   {:7.1f} MB/s  ({} figures, {:.2f} s)\n", mb / t_extract, quantities, t_extract);

  t0 = std::chrono::steady_clock::now();
  size_t diags = 0;
  for (const auto* r : corpus) diags += (*engine)->check(*r).diagnostics.size();
  double t_check = seconds_since(t0);
  fmt::print("tally check:  {:7.1f} MB/s  ({} diagnostics, {:.2f} s)\n", mb / t_check, diags, t_check);
  return 0;
}
