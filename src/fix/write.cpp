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
#include "load/read_file.h"

namespace tally {

namespace {

// "path: cannot …: reason" with the reason as a sentence part.
Error cannot(const std::string& path, const std::string& english, const char* id, int err) {
  return Error{path, english + ": " + std::strerror(err), id, {{"reason", errno_reason(err)}}};
}

}  // namespace

Result<bool> write_atomically(const std::string& given, std::string_view bytes) {
  // Through a symbolic link, the file it points to is replaced, not the link.
  char* real = realpath(given.c_str(), nullptr);
  if (real == nullptr) return cannot(given, "cannot resolve", "error.fix.cannot_resolve", errno);
  std::string path = real;
  free(real);
  struct stat st {};
  if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
    return Error{path, "not a regular file, not written", "error.fix.not_regular"};
  std::string tmp = path + ".tally-XXXXXX";
  int fd = mkstemp(tmp.data());
  if (fd < 0) return cannot(path, "cannot create a temporary file beside it", "error.fix.cannot_create_temp", errno);
  auto fail = [&](const char* what, const char* id) -> Result<bool> {
    int err = errno;
    close(fd);
    unlink(tmp.c_str());
    return cannot(path, what, id, err);
  };
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail("cannot write", "error.fix.cannot_write");
    done += static_cast<size_t>(n);
  }
  if (fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot keep the permissions", "error.fix.cannot_keep_permissions");
  if (fsync(fd) != 0) return fail("cannot sync", "error.fix.cannot_sync");
  if (close(fd) != 0) {
    unlink(tmp.c_str());
    return cannot(path, "cannot close the temporary file", "error.fix.cannot_close_temp", errno);
  }
  if (rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    unlink(tmp.c_str());
    return cannot(path, "cannot replace the file", "error.fix.cannot_replace", err);
  }
  return true;
}

}  // namespace tally
