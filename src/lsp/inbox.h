// Inbox: the messages read from the client and not yet handled, between the
// thread that reads the stream and the one that handles them. Reading ahead
// is what lets a $/cancelRequest or `exit` act while a request is running.
//
// Bounded by bytes: a client that writes faster than the server handles
// waits on its pipe instead of growing the server's memory.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

namespace tally::lsp {

class Inbox {
 public:
  struct Item {
    nlohmann::json msg;  // discarded: the body was not JSON
    size_t bytes = 0;    // its body's size, for the bound
    bool end = false;    // end of input: no message, and nothing follows
    bool last = false;   // `exit`: handled, then nothing follows
    std::string skipped;  // not a message: why a malformed one was skipped (logged in turn, once initialized)
  };
  explicit Inbox(size_t max_bytes) : max_bytes_(max_bytes) {}

  // Waits while the inbox is over its bound (one item is always let in).
  void push(Item item);
  Item pop();  // waits for an item

 private:
  const size_t max_bytes_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Item> items_;
  size_t bytes_ = 0;
};

}  // namespace tally::lsp
