#include "load/zip_archive.h"

#include <zip.h>

#include <algorithm>

#include <fmt/format.h>

namespace tally {

namespace {

std::string size_text(uint64_t n) { return n >= (1u << 20) ? fmt::format("{} MiB", n >> 20) : fmt::format("{} bytes", n); }

Error encrypted(const std::string& name) {
  return Error{"", name + " is encrypted (password-protected document)", {"error.zip.encrypted", {{"name", name}}}};
}

// `why` is libzip's own English.
Error cannot_read(const std::string& name, const std::string& why) {
  return Error{"", fmt::format("cannot read {}: {}", name, why), {"error.zip.cannot_read", {{"name", name}, {"reason", why}}}};
}

}  // namespace

void ZipArchive::Closer::operator()(zip* z) const { zip_discard(z); }

Result<ZipArchive> ZipArchive::open(std::string_view bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) {
    std::string msg = zip_error_strerror(&err);
    zip_error_fini(&err);
    return Error{msg};
  }
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (!z) {
    std::string msg = zip_error_strerror(&err);
    zip_error_fini(&err);
    zip_source_free(src);
    return Error{msg};
  }
  zip_error_fini(&err);
  return ZipArchive(z);
}

bool ZipArchive::contains(const std::string& name) const {
  return zip_name_locate(zip_.get(), name.c_str(), 0) >= 0;
}

Result<std::string> ZipArchive::read(const std::string& name, const ZipLimits& limits) const {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip_.get(), name.c_str(), 0, &st) != 0) return Error{"", name + " is missing", {"error.zip.missing", {{"name", name}}}};
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    return encrypted(name);
  if ((st.valid & ZIP_STAT_SIZE) && st.size > limits.max_member_bytes)
    return Error{"",
                 fmt::format("{} would unpack to {}, more than the {} limit", name, size_text(st.size),
                             size_text(limits.max_member_bytes)),
                 {"error.zip.too_large",
                  {{"name", name}, {"size", size_text(st.size)}, {"limit", size_text(limits.max_member_bytes)}}}};
  if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) && st.size > limits.ratio_floor &&
      st.size / std::max<uint64_t>(st.comp_size, 1) > limits.max_ratio)
  {
    std::string ratio = std::to_string(st.size / std::max<uint64_t>(st.comp_size, 1));
    return Error{"", fmt::format("{} has a compression ratio of {}:1 (a zip bomb?)", name, ratio),
                 {"error.zip.ratio", {{"name", name}, {"ratio", ratio}}}};
  }
  zip_file_t* f = zip_fopen(zip_.get(), name.c_str(), 0);
  if (!f) {
    int code = zip_error_code_zip(zip_get_error(zip_.get()));
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
      return encrypted(name);
    return cannot_read(name, zip_strerror(zip_.get()));
  }
  std::string out;
  char buf[1 << 16];
  bool failed = false, too_big = false;
  for (;;) {
    zip_int64_t n = zip_fread(f, buf, sizeof buf);
    if (n < 0) {
      failed = true;
      break;
    }
    if (n == 0) break;
    // Sizes in the central directory can lie: enforce the limit on what is read.
    if (out.size() + static_cast<uint64_t>(n) > limits.max_member_bytes) {
      too_big = true;
      break;
    }
    out.append(buf, static_cast<size_t>(n));
  }
  std::string why = failed ? zip_file_strerror(f) : "";
  zip_fclose(f);
  if (too_big)
    return Error{"", fmt::format("{} unpacks to more than the {} limit", name, size_text(limits.max_member_bytes)),
                 {"error.zip.unpacks_too_large", {{"name", name}, {"limit", size_text(limits.max_member_bytes)}}}};
  if (failed) return cannot_read(name, why);
  return out;
}

}  // namespace tally
