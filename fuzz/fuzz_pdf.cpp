// Bytes → .pdf text extraction (poppler) and layout.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "load/pdf.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto r = tally::load_pdf("fuzz.pdf", std::string_view(reinterpret_cast<const char*>(data), size));
  (void)r;
  return 0;
}
