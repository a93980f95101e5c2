// Format dispatch by name, so front ends need not know every renderer.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "output/render.h"

namespace tally {

// Names accepted by --format.
const std::vector<std::string>& format_names();
Result<std::string> render(std::string_view format, const RenderInput& in, const RenderOptions& opts);

}  // namespace tally
