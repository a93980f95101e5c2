// An Error (base/result.h) in the reader's language: English is the library's own text, unchanged;
// Chinese renders each line's Message from the catalogue, after the line's place ("user.yaml:6:5: "),
// which stays as it is in every language.
#pragma once
#include <string>

#include "base/result.h"
#include "diag/messages.h"

namespace tally {

std::string render_error(const Error& e, Lang l, const Catalogue& c = builtin_catalogue());
std::string render_error_line(const ErrorLine& line, Lang l, const Catalogue& c = builtin_catalogue());

}  // namespace tally
