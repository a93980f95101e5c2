#include "load/zip_archive.h"

#include <zip.h>

#include <algorithm>
#include <optional>

#include <fmt/format.h>

namespace tally {

namespace {

std::string size_text(uint64_t n) { return n >= (1u << 20) ? fmt::format("{} MiB", n >> 20) : fmt::format("{} bytes", n); }

Error encrypted(const std::string& name) {
  return Error{"", name + " is encrypted (password-protected document)", {"error.zip.encrypted", {{"name", name}}}};
}

// libzip's reason in catalogue terms. The archive problems a damaged .docx meets have ids whose
// English is libzip's own text (error.zip.reason.*); any other reason, and a system error (libzip
// adds errno's text to it), keeps libzip's words.
Message zip_reason(int code, bool system, const std::string& text) {
  static const std::pair<int, const char*> kIds[] = {
      {ZIP_ER_NOZIP, "not_zip"},     {ZIP_ER_INCONS, "inconsistent"}, {ZIP_ER_CRC, "crc"},
      {ZIP_ER_EOF, "eof"},           {ZIP_ER_MULTIDISK, "multidisk"}, {ZIP_ER_COMPNOTSUPP, "compression"},
      {ZIP_ER_MEMORY, "memory"},     {ZIP_ER_COMPRESSED_DATA, "compressed_data"},
  };
  if (!system)
    for (const auto& [c, id] : kIds)
      if (c == code) return Message(std::string("error.zip.reason.") + id);
  return Message(text);
}

Error zip_failure(zip_error_t* err) {
  std::string text = zip_error_strerror(err);
  return Error{"", text, zip_reason(zip_error_code_zip(err), zip_error_system_type(err) == ZIP_ET_SYS, text)};
}

Error cannot_read(const std::string& name, zip_error_t* err) {
  Error why = zip_failure(err);
  return Error{"", fmt::format("cannot read {}: {}", name, why.message), {"error.zip.cannot_read", {{"name", name}}},
               {{"reason", why.lines.front().what}}};
}

}  // namespace

void ZipArchive::Closer::operator()(zip* z) const { zip_discard(z); }

Result<ZipArchive> ZipArchive::open(std::string_view bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) {
    Error e = zip_failure(&err);
    zip_error_fini(&err);
    return e;
  }
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (!z) {
    Error e = zip_failure(&err);
    zip_error_fini(&err);
    zip_source_free(src);
    return e;
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
    return cannot_read(name, zip_get_error(zip_.get()));
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
  std::optional<Error> problem;  // read before zip_fclose frees the error
  if (failed) problem = cannot_read(name, zip_file_get_error(f));
  zip_fclose(f);
  if (too_big)
    return Error{"", fmt::format("{} unpacks to more than the {} limit", name, size_text(limits.max_member_bytes)),
                 {"error.zip.unpacks_too_large", {{"name", name}, {"limit", size_text(limits.max_member_bytes)}}}};
  if (problem) return *problem;
  return out;
}

}  // namespace tally
