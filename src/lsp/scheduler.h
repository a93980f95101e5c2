// CheckScheduler: debounced background checks. Scheduling a document again
// before its check starts replaces the pending job, so a burst of edits costs
// one check. A document is never checked by two workers at once.
#pragma once
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace tally::lsp {

struct CheckJob {
  std::string uri;
  int version = 0;  // the worker fetches the text then, if this is still the current version
};

class CheckScheduler {
 public:
  using Run = std::function<void(const CheckJob&)>;
  CheckScheduler(std::chrono::milliseconds delay, int workers, Run run);
  ~CheckScheduler();  // drops pending jobs, waits for running ones
  CheckScheduler(const CheckScheduler&) = delete;
  CheckScheduler& operator=(const CheckScheduler&) = delete;

  // Runs the job after the debounce delay (or `delay` when given).
  void schedule(CheckJob job);
  void schedule(CheckJob job, std::chrono::milliseconds delay);
  void cancel(const std::string& uri);
  // Blocks until nothing is pending or running (tests, shutdown).
  void wait_idle();

 private:
  using Clock = std::chrono::steady_clock;
  struct Pending {
    CheckJob job;
    Clock::time_point due;
  };
  void work();
  bool pick(std::unique_lock<std::mutex>& lock, CheckJob* out);

  std::chrono::milliseconds delay_;
  Run run_;
  std::mutex mu_;
  std::condition_variable cv_;       // wakes workers
  std::condition_variable idle_cv_;  // wakes wait_idle
  std::map<std::string, Pending> pending_;
  std::set<std::string> running_;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace tally::lsp
