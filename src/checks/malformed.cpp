// malformed-number: a figure that is not a valid number, like "291.万".
#include <fmt/format.h>

#include "checks/check.h"

namespace tally {

void check_malformed(CheckContext& ctx) {
  for (const auto& q : ctx.fb.ex.quantities) {
    if (!q.malformed) continue;
    std::string digits = q.printed.str(0);
    ctx.report(q.id, Message("malformed.decimal_point", {{"figure", q.text}}), {}, std::nullopt, Severity::Error, false,
               {Message("malformed.help", {{"fixed", digits + q.text.substr(q.text.find('.') + 1)}})});
  }
}

}  // namespace tally
