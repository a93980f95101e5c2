#include "load/iconv_convert.h"

#include <iconv.h>

#include <cerrno>

namespace tally {

std::optional<std::string> iconv_to_utf8(std::string_view in, const char* from, size_t* bad_offset) {
  *bad_offset = 0;
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  // Every source encoding tally reads grows by at most 3/2 in UTF-8; E2BIG
  // below still handles anything larger.
  std::string out(in.size() + in.size() / 2 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  size_t used = 0;
  bool ok = true;
  while (src_left > 0) {
    char* dst = out.data() + used;
    size_t dst_left = out.size() - used;
    size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    used = out.size() - dst_left;
    if (r != static_cast<size_t>(-1)) continue;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    ok = false;  // EILSEQ (invalid sequence) or EINVAL (truncated at the end)
    *bad_offset = static_cast<size_t>(src - in.data());
    break;
  }
  iconv_close(cd);
  if (!ok) return std::nullopt;
  out.resize(used);
  return out;
}

}  // namespace tally
