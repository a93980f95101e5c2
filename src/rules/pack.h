// Rule packs: YAML files holding vocabulary and rules. Loading validates
// every key and reports problems as "file:line:col: message".
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "base/tree.h"
#include "rules/engine.h"
#include "rules/expr.h"
#include "rules/rule_info.h"
#include "vocab/vocabulary.h"

namespace re2 {
class RE2;
}

namespace tally {

// A compiled `pattern` rule: an RE2 pattern (with {num:x}/{pct:x} macros
// expanded) and an assertion over its captures.
struct PatternProgram {
  std::shared_ptr<re2::RE2> regex;
  std::vector<std::string> captures;  // names, in group order
  std::vector<std::pair<std::string, int>> groups;  // each capture's name and RE2 group number
  Expr assertion;
  // The `{= expression}` placeholders of the rule's message, by their text (checked when the pack loads).
  std::map<std::string, Expr> computed;
};

// A pattern rule's message: `{detail}` is the check's own sentence, `{name}` a captured figure as printed,
// `{= part / total * 100}` a value computed from the printed figures (two decimals). Returns what the
// placeholders name: captures, or expressions with their parse errors; the loader refuses the others.
struct Placeholder {
  std::string text;  // between the braces
  bool computed;     // `{= …}`
};
std::vector<Placeholder> message_placeholders(const std::string& message);

struct Rule {
  RuleInfo info;
  std::string message = "{detail}";
  RuleParams params;
  std::shared_ptr<PatternProgram> pattern;  // kind == "pattern" only
};

struct Pack {
  std::string name;
  std::string source;  // file name
  Vocabulary vocab;
  std::vector<Rule> rules;
  Catalogue messages;  // `messages: {en: {id: text}, zh: {id: text}}` — texts for the pack's own rules
};

// Loads a pack; the error lists every problem, one "file:line:col: message" per line.
Result<Pack> parse_pack(const PackSource& src);
// The same from a tree already read (a built-in pack's compiled form); `name` is for error messages.
Result<Pack> parse_pack(std::string_view name, const TreeNode& root);
// Reads a file or every *.yaml/*.yml in a folder (sorted).
Result<std::vector<PackSource>> read_pack_sources(const std::string& path);

}  // namespace tally
