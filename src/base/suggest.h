// "Did you mean …?": the known word nearest to a mistyped one. Used for commands, flags and rule
// ids on the command line, and for keys and rule ids in .tally.yaml and suppression comments.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/message.h"

namespace tally {

// Edit distance counting insertions, deletions, substitutions and swaps of two neighbours
// (optimal string alignment), over code points.
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is close enough to be a typo of it (at most one edit per
// three characters, at least one), or the only candidate that `word` is the start of; "" when none.
// Ties go to the earlier candidate.
std::string nearest(std::string_view word, const std::vector<std::string>& candidates);

// " — did you mean 'x'?" for the nearest candidate, or "" when there is none.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);
// The same for the catalogue (id "error.did_you_mean"), an empty message when there is none: a
// sentence part of errors that are translated.
Message suggestion(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace tally
