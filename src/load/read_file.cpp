#include "load/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace tally {

namespace {

std::string too_large(const std::string& name, uint64_t size, uint64_t max_bytes) {
  return fmt::format("{}: file too large ({}; the limit is {})", name, mebibytes(size), mebibytes(max_bytes));
}

const char* file_type(mode_t m) {
  if (S_ISFIFO(m)) return "a FIFO (named pipe)";
  if (S_ISSOCK(m)) return "a socket";
  if (S_ISCHR(m)) return "a character device";
  if (S_ISBLK(m)) return "a block device";
  return "not a regular file";
}

}  // namespace

std::string mebibytes(uint64_t n) { return fmt::format("{} MiB", (n + (1 << 20) - 1) >> 20); }

Result<std::string> read_stream(const std::string& name, int fd, uint64_t max_bytes) {
  std::string data;
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Error{fmt::format("{}: cannot read: {}", name, std::strerror(errno))};
    }
    if (n == 0) break;
    // Stop one chunk past the limit: the size is known to be too large, the rest is never read.
    if (data.size() + static_cast<uint64_t>(n) > max_bytes) return Error{too_large(name, data.size() + n, max_bytes)};
    data.append(buf, static_cast<size_t>(n));
  }
  return data;
}

Result<std::string> read_regular_file(const std::string& path, uint64_t max_bytes, const char* what) {
  // stat first: opening a FIFO for reading would wait for a writer forever.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return Error{fmt::format("{}: cannot open: {}", path, std::strerror(errno))};
  if (S_ISDIR(st.st_mode)) return Error{fmt::format("{}: is a folder, not a {}", path, what)};
  if (!S_ISREG(st.st_mode))
    return Error{fmt::format("{}: is {}, not a {}: refusing to read it", path, file_type(st.st_mode), what)};
  if (static_cast<uint64_t>(st.st_size) > max_bytes) return Error{too_large(path, st.st_size, max_bytes)};
  // O_NONBLOCK: the path may have been replaced by a FIFO since stat; then open does not wait either.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return Error{fmt::format("{}: cannot open: {}", path, std::strerror(errno))};
  struct stat fst {};
  if (::fstat(fd, &fst) != 0 || !S_ISREG(fst.st_mode)) {
    ::close(fd);
    return Error{fmt::format("{}: is not a regular {}: refusing to read it", path, what)};
  }
  auto data = read_stream(path, fd, max_bytes);  // the file may grow after fstat: the limit still holds
  ::close(fd);
  return data;
}

}  // namespace tally
