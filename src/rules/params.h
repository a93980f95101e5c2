// The shape of each check kind's `params:` — checked when a pack is loaded,
// so a wrong shape (a map where a list of words belongs, a nested list in a
// pair) is a file:line:col error instead of a YAML exception inside a check.
#pragma once
#include <optional>
#include <string>

#include "base/message.h"
#include "base/tree.h"

namespace tally {

struct ParamProblem {
  int line;
  int column;
  std::string message;  // English
  Message what;         // the same for the catalogue
};

// Validates `params` (a mapping, may be undefined) for a rule of `kind`.
std::optional<ParamProblem> validate_params(const std::string& kind, const TreeNode& params);

}  // namespace tally
