#include "load/pdf.h"

#include <memory>
#include <mutex>
#include <vector>

#include <fmt/format.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include "load/pdf_layout.h"
#include "load/text_builder.h"

namespace tally {

namespace {

void quiet(const std::string&, void*) {}

std::string utf8_of(const poppler::ustring& s) {
  poppler::byte_array b = s.to_utf8();
  return std::string(b.begin(), b.end());
}

// The positioned words of every page; an error for unreadable or locked files.
Result<std::vector<PdfPage>> read_pages(const std::string& path, std::string_view bytes) {
  // poppler prints syntax errors of damaged files to stderr; tally reports its own.
  poppler::set_debug_error_function(quiet, nullptr);
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return Error{path, "not a readable PDF (damaged or truncated file)", "error.pdf.damaged"};
  if (doc->is_locked()) return Error{path, "the PDF is password-protected: nothing can be read", "error.pdf.locked"};
  std::vector<PdfPage> pages;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    PdfPage pp;
    if (page) {
      poppler::rectf box = page->page_rect();
      pp.width = box.width();
      pp.height = box.height();
      for (const poppler::text_box& tb : page->text_list()) {
        if (tb.rotation() != 0) continue;  // watermarks and vertical labels
        poppler::rectf b = tb.bbox();
        PdfWord w{utf8_of(tb.text()), b.left(), b.top(), b.right(), b.bottom(), tb.has_space_after()};
        if (w.text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
        pp.words.push_back(std::move(w));
      }
    }
    pages.push_back(std::move(pp));
  }
  return pages;
}

}  // namespace

Result<SourceText> load_pdf(const std::string& path, std::string_view bytes) {
  // `tally check` loads files on several threads, and poppler keeps
  // process-wide state (its error callback, font and encoding caches), so one
  // PDF is parsed at a time; the layout step runs in parallel.
  static std::mutex poppler_lock;
  Result<std::vector<PdfPage>> pages = Error{};
  {
    std::lock_guard<std::mutex> hold(poppler_lock);
    pages = read_pages(path, bytes);
  }
  if (!pages) return pages.failure();
  size_t words = 0;
  for (const auto& p : *pages) words += p.words.size();
  if (words == 0) return Error{path, "no text layer (scanned PDF?): nothing to check", "error.pdf.no_text"};
  TextBuilder out;
  for (const PdfLine& l : layout_pdf(*pages)) {
    // One piece per printed line, so a figure is located on its own line, not the paragraph's first.
    std::vector<TextBuilder::Piece> pieces;
    std::string_view text = l.text;
    for (size_t k = 0; k < l.starts.size(); ++k) {
      size_t end = k + 1 < l.starts.size() ? l.starts[k + 1].offset : text.size();
      pieces.push_back({text.substr(l.starts[k].offset, end - l.starts[k].offset),
                        fmt::format("page {}, line {}", l.starts[k].page, l.starts[k].line)});
    }
    out.add_line(pieces);
  }
  return std::move(out).finish(path);
}

}  // namespace tally
