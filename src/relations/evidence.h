// Evidence: why a relation was read as it was ("其中 … 分别为", "categories 公办/民办"), kept in
// catalogue terms (rules/messages/relations.*.yaml) so that it is put into words in the reader's
// language when it is shown — in a finding, `tally relations` or `tally facts` — not when it is found.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "base/message.h"

namespace tally {

struct Evidence {
  // One statement of evidence; arguments that are sentences themselves ("comparison level and growth
  // rate", another relation's evidence) are messages too, put into words first.
  struct Piece {
    Message what;
    std::vector<std::pair<std::string, Message>> parts;
  };
  std::vector<Piece> pieces;  // shown one after another, joined by the catalogue's why.sep ("; ")

  Evidence() = default;
  Evidence(Message m, std::vector<std::pair<std::string, Message>> parts = {})  // NOLINT: `b.why = Message(…)`
      : pieces{{std::move(m), std::move(parts)}} {}
  Evidence& operator+=(const Evidence& more) {
    pieces.insert(pieces.end(), more.pieces.begin(), more.pieces.end());
    return *this;
  }
  bool empty() const { return pieces.empty(); }
};

std::string say_evidence(const Evidence& e, const Say& say);

}  // namespace tally
