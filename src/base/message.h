// Message: a user-facing sentence before it is put into words — a catalogue id
// (rules/messages/*.yaml) and its named arguments. Checks build these; the
// catalogue renders them in the reader's language (diag/messages.h). It is plain data, in base/ so that
// errors (base/result.h) can carry one without depending on the catalogue.
#pragma once
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace tally {

struct Message {
  std::string id;                                           // "sum.mismatch"
  std::vector<std::pair<std::string, std::string>> args;  // {"total", "17"}, … — already formatted figures

  Message() = default;
  // Implicit, so a plain string (an id, or text no catalogue knows) reads as a message without arguments:
  // an unknown id renders as itself.
  Message(std::string i) : id(std::move(i)) {}  // NOLINT(google-explicit-constructor)
  Message(const char* i) : id(i) {}             // NOLINT(google-explicit-constructor)
  Message(std::string i, std::vector<std::pair<std::string, std::string>> a) : id(std::move(i)), args(std::move(a)) {}
};

// Puts a message into words: a catalogue in one language (diag/messages.h). Stages below the
// diagnostics take one to print a view without choosing a language themselves.
using Say = std::function<std::string(const Message&)>;

}  // namespace tally
