// Gives freed heap memory back to the system. A language server lives as long
// as the editor; after checking a large document glibc keeps the freed pages
// in each worker thread's arena, so the process would stay at its peak for
// hours. Called after large checks and when a document closes.
#pragma once
#include <cstddef>

namespace tally::lsp {

// Texts at least this large are followed by a release (smaller ones free little).
inline constexpr size_t kReleaseAfterBytes = size_t{64} << 10;

void release_free_memory();  // a no-op where the C library has no way to do it

}  // namespace tally::lsp
