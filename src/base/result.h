// Result<T>: a value or an error. The library reports failures with it
// instead of throwing, so front ends decide how to print them.
//
// An Error is English text (what error() returns, what the tests compare) and, where the site has been
// given one, the same in catalogue terms: one ErrorLine per line, each a language-independent place
// ("user.yaml:6:5") and a Message the front end renders in the reader's language
// (render_error, diag/error_text.h). The library itself never chooses a language.
#pragma once
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "base/message.h"

namespace tally {

struct ErrorLine {
  std::string where;  // a file, "file:line:col", or empty; printed as "where: " before the sentence
  Message what;       // catalogue id and arguments; an id no catalogue knows is printed as it is
  // Arguments that are sentences themselves ("a list", "a rule id"): rendered in the same language first.
  std::vector<std::pair<std::string, Message>> parts;
};

struct Error {
  std::string message;           // English; several problems are one per line
  std::vector<ErrorLine> lines;  // empty: only the English exists

  Error() = default;
  Error(std::string m) : message(std::move(m)) {}  // NOLINT(google-explicit-constructor): `Error{text}`
  Error(std::string m, std::vector<ErrorLine> l) : message(std::move(m)), lines(std::move(l)) {}
  // The English "where: text" and its catalogue form in one go (the usual case).
  Error(std::string where, const std::string& english, Message what,
        std::vector<std::pair<std::string, Message>> parts = {})
      : message(where.empty() ? english : where + ": " + english),
        lines{{std::move(where), std::move(what), std::move(parts)}} {}

  // The catalogue form even when there is none: the English as a literal line.
  std::vector<ErrorLine> catalogue_lines() const {
    if (!lines.empty()) return lines;
    return {ErrorLine{"", Message(message), {}}};
  }
};

// "where: " before an error, as fmt::format("{}: {}", where, e.error()) did: the English gains the
// prefix once, and the first catalogue line its place.
inline Error prefixed(const std::string& where, Error e) {
  std::vector<ErrorLine> l = e.catalogue_lines();
  l.front().where = l.front().where.empty() ? where : where + ": " + l.front().where;
  return Error(where + ": " + e.message, std::move(l));
}

// Several errors, one per line, in the order given.
inline Error joined(const std::vector<Error>& errors) {
  Error out;
  for (const auto& e : errors) {
    out.message += (out.message.empty() ? "" : "\n") + e.message;
    for (auto& l : e.catalogue_lines()) out.lines.push_back(std::move(l));
  }
  return out;
}

template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error e) : v_(std::move(e)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const std::string& error() const { return std::get<1>(v_).message; }
  // The whole error, to pass on with its catalogue form: `if (!r) return r.failure();`
  const Error& failure() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace tally
