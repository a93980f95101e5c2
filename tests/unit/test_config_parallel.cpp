#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "config/parallel.h"

using namespace tally;

TEST_CASE("parallel_for: every index runs exactly once, for any number of jobs") {
  for (unsigned jobs : {1u, 2u, 3u, 8u, 64u}) {
    std::vector<std::atomic<int>> hits(100);
    parallel_for(hits.size(), jobs, [&](size_t i) { hits[i]++; });
    for (size_t i = 0; i < hits.size(); ++i) CHECK(hits[i].load() == 1);
  }
  int calls = 0;
  parallel_for(0, 4, [&](size_t) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("parallel_for: more than one job really uses more than one thread") {
  std::atomic<int> running{0}, most{0};
  parallel_for(8, 4, [&](size_t) {
    int now = ++running;
    int seen = most.load();
    while (now > seen && !most.compare_exchange_weak(seen, now)) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    --running;
  });
  CHECK(most.load() > 1);
}

TEST_CASE("parallel_for: jobs 0 means one per hardware thread") {
  CHECK(effective_jobs(0) >= 1);
  CHECK(effective_jobs(3) == 3);
}
