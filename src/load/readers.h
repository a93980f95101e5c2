// The .docx and .pdf readers live in a module of their own (tally_readers.so):
// poppler, libzip and pugixml bring in some 25 shared libraries whose loading
// would cost every run ~10 ms, so the program loads them only when it meets
// such a file (load/office.h). This is the module's one entry point.
#pragma once
#include <string>
#include <string_view>

#include "base/result.h"
#include "base/source.h"

namespace tally {

struct OfficeReaders {
  // The layout of this struct and of the types it passes; a module built from
  // other sources is refused rather than called.
  int abi = 0;
  Result<SourceText> (*pdf)(const std::string& path, std::string_view bytes) = nullptr;
  Result<SourceText> (*docx)(const std::string& path, std::string_view bytes) = nullptr;
};

// Bumped whenever OfficeReaders, SourceText or Result change shape.
inline constexpr int kOfficeReadersAbi = 3;  // 2: Error carries its catalogue form; 3: SourceText keeps marks

}  // namespace tally

// Defined by the module, or linked in directly (tests, fuzz targets).
extern "C" const tally::OfficeReaders* tally_office_readers();
