#include "load/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace tally {

Message errno_reason(int err) {
  switch (err) {
    case ENOENT: return "error.errno.ENOENT";
    case EACCES: return "error.errno.EACCES";
    case ENOTDIR: return "error.errno.ENOTDIR";
    case EISDIR: return "error.errno.EISDIR";
    case ELOOP: return "error.errno.ELOOP";
    case ENAMETOOLONG: return "error.errno.ENAMETOOLONG";
    case EIO: return "error.errno.EIO";
    default: return Message(std::strerror(err));
  }
}

namespace {

Error too_large(const std::string& name, uint64_t size, uint64_t max_bytes) {
  return Error{name, fmt::format("file too large ({}; the limit is {})", mebibytes(size), mebibytes(max_bytes)),
               {"error.load.too_large", {{"size", mebibytes(size)}, {"limit", mebibytes(max_bytes)}}}};
}

// The English words and their catalogue id.
std::pair<const char*, const char*> file_type(mode_t m) {
  if (S_ISFIFO(m)) return {"a FIFO (named pipe)", "error.file_type.fifo"};
  if (S_ISSOCK(m)) return {"a socket", "error.file_type.socket"};
  if (S_ISCHR(m)) return {"a character device", "error.file_type.char_device"};
  if (S_ISBLK(m)) return {"a block device", "error.file_type.block_device"};
  return {"not a regular file", "error.file_type.other"};
}

// What the caller reads ("configuration file"), as a sentence part; a noun without an id reads as itself.
Message noun(const char* what) {
  static const std::pair<const char*, const char*> kIds[] = {
      {"file", "file"}, {"configuration file", "config"}, {"rule pack", "pack"}, {"baseline file", "baseline"}};
  for (const auto& [english, id] : kIds)
    if (std::string_view(what) == english) return Message(std::string("error.noun.") + id);
  return Message(what);
}

Error cannot(const std::string& path, const char* verb, int err) {
  const char* id = std::string_view(verb) == "open" ? "error.load.cannot_open" : "error.load.cannot_read";
  return Error{path, fmt::format("cannot {}: {}", verb, std::strerror(err)), id, {{"reason", errno_reason(err)}}};
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
      return cannot(name, "read", errno);
    }
    if (n == 0) break;
    // Stop one chunk past the limit: the size is known to be too large, the rest is never read.
    if (data.size() + static_cast<uint64_t>(n) > max_bytes) return too_large(name, data.size() + n, max_bytes);
    data.append(buf, static_cast<size_t>(n));
  }
  return data;
}

Result<std::string> read_regular_file(const std::string& path, uint64_t max_bytes, const char* what) {
  // stat first: opening a FIFO for reading would wait for a writer forever.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return cannot(path, "open", errno);
  if (S_ISDIR(st.st_mode))
    return Error{path, fmt::format("is a folder, not a {}", what), "error.load.is_folder", {{"what", noun(what)}}};
  if (!S_ISREG(st.st_mode))
    return Error{path, fmt::format("is {}, not a {}: refusing to read it", file_type(st.st_mode).first, what),
                 "error.load.not_regular", {{"type", file_type(st.st_mode).second}, {"what", noun(what)}}};
  if (static_cast<uint64_t>(st.st_size) > max_bytes) return too_large(path, st.st_size, max_bytes);
  // O_NONBLOCK: the path may have been replaced by a FIFO since stat; then open does not wait either.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return cannot(path, "open", errno);
  struct stat fst {};
  if (::fstat(fd, &fst) != 0 || !S_ISREG(fst.st_mode)) {
    ::close(fd);
    return Error{path, fmt::format("is not a regular {}: refusing to read it", what), "error.load.not_regular_now",
                 {{"what", noun(what)}}};
  }
  auto data = read_stream(path, fd, max_bytes);  // the file may grow after fstat: the limit still holds
  ::close(fd);
  return data;
}

}  // namespace tally
