// The default rule packs (rules/*.yaml), compiled into the binary by src/packc at build time.
#pragma once
#include <vector>

#include "base/embedded_file.h"

namespace tally {

const std::vector<EmbeddedFile>& embedded_packs();

}  // namespace tally
