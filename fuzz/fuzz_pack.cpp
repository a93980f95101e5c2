// Bytes → a rule pack: every shape of YAML must be a located error or a pack.
#include <cstddef>
#include <cstdint>
#include <string>

#include "rules/pack.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tally::PackSource src{"fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size)};
  auto pack = tally::parse_pack(src);
  (void)pack;
  return 0;
}
