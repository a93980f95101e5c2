// The entry point of tally_readers.so (see load/readers.h).
#include "load/docx.h"
#include "load/pdf.h"
#include "load/readers.h"

namespace {

tally::Result<tally::SourceText> docx(const std::string& path, std::string_view bytes) {
  return tally::load_docx(path, bytes);
}

}  // namespace

extern "C" __attribute__((visibility("default"))) const tally::OfficeReaders* tally_office_readers() {
  static const tally::OfficeReaders readers{tally::kOfficeReadersAbi, &tally::load_pdf, &docx};
  return &readers;
}
