// CheckScheduler: debounced background checks. Scheduling a document again
// before its check starts replaces the pending job, so a burst of edits costs
// one check. A document is never checked by two workers at once.
//
// Every job carries a CancelToken. It is set when the job is superseded (a
// newer job for the same document while it runs), cancelled, or when the
// scheduler goes away. The destructor does not wait for a running check: the
// workers share the scheduler's state and are detached, so `exit` is never
// held up by a check of a 5 MB document. `Run` must therefore not touch
// anything that may be gone once the job is cancelled (see Server::run_check).
#pragma once
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "lsp/cancel.h"

namespace tally::lsp {

struct CheckJob {
  std::string uri;
  int version = 0;  // the worker fetches the text then, if this is still the current version
  CancelToken cancel;
};

class CheckScheduler {
 public:
  using Run = std::function<void(const CheckJob&)>;
  CheckScheduler(std::chrono::milliseconds delay, int workers, Run run);
  ~CheckScheduler();  // drops pending jobs, cancels running ones, does not wait for them
  CheckScheduler(const CheckScheduler&) = delete;
  CheckScheduler& operator=(const CheckScheduler&) = delete;

  // Runs the job after the debounce delay (or `delay` when given).
  void schedule(CheckJob job);
  void schedule(CheckJob job, std::chrono::milliseconds delay);
  // Drops the document's pending job and cancels its running one.
  void cancel(const std::string& uri);
  // Blocks until nothing is pending or running (tests, shutdown).
  void wait_idle();

 private:
  struct State;
  std::chrono::milliseconds delay_;
  std::shared_ptr<State> state_;  // shared with the workers, which may outlive this object
};

}  // namespace tally::lsp
