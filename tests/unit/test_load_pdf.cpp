// PDF extraction: small PDFs written by hand here (Helvetica text streams),
// and the layout step on synthetic words.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "load/loader.h"
#include "load/pdf_layout.h"
#include "output/locator.h"

namespace {

struct Item {
  double x, y;  // PDF user space: y grows upwards from the bottom of a 612×792 page
  std::string text;
};

// A minimal valid PDF: catalog, page tree, one Helvetica font, and one
// content stream per page (no stream at all when a page has no items and
// `draw_when_empty` is false; a filled rectangle when it is true).
std::string make_pdf(const std::vector<std::vector<Item>>& pages, bool draw_when_empty = true) {
  std::vector<std::string> objects;  // object i+1
  int n = static_cast<int>(pages.size());
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (int i = 0; i < n; ++i) kids += fmt::format("{} 0 R ", 4 + 2 * i);
  objects.push_back(fmt::format("<< /Type /Pages /Kids [{}] /Count {} >>", kids, n));
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  for (int i = 0; i < n; ++i) {
    objects.push_back(fmt::format(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
        "/Contents {} 0 R >>",
        5 + 2 * i));
    std::string content;
    for (const Item& it : pages[i]) content += fmt::format("BT /F1 12 Tf {} {} Td ({}) Tj ET\n", it.x, it.y, it.text);
    if (pages[i].empty() && draw_when_empty) content = "0 0 1 rg 100 100 200 300 re f\n";
    objects.push_back(fmt::format("<< /Length {} >>\nstream\n{}endstream", content.size(), content));
  }
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += fmt::format("{} 0 obj\n{}\nendobj\n", i + 1, objects[i]);
  }
  size_t xref = pdf.size();
  pdf += fmt::format("xref\n0 {}\n0000000000 65535 f \n", objects.size() + 1);
  for (size_t off : offsets) pdf += fmt::format("{:010d} 00000 n \n", off);
  pdf += fmt::format("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n", objects.size() + 1, xref);
  return pdf;
}

std::vector<std::string> lines_of(const tally::SourceText& src) {
  std::vector<std::string> out;
  for (int i = 1; i < src.line_count(); ++i) out.emplace_back(src.line_text(i));
  return out;
}

}  // namespace

TEST_CASE("pdf: the text layer of a simple page") {
  auto src = tally::load_bytes("a.pdf", make_pdf({{{72, 700, "Teachers 2318"}}}));
  REQUIRE_MESSAGE(src, (src ? "" : src.error()));
  CHECK(src->text() == "Teachers 2318\n");
  REQUIRE(!src->line_locators.empty());
  CHECK(src->line_locators[0] == "page 1, line 1");
}

TEST_CASE("pdf: columns become tabs") {
  auto src = tally::load_bytes("t.pdf", make_pdf({{{72, 700, "Teachers"},
                                                   {300, 700, "2318"},
                                                   {400, 700, "41.5%"},
                                                   {72, 680, "Students"},
                                                   {300, 680, "41250"},
                                                   {400, 680, "58.5%"}}}));
  REQUIRE(src);
  CHECK(lines_of(*src) == std::vector<std::string>{"Teachers\t2318\t41.5%", "Students\t41250\t58.5%"});
}

TEST_CASE("pdf: running headers and page numbers are dropped") {
  std::vector<std::vector<Item>> pages;
  const char* const bodies[] = {"First page has 10 schools.", "Second page lists 20 majors.",
                                "Third page: 30 classes."};
  for (int p = 1; p <= 3; ++p)
    pages.push_back({{72, 760, "City Report 2024"}, {72, 600, bodies[p - 1]}, {290, 40, fmt::format("- {} -", p)}});
  auto src = tally::load_bytes("h.pdf", make_pdf(pages));
  REQUIRE(src);
  CHECK(lines_of(*src) == std::vector<std::string>{bodies[0], bodies[1], bodies[2]});
  REQUIRE(src->line_locators.size() > 1);
  CHECK(src->line_locators[1] == "page 2, line 2");
}

TEST_CASE("pdf: lines wrapped inside a paragraph are joined, also across pages") {
  std::string full = "The city employs 2318 full-time teachers and also hires";
  auto src = tally::load_bytes(
      "j.pdf", make_pdf({{{72, 700, full},
                          {72, 686, "412 part-time staff in total."},
                          {96, 660, "An indented paragraph starts here."},
                          {72, 640, full + ";"},
                          {72, 626, "and this line is not joined to it."},
                          {72, 100, full}},
                         {{72, 700, "3 more teachers in the last line."}}}));
  REQUIRE(src);
  CHECK(lines_of(*src) == std::vector<std::string>{
                              full + " 412 part-time staff in total.",
                              "An indented paragraph starts here.",
                              full + ";",
                              "and this line is not joined to it.",
                              full + " 3 more teachers in the last line.",
                          });
  REQUIRE(src->line_locators.size() > 4);
  CHECK(src->line_locators[4] == "page 1, line 6");
  // Each figure on its own printed line, not its paragraph's first.
  auto at = [&](const std::string& needle, size_t from = 0) {
    uint32_t b = static_cast<uint32_t>(src->text().find(needle, from));
    REQUIRE(b != static_cast<uint32_t>(std::string::npos));
    return tally::locator_text(*src, tally::Span{b, b + static_cast<uint32_t>(needle.size())});
  };
  CHECK(at("2318") == "page 1, line 1");
  CHECK(at("412") == "page 1, line 2");
  CHECK(at("2318", src->text().find("An indented")) == "page 1, line 4");
  CHECK(at("3 more") == "page 2, line 1");
}

