#include "config/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace tally {

unsigned effective_jobs(unsigned jobs) {
  if (jobs > 0) return jobs;
  return std::max(1u, std::thread::hardware_concurrency());
}

void parallel_for(size_t n, unsigned jobs, const std::function<void(size_t)>& fn) {
  size_t threads = std::min<size_t>(effective_jobs(jobs), n);
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
}

}  // namespace tally
