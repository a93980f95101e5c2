// The message catalogues (rules/messages/*.yaml), compiled into the binary by src/packc at build time.
#pragma once
#include <vector>

#include "base/embedded_file.h"

namespace tally {

const std::vector<EmbeddedFile>& embedded_messages();

}  // namespace tally
