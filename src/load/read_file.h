// Reading a whole file safely: never blocks on a FIFO or a device, never reads
// more than a limit, and says in one line what is wrong with the path.
#pragma once
#include <cstdint>
#include <string>

#include "base/result.h"

namespace tally {

// The most tally reads from one input (a report, a rule pack, a config file).
constexpr uint64_t kMaxInputBytes = uint64_t{256} << 20;

// "N MiB", rounded up, for messages.
std::string mebibytes(uint64_t n);

// Reads a regular file of at most `max_bytes`. Folders, FIFOs, sockets and
// devices (/dev/zero) are refused before a byte is read; `what` names the kind
// of file in messages ("file", "rule pack", "configuration file").
Result<std::string> read_regular_file(const std::string& path, uint64_t max_bytes = kMaxInputBytes,
                                      const char* what = "file");

// errno as a sentence part: an id for the usual reasons ("error.errno.ENOENT"), else the C library's
// English (tally sets no locale, so strerror is always English).
Message errno_reason(int err);

// Reads a file descriptor (standard input) to its end, failing past `max_bytes`.
Result<std::string> read_stream(const std::string& name, int fd, uint64_t max_bytes = kMaxInputBytes);

}  // namespace tally
