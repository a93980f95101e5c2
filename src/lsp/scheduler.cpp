#include "lsp/scheduler.h"

namespace tally::lsp {

CheckScheduler::CheckScheduler(std::chrono::milliseconds delay, int workers, Run run)
    : delay_(delay), run_(std::move(run)) {
  if (workers < 1) workers = 1;
  for (int i = 0; i < workers; ++i) threads_.emplace_back([this] { work(); });
}

CheckScheduler::~CheckScheduler() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
    pending_.clear();
  }
  cv_.notify_all();
  for (auto& t : threads_) t.join();
}

void CheckScheduler::schedule(CheckJob job) { schedule(std::move(job), delay_); }

void CheckScheduler::schedule(CheckJob job, std::chrono::milliseconds delay) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    std::string uri = job.uri;
    pending_[uri] = Pending{std::move(job), Clock::now() + delay};
  }
  cv_.notify_all();
}

void CheckScheduler::cancel(const std::string& uri) {
  std::lock_guard<std::mutex> lock(mu_);
  pending_.erase(uri);
  if (pending_.empty() && running_.empty()) idle_cv_.notify_all();
}

void CheckScheduler::wait_idle() {
  std::unique_lock<std::mutex> lock(mu_);
  idle_cv_.wait(lock, [this] { return pending_.empty() && running_.empty(); });
}

// Waits for the earliest due job whose document is not being checked already.
// Returns false when the scheduler stops.
bool CheckScheduler::pick(std::unique_lock<std::mutex>& lock, CheckJob* out) {
  for (;;) {
    if (stop_) return false;
    auto best = pending_.end();
    for (auto it = pending_.begin(); it != pending_.end(); ++it)
      if (!running_.count(it->first) && (best == pending_.end() || it->second.due < best->second.due)) best = it;
    if (best == pending_.end()) {
      cv_.wait(lock);
      continue;
    }
    if (best->second.due > Clock::now()) {
      // Copy the deadline: the map node may be replaced or erased while we wait unlocked.
      const Clock::time_point due = best->second.due;
      cv_.wait_until(lock, due);
      continue;  // a newer job may have replaced it meanwhile
    }
    *out = std::move(best->second.job);
    pending_.erase(best);
    running_.insert(out->uri);
    return true;
  }
}

void CheckScheduler::work() {
  std::unique_lock<std::mutex> lock(mu_);
  CheckJob job;
  while (pick(lock, &job)) {
    lock.unlock();
    run_(job);
    std::string uri = std::move(job.uri);
    lock.lock();
    running_.erase(uri);
    cv_.notify_all();  // a job for this document may be waiting for it to finish
    if (pending_.empty() && running_.empty()) idle_cv_.notify_all();
  }
}

}  // namespace tally::lsp
