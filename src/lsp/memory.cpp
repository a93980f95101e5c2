#include "lsp/memory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace tally::lsp {

void release_free_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);  // every arena, including the free pages inside the heap (glibc >= 2.8)
#endif
}

}  // namespace tally::lsp
