// Read-only access to a ZIP archive held in memory (libzip), with limits
// against zip bombs: a member is refused when its uncompressed size is too
// large or its compression ratio is absurd, and reading stops at the limit
// even if the archive lies about sizes.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

struct zip;

namespace tally {

struct ZipLimits {
  uint64_t max_member_bytes = 64ull << 20;  // uncompressed size of one member
  uint64_t max_ratio = 200;                 // uncompressed / compressed …
  uint64_t ratio_floor = 4ull << 20;        // … checked above this many bytes
};

class ZipArchive {
 public:
  // Opens `bytes` (which must outlive the archive). Errors carry no path.
  static Result<ZipArchive> open(std::string_view bytes);

  bool contains(const std::string& name) const;
  // The member's contents; nullopt-like Error when missing, encrypted,
  // damaged or over the limits. Messages name the member.
  Result<std::string> read(const std::string& name, const ZipLimits& limits) const;

 private:
  struct Closer {
    void operator()(zip* z) const;
  };
  explicit ZipArchive(zip* z) : zip_(z) {}
  std::unique_ptr<zip, Closer> zip_;
};

}  // namespace tally
