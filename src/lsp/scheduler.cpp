#include "lsp/scheduler.h"

#include <thread>

namespace tally::lsp {

struct CheckScheduler::State {
  using Clock = std::chrono::steady_clock;
  struct Pending {
    CheckJob job;
    Clock::time_point due;
  };

  explicit State(Run r) : run(std::move(r)) {}
  void work();
  bool pick(std::unique_lock<std::mutex>& lock, CheckJob* out);

  Run run;
  std::mutex mu;
  std::condition_variable cv;       // wakes workers
  std::condition_variable idle_cv;  // wakes wait_idle
  std::map<std::string, Pending> pending;
  std::map<std::string, CancelToken> running;  // by document
  bool stop = false;
};

CheckScheduler::CheckScheduler(std::chrono::milliseconds delay, int workers, Run run)
    : delay_(delay), state_(std::make_shared<State>(std::move(run))) {
  if (workers < 1) workers = 1;
  // Detached from the start: each worker owns a share of the state and ends
  // by itself once `stop` is set and its current job (if any) returns.
  for (int i = 0; i < workers; ++i) std::thread([s = state_] { s->work(); }).detach();
}

CheckScheduler::~CheckScheduler() {
  {
    std::lock_guard<std::mutex> lock(state_->mu);
    state_->stop = true;
    state_->pending.clear();
    for (auto& [uri, token] : state_->running) token.cancel();
  }
  state_->cv.notify_all();
  state_->idle_cv.notify_all();
}

void CheckScheduler::schedule(CheckJob job) { schedule(std::move(job), delay_); }

void CheckScheduler::schedule(CheckJob job, std::chrono::milliseconds delay) {
  {
    std::lock_guard<std::mutex> lock(state_->mu);
    std::string uri = job.uri;
    job.cancel = CancelToken::make();
    // A running check of an older version is now worthless: let it stop early.
    auto busy = state_->running.find(uri);
    if (busy != state_->running.end()) busy->second.cancel();
    state_->pending[uri] = State::Pending{std::move(job), State::Clock::now() + delay};
  }
  state_->cv.notify_all();
}

void CheckScheduler::cancel(const std::string& uri) {
  std::lock_guard<std::mutex> lock(state_->mu);
  state_->pending.erase(uri);
  auto busy = state_->running.find(uri);
  if (busy != state_->running.end()) busy->second.cancel();
  if (state_->pending.empty() && state_->running.empty()) state_->idle_cv.notify_all();
}

void CheckScheduler::wait_idle() {
  std::unique_lock<std::mutex> lock(state_->mu);
  state_->idle_cv.wait(lock, [this] { return state_->stop || (state_->pending.empty() && state_->running.empty()); });
}

// Waits for the earliest due job whose document is not being checked already.
// Returns false when the scheduler stops.
bool CheckScheduler::State::pick(std::unique_lock<std::mutex>& lock, CheckJob* out) {
  for (;;) {
    if (stop) return false;
    auto best = pending.end();
    for (auto it = pending.begin(); it != pending.end(); ++it)
      if (!running.count(it->first) && (best == pending.end() || it->second.due < best->second.due)) best = it;
    if (best == pending.end()) {
      cv.wait(lock);
      continue;
    }
    if (best->second.due > Clock::now()) {
      // Copy the deadline: the map node may be replaced or erased while we wait unlocked.
      const Clock::time_point due = best->second.due;
      cv.wait_until(lock, due);
      continue;  // a newer job may have replaced it meanwhile
    }
    *out = std::move(best->second.job);
    pending.erase(best);
    running[out->uri] = out->cancel;
    return true;
  }
}

void CheckScheduler::State::work() {
  std::unique_lock<std::mutex> lock(mu);
  CheckJob job;
  while (pick(lock, &job)) {
    lock.unlock();
    run(job);
    std::string uri = std::move(job.uri);
    job = CheckJob{};
    lock.lock();
    running.erase(uri);
    cv.notify_all();  // a job for this document may be waiting for it to finish
    if (pending.empty() && running.empty()) idle_cv.notify_all();
  }
}

}  // namespace tally::lsp
