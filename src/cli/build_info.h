// What `tally --version` says about the build. Defined in a file generated at build time
// (cmake/build_info.cmake) and linked into the tally executable only, so the library and its
// tests never rebuild because the commit or the date changed.
#pragma once

namespace tally::cli {

const char* build_commit();  // `git describe --always --dirty`, or "unknown" outside a git tree
const char* build_date();    // YYYY-MM-DD (UTC; SOURCE_DATE_EPOCH when set)

}  // namespace tally::cli
