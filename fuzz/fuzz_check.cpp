// Bytes → load_bytes → the whole check pipeline (document, extraction, facts,
// relations, every rule of the built-in packs).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "load/loader.h"
#include "rules/engine.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Built once: the packs are the same for every input (a local static, not shared mutable state).
  static const auto engine = *tally::Engine::create(tally::EngineOptions{});
  auto src = tally::load_bytes("fuzz.txt", std::string_view(reinterpret_cast<const char*>(data), size));
  if (src) engine->check(*src);
  return 0;
}
