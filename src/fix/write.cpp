// Writing a fixed file atomically: a reader (or a crash) sees the old file or the new one, never half
// of each; the new file keeps the old one's permissions.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "fix/fix.h"

namespace tally {

Result<bool> write_atomically(const std::string& given, std::string_view bytes) {
  // Through a symbolic link, the file it points to is replaced, not the link.
  char* real = realpath(given.c_str(), nullptr);
  if (real == nullptr) return Error{fmt::format("{}: cannot resolve: {}", given, std::strerror(errno))};
  std::string path = real;
  free(real);
  struct stat st {};
  if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
    return Error{fmt::format("{}: not a regular file, not written", path)};
  std::string tmp = path + ".tally-XXXXXX";
  int fd = mkstemp(tmp.data());
  if (fd < 0) return Error{fmt::format("{}: cannot create a temporary file beside it: {}", path, std::strerror(errno))};
  auto fail = [&](const char* what) -> Result<bool> {
    int err = errno;
    close(fd);
    unlink(tmp.c_str());
    return Error{fmt::format("{}: {}: {}", path, what, std::strerror(err))};
  };
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail("cannot write");
    done += static_cast<size_t>(n);
  }
  if (fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot keep the permissions");
  if (fsync(fd) != 0) return fail("cannot sync");
  if (close(fd) != 0) {
    unlink(tmp.c_str());
    return Error{fmt::format("{}: cannot close the temporary file: {}", path, std::strerror(errno))};
  }
  if (rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    unlink(tmp.c_str());
    return Error{fmt::format("{}: cannot replace the file: {}", path, std::strerror(err))};
  }
  return true;
}

}  // namespace tally
