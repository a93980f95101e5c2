// Plain-text loading: encodings, BOMs, line ends, positions and bad input.
#include <doctest/doctest.h>

#include <chrono>

#include "load/loader.h"
#include "test_load_util.h"

using tally::load_bytes;
using tally::test::from_utf8;

namespace {

// The 1-based (line, code-point column) of the first occurrence of needle in
// UTF-8 text, counted by hand, to compare against the SourceText's view.
tally::Position expected_position(std::string_view text, std::string_view needle) {
  size_t at = text.find(needle);
  REQUIRE(at != std::string_view::npos);
  int line = 1, col = 1;
  for (size_t i = 0; i < at; ++i) {
    unsigned char c = text[i];
    if (c == '\n') {
      ++line;
      col = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {line, col};
}

tally::Position position_of(const tally::SourceText& src, std::string_view needle) {
  size_t at = src.text().find(needle);
  REQUIRE(at != std::string::npos);
  return src.position(static_cast<uint32_t>(at));
}

const std::string kReport = "全市共有学校 24 所，其中公办 14 所。\n在校生 34705 人，占比 57.5％。\n";

}  // namespace

TEST_CASE("UTF-8 without and with BOM loads unchanged") {
  auto plain = load_bytes("a.txt", kReport);
  REQUIRE(plain);
  CHECK(plain->text() == kReport);
  CHECK(plain->path() == "a.txt");
  auto bom = load_bytes("b.txt", "\xEF\xBB\xBF" + kReport);
  REQUIRE(bom);
  CHECK(bom->text() == kReport);
  CHECK(position_of(*bom, "34705").line == 2);
  CHECK(position_of(*bom, "34705").column == 5);
}

TEST_CASE("UTF-16 LE and BE with BOM are converted, positions kept") {
  std::string text = kReport + "数学𝟏 12\n";  // a character outside the BMP (surrogate pair)
  for (auto [enc, bom] : {std::pair<const char*, std::string>{"UTF-16LE", "\xFF\xFE"}, {"UTF-16BE", "\xFE\xFF"}}) {
    CAPTURE(enc);
    auto src = load_bytes("u16.txt", bom + from_utf8(text, enc));
    REQUIRE_MESSAGE(src, (src ? "" : src.error()));
    CHECK(src->text() == text);
    auto p = position_of(*src, "12\n");
    auto want = expected_position(text, "12\n");
    CHECK(p.line == want.line);
    CHECK(p.column == want.column);
  }
}

TEST_CASE("UTF-16 without a BOM is recognised by its NUL bytes") {
  for (const char* enc : {"UTF-16LE", "UTF-16BE"}) {
    CAPTURE(enc);
    auto src = load_bytes("nobom.txt", from_utf8(kReport, enc));
    REQUIRE_MESSAGE(src, (src ? "" : src.error()));
    CHECK(src->text() == kReport);
  }
  // NUL bytes on both sides of the code units are binary data.
  auto bin = load_bytes("b.txt", std::string("a\0b\0\0c\0d", 8));
  REQUIRE_FALSE(bin);
  CHECK(bin.error() == "b.txt: binary file (NUL byte at offset 1)");
}

TEST_CASE("UTF-32 with BOM is converted") {
  auto src = load_bytes("u32.txt", std::string("\xFF\xFE\x00\x00", 4) + from_utf8(kReport, "UTF-32LE"));
  REQUIRE(src);
  CHECK(src->text() == kReport);
}

TEST_CASE("UTF-16 errors: lone surrogate and NUL character") {
  std::string lone = std::string("\xFF\xFE", 2) + from_utf8("ab", "UTF-16LE") + std::string("\x00\xD8", 2) +
                     from_utf8("c", "UTF-16LE");
  auto bad = load_bytes("s.txt", lone);
  REQUIRE_FALSE(bad);
  CHECK(bad.error() == "s.txt: invalid UTF-16 at byte 6");
  std::string nul = std::string("\xFF\xFE", 2) + from_utf8("ab", "UTF-16LE") + std::string("\x00\x00", 2);
  auto bin = load_bytes("n.txt", nul);
  REQUIRE_FALSE(bin);
  CHECK(bin.error() == "n.txt: binary file (NUL character at offset 6)");
}

TEST_CASE("GB18030 text is recognised and converted, positions kept") {
  std::string text = "某市职业教育质量报告\r\n全市 12 所中职学校共招生 12432 人，增长 3.5％。\r\n";
  std::string bytes = from_utf8(text, "GB18030");
  REQUIRE(bytes.size() < text.size());  // really a two-byte encoding
  auto src = load_bytes("gb.txt", bytes);
  REQUIRE_MESSAGE(src, (src ? "" : src.error()));
  std::string want = "某市职业教育质量报告\n全市 12 所中职学校共招生 12432 人，增长 3.5％。\n";
  CHECK(src->text() == want);
  for (std::string_view needle : {"12432", "3.5", "12 所"}) {
    auto p = position_of(*src, needle);
    auto e = expected_position(want, needle);
    CHECK(p.line == e.line);
    CHECK(p.column == e.column);
  }
  CHECK(src->line_count() == 3);
}

TEST_CASE("CRLF and lone CR become LF without moving anything else") {
  auto src = load_bytes("crlf.txt", "一\r\n二 \t 2\r三\n\r\n四");
  REQUIRE(src);
  CHECK(src->text() == "一\n二 \t 2\n三\n\n四");
  CHECK(src->line_count() == 5);
  CHECK(src->line_text(2) == "二 \t 2");
  auto p = position_of(*src, "2");
  CHECK(p.line == 2);
  CHECK(p.column == 5);
  CHECK(position_of(*src, "四").line == 5);
}

TEST_CASE("binary data is refused with the offset of the first NUL byte") {
  auto r = load_bytes("img.txt", std::string("GIF89a\x01\x00\x00", 9));
  REQUIRE_FALSE(r);
  CHECK(r.error() == "img.txt: binary file (NUL byte at offset 7)");
  std::string controls;
  for (int i = 0; i < 64; ++i) controls += "\x01\x02\x03x";
  auto c = load_bytes("ctl.txt", "ok " + controls);
  REQUIRE_FALSE(c);
  CHECK(c.error() == "ctl.txt: binary file (192 control bytes, the first at offset 3)");
  // One stray control character in a long text is tolerated.
  auto one = load_bytes("one.txt", kReport + "\x07" + kReport + kReport + kReport);
  CHECK(one);
}

TEST_CASE("undecodable bytes are refused with the offset") {
  auto r = load_bytes("bad.txt", "中文abc\xC3(xyz");
  REQUIRE_FALSE(r);
  CHECK(r.error() == "bad.txt: invalid UTF-8 at byte 9 (and not GB18030 text)");
  // Latin-1 is neither UTF-8 nor GB18030.
  auto latin1 = load_bytes("l1.txt", "caf\xE9 au lait, na\xEFve");
  REQUIRE_FALSE(latin1);
  CHECK(latin1.error() == "l1.txt: invalid UTF-8 at byte 3 (and not GB18030 text)");
  // Bytes that GB18030 decodes into something other than Chinese text.
  std::string noise;
  for (int i = 0; i < 40; ++i) noise += "\x81\x30\x81\x30";
  auto n = load_bytes("noise.txt", "ab " + noise);
  REQUIRE_FALSE(n);
  CHECK(n.error() == "noise.txt: invalid UTF-8 at byte 3 (and not GB18030 text)");
}

TEST_CASE("an empty file is an error") {
  auto r = load_bytes("empty.txt", "");
  REQUIRE_FALSE(r);
  CHECK(r.error() == "empty.txt: empty file");
}

TEST_CASE("a huge single line loads quickly") {
  std::string line;
  std::string piece = "专任教师 2318 人，占比 57.5%；";
  line.reserve(50u << 20);
  while (line.size() < (50u << 20)) line += piece;
  auto t0 = std::chrono::steady_clock::now();
  auto src = load_bytes("huge.txt", line + "\r\n");
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  REQUIRE(src);
  CHECK(src->line_count() == 2);
  CHECK(src->line_text(1).size() == line.size());
  // Linear: well under a second in a release build. A quadratic load of 50 MB would take hours; the bound
  // is loose so that a loaded machine or a sanitizer build (several times slower) does not trip it.
  CHECK(secs < (TALLY_TEST_SLOW ? 60.0 : 10.0));
}

TEST_CASE("a .docx or .pdf name on other bytes is reported as such") {
  auto d = load_bytes("r.docx", "just text");
  REQUIRE_FALSE(d);
  CHECK(d.error() == "r.docx: not a .docx file (not a ZIP archive)");
  auto p = load_bytes("r.pdf", "just text");
  REQUIRE_FALSE(p);
  CHECK(p.error() == "r.pdf: not a PDF file (no %PDF- header)");
}

TEST_CASE("a few bytes with one NUL are binary, not UTF-16 without a BOM") {
  // Decoded as UTF-16 these would start with U+0001, a control character no text holds.
  auto r = load_bytes("blob.txt", std::string("\x00\x01" "binary", 8));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error() == "blob.txt: binary file (NUL byte at offset 0)");
}
