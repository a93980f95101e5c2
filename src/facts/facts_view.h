// The debugging view (`tally facts`): what tally understood in a file.
#pragma once
#include <string>

#include "facts/fact_base.h"

namespace tally {

std::string facts_to_json(const FactBase& fb);
std::string facts_to_text(const FactBase& fb);

}  // namespace tally
