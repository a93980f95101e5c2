// Bytes → .docx: either the bytes as a ZIP archive, or (more useful, since a
// mutated ZIP rarely passes its CRC) the bytes as word/document.xml packed
// into a valid archive. The first byte chooses.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "load/docx.h"

namespace {

std::string zip_with_document(std::string_view xml) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* buf = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_t* z = buf ? zip_open_from_source(buf, ZIP_TRUNCATE, &err) : nullptr;
  std::string out;
  if (!z) {
    if (buf) zip_source_free(buf);
    zip_error_fini(&err);
    return out;
  }
  zip_source_keep(buf);
  zip_source_t* part = zip_source_buffer(z, xml.data(), xml.size(), 0);
  if (part && zip_file_add(z, "word/document.xml", part, ZIP_FL_OVERWRITE) < 0) zip_source_free(part);
  if (zip_close(z) == 0 && zip_source_open(buf) == 0) {
    char chunk[4096];
    zip_int64_t n;
    while ((n = zip_source_read(buf, chunk, sizeof chunk)) > 0) out.append(chunk, static_cast<size_t>(n));
    zip_source_close(buf);
  }
  zip_source_free(buf);
  zip_error_fini(&err);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 1) {
    auto r = tally::load_docx("fuzz.docx", rest);
    (void)r;
  } else {
    std::string zip = zip_with_document(rest);
    auto r = tally::load_docx("fuzz.docx", zip);
    (void)r;
  }
  return 0;
}
