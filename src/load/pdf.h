// PDF extraction with poppler: the text layer of every page, laid out in
// reading lines (see pdf_layout.h), with locators "page P, line L".
#pragma once
#include <string>
#include <string_view>

#include "base/result.h"
#include "base/source.h"

namespace tally {

Result<SourceText> load_pdf(const std::string& path, std::string_view bytes);

}  // namespace tally
