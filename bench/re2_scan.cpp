// The yardstick of `make bench`: a plain RE2 scan with one number pattern and
// its captures over the same input tally checks. Throughput figures are given
// as ratios to this, so they mean the same on a fast or a slow machine.
//
//   tally_re2_scan FILE…   prints: <bytes> <seconds> <matches>
//
// Files are read into memory first (the scan, not the disk, is measured); the
// scan repeats until it has run a quarter of a second and the best pass counts.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <re2/re2.h>

namespace {

// A figure as a reader sees it: digits with thousands separators and a
// fraction, an optional 万/亿 and an optional unit-like suffix.
constexpr const char* kNumber = R"(([0-9][0-9,]*(?:\.[0-9]+)?)\s*(万|亿)?(%|‰|个百分点)?)";

size_t scan(const RE2& re, const std::string& text) {
  re2::StringPiece in(text);
  re2::StringPiece digits, mult, suffix;
  size_t n = 0;
  while (RE2::FindAndConsume(&in, re, &digits, &mult, &suffix)) ++n;
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream f(argv[i], std::ios::binary);
    if (!f) {
      std::fprintf(stderr, "tally_re2_scan: cannot read %s\n", argv[i]);
      return 2;
    }
    texts.emplace_back(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    bytes += texts.back().size();
  }
  RE2 re(kNumber);
  if (!re.ok() || texts.empty()) return 2;
  using clock = std::chrono::steady_clock;
  double best = 1e30, total = 0;
  size_t matches = 0;
  for (int pass = 0; pass < 100 && (pass < 2 || total < 0.25); ++pass) {
    auto t0 = clock::now();
    matches = 0;
    for (const auto& t : texts) matches += scan(re, t);
    double s = std::chrono::duration<double>(clock::now() - t0).count();
    best = std::min(best, s);
    total += s;
  }
  std::printf("%zu %.6f %zu\n", bytes, best, matches);
  return 0;
}
