// The interface every check kind implements. A check reads the FactBase and
// reports diagnostics through its CheckContext; rule packs (YAML) choose
// which kinds run, with what severity, message and parameters.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>


#include "diag/diagnostic.h"
#include "diag/message.h"
#include "diag/messages.h"
#include "facts/fact_base.h"
#include "relations/relations.h"
#include "rules/rule_info.h"

namespace tally {

struct CheckContext {
  const FactBase& fb;
  const Relations& rel;  // typed statements and the relations between them
  const RuleInfo& rule;
  const RuleParams& params;  // the rule's `params:`, read when the pack loaded
  const std::string& message_template;  // "{detail}" unless the pack says otherwise
  Severity severity;
  bool truncation_is_error = false;
  std::vector<Diagnostic>& out;
  std::vector<char>& used;  // per quantity: took part in a check
  const struct PatternProgram* pattern = nullptr;  // compiled pattern rule, if any
  std::vector<int>& holds;                           // per quantity: relations that hold
  const Catalogue* messages = nullptr;               // where message ids are put into words
  Lang lang = Lang::En;                              // the reader's language

  struct Role {
    int quantity;
    Message role;  // "role.whole", "role.part" {i, n}
  };
  // Reports a finding on quantity `primary`, with the related figures. `detail`, the roles and the notes
  // are catalogue ids with arguments (rules/messages/*.yaml), rendered in the reader's language here.
  void report(int primary, const Message& detail, const std::vector<Role>& related,
              std::optional<std::string> replacement = std::nullopt, Severity sev_override = Severity::Error,
              bool use_override = false, std::vector<Message> notes = {});
  // A message in the reader's language (for text a check assembles from several messages).
  std::string say(const Message& m) const;
  void mark(int quantity) { used[quantity] = 1; }
  // Records a relation that holds: its figures are vouched for (used by blame).
  void held(std::initializer_list<int> quantities) {
    for (int q : quantities)
      if (q >= 0) ++holds[q];
  }
  void held(const std::vector<int>& quantities) {
    for (int q : quantities) ++holds[q];
  }
  // A list-of-strings parameter from the rule's `params:` (the word lists live in the packs, not in
  // code); empty when the pack gives none.
  const std::vector<std::string>& strings(const char* key) const;
};

using CheckFn = void (*)(CheckContext&);

// Registry of the built-in check kinds (checks/registry.cpp).
CheckFn find_check(std::string_view kind);
const std::vector<std::string>& check_kinds();

// Formatting helpers shared by checks.
std::string show(const Quantity& q);          // "5342 人"
// A figure as a term of a sum: "12.5" first, then "+ 12.5"; a negative cell "− 10.69".
std::string sum_term(const Quantity& q, bool first);
std::string named(const Quantity& q);         // "专任教师 5342 人": the figure with its label, for messages
std::string show_value(const Rational& v, int decimals);
// An amount computed from figures, in the scale `like` is printed in: "12.58 亿" for a difference of
// figures in 亿, not 1258000000. The plain value when `like` has no such scale.
std::string show_scaled(const Rational& v, const Quantity& like, int decimals);
// The word of a figure's scale: "万" for 10000, "亿" for 100000000; "" for none.
std::string_view scale_word(int64_t multiplier);

}  // namespace tally
