// DOCX extraction: word/document.xml (plus styles, numbering and footnotes)
// → one text line per paragraph, per table row (cells joined by "\t") and
// per footnote, each with a locator ("paragraph 12", "table 2, row 3").
#pragma once
#include <string>
#include <string_view>

#include "base/result.h"
#include "base/source.h"
#include "load/zip_archive.h"

namespace tally {

// True when `bytes` start like an OLE compound file (legacy .doc, or an
// encrypted Office document).
bool is_ole_compound(std::string_view bytes);

Result<SourceText> load_docx(const std::string& path, std::string_view bytes, const ZipLimits& limits = {});

}  // namespace tally
