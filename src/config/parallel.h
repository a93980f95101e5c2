// parallel_for: the `-j` worker pool. Each index runs exactly once; callers
// write into their own slot of a pre-sized vector, so the output order is the
// input order whatever the thread timing.
#pragma once
#include <cstddef>
#include <functional>

namespace tally {

// jobs == 0 means std::thread::hardware_concurrency().
unsigned effective_jobs(unsigned jobs);
void parallel_for(size_t n, unsigned jobs, const std::function<void(size_t)>& fn);

}  // namespace tally
