#include "relations/evidence.h"

namespace tally {

std::string say_evidence(const Evidence& e, const Say& say) {
  std::string out;
  for (const auto& p : e.pieces) {
    if (!out.empty()) out += say(Message("why.sep"));
    Message m = p.what;
    for (const auto& [name, part] : p.parts) m.args.emplace_back(name, say(part));
    out += say(m);
  }
  return out;
}

}  // namespace tally