TEST_CASE("pdf: no text layer, damaged and truncated files") {
  auto scanned = tally::load_bytes("scan.pdf", make_pdf({{}, {}}));
  REQUIRE_FALSE(scanned);
  CHECK(scanned.error() == "scan.pdf: no text layer (scanned PDF?): nothing to check");

  auto garbage = tally::load_bytes("g.pdf", "%PDF-1.4\nnot really a pdf\n");
  REQUIRE_FALSE(garbage);
  CHECK(garbage.error().starts_with("g.pdf: "));

  std::string good = make_pdf({{{72, 700, "Teachers 2318"}}});
  auto cut = tally::load_bytes("cut.pdf", good.substr(0, good.size() / 2));
  REQUIRE_FALSE(cut);
  CHECK(cut.error().starts_with("cut.pdf: "));
}

TEST_CASE("pdf layout: Chinese page numbers and repeated headers on synthetic words") {
  using tally::PdfPage;
  using tally::PdfWord;
  std::vector<PdfPage> pages;
  for (int p = 1; p <= 4; ++p) {
    PdfPage page{595, 842, {}};
    page.words.push_back(PdfWord{"某某学校质量报告（2024）", 200, 40, 400, 52, false});
    page.words.push_back(PdfWord{fmt::format("第{}段正文共{}人。", p, p * 100), 72, 300, 300, 313, false});
    page.words.push_back(PdfWord{fmt::format("第 {} 页", p), 280, 800, 320, 812, false});
    pages.push_back(std::move(page));
  }
  auto lines = tally::layout_pdf(pages);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].text == "第1段正文共100人。");
  CHECK(lines[3].text == "第4段正文共400人。");
  CHECK(lines[3].page == 4);
  CHECK(lines[3].line == 2);
}

TEST_CASE("pdf layout: a Chinese paragraph wrapped over a page break is joined") {
  using tally::PdfPage;
  using tally::PdfWord;
  PdfPage p1{595, 842, {}};
  p1.words.push_back(PdfWord{"全市中职学校共有在校生", 72, 100, 523, 113, false});
  p1.words.push_back(PdfWord{"28614 人，其中公办学校在校生", 72, 115, 523, 128, false});
  PdfPage p2{595, 842, {}};
  p2.words.push_back(PdfWord{"15327 人。", 72, 100, 150, 113, false});
  p2.words.push_back(PdfWord{"新段落。", 98, 115, 200, 128, false});
  auto lines = tally::layout_pdf({p1, p2});
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].text == "全市中职学校共有在校生28614 人，其中公办学校在校生15327 人。");
  CHECK(lines[1].text == "新段落。");
  // Where each printed line starts in the joined text.
  REQUIRE(lines[0].starts.size() == 3);
  CHECK(lines[0].text.substr(lines[0].starts[1].offset).starts_with("28614"));
  CHECK(lines[0].starts[1].page == 1);
  CHECK(lines[0].starts[1].line == 2);
  CHECK(lines[0].text.substr(lines[0].starts[2].offset).starts_with("15327"));
  CHECK(lines[0].starts[2].page == 2);
  CHECK(lines[0].starts[2].line == 1);
  CHECK(lines[1].starts.size() == 1);
}

TEST_CASE("pdf layout: in an indented document a full line ending in ；continues; empty first cells stay") {
  using tally::PdfPage;
  using tally::PdfWord;
  PdfPage p{595, 842, {}};
  double y = 100;
  auto line = [&](double x0, double x1, std::string text) {
    p.words.push_back(PdfWord{std::move(text), x0, y, x1, y + 13, false});
    y += 15;
  };
  for (int i = 0; i < 3; ++i) {
    line(98, 523, "　　全市共有学校二十四所，其中公办学校十四所；");  // indented first line, full width
    line(72, 300, "民办学校十所。");
  }
  y += 20;
  // A table whose second row has an empty first cell.
  p.words.push_back(PdfWord{"学校", 72, y, 100, y + 13, false});
  p.words.push_back(PdfWord{"合计", 150, y, 178, y + 13, false});
  p.words.push_back(PdfWord{"24", 250, y, 264, y + 13, false});
  y += 15;
  p.words.push_back(PdfWord{"其中公办", 150, y, 206, y + 13, false});
  p.words.push_back(PdfWord{"14", 250, y, 264, y + 13, false});
  auto lines = tally::layout_pdf({p});
  REQUIRE(lines.size() == 5);
  CHECK(lines[0].text == "　　全市共有学校二十四所，其中公办学校十四所；民办学校十所。");
  CHECK(lines[3].text == "学校\t合计\t24");
  CHECK(lines[4].text == "\t其中公办\t14");
}
