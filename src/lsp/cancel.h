// CancelToken: a flag shared between whoever may cancel a piece of work (a
// $/cancelRequest, a newer edit, exit) and the work itself, which looks at it
// at its stage boundaries. tally's engine runs a document in two passes
// (check, then facts for hover) and cannot be interrupted inside one, so a
// cancelled check stops at the next pass boundary and publishes nothing.
//
// A value type: copies share one flag. A default token is never cancelled.
#pragma once
#include <atomic>
#include <memory>

namespace tally::lsp {

class CancelToken {
 public:
  static CancelToken make() { return CancelToken(std::make_shared<std::atomic<bool>>(false)); }
  CancelToken() = default;
  void cancel() const {
    if (flag_) flag_->store(true, std::memory_order_relaxed);
  }
  bool cancelled() const { return flag_ && flag_->load(std::memory_order_relaxed); }

 private:
  explicit CancelToken(std::shared_ptr<std::atomic<bool>> f) : flag_(std::move(f)) {}
  std::shared_ptr<std::atomic<bool>> flag_;
};

// Thrown by a request handler that saw its token set; the server answers the
// request with RequestCancelled. Not a std::exception: no handler swallows it.
struct Cancelled {};

}  // namespace tally::lsp
