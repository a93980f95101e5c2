#include "lsp/inbox.h"

namespace tally::lsp {

void Inbox::push(Item item) {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [&] { return items_.empty() || bytes_ + item.bytes <= max_bytes_; });
  bytes_ += item.bytes;
  items_.push_back(std::move(item));
  cv_.notify_all();
}

Inbox::Item Inbox::pop() {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [&] { return !items_.empty(); });
  Item item = std::move(items_.front());
  items_.pop_front();
  bytes_ -= item.bytes;
  cv_.notify_all();
  return item;
}

}  // namespace tally::lsp
