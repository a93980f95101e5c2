// DOCX extraction: documents built here with libzip.
#include <doctest/doctest.h>
#include <zip.h>

#include <fstream>
#include <map>

#include "load/docx.h"
#include "load/loader.h"
#include "output/locator.h"
#include "test_load_util.h"

namespace {

const char* const kNs =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
    R"(xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" )"
    R"(xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" )"
    R"(xmlns:v="urn:schemas-microsoft-com:vml")";

std::string run(const std::string& text) { return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>"; }
std::string para(const std::string& inner, const std::string& ppr = "") {
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + inner + "</w:p>";
}
std::string cell(const std::string& inner, const std::string& tcpr = "") {
  return "<w:tc>" + (tcpr.empty() ? "" : "<w:tcPr>" + tcpr + "</w:tcPr>") + inner + "</w:tc>";
}
std::string document(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document ") + kNs +
         "><w:body>" + body + "<w:sectPr/></w:body></w:document>";
}

// Writes a ZIP with these members and returns its bytes.
std::string make_zip(const std::map<std::string, std::string>& members, bool store = false) {
  tally::test::TempDir dir;
  std::string path = (dir.path() / "t.zip").string();
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  REQUIRE(z);
  for (const auto& [name, data] : members) {
    zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
    zip_int64_t idx = zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE);
    REQUIRE(idx >= 0);
    if (store) zip_set_file_compression(z, idx, ZIP_CM_STORE, 0);
  }
  REQUIRE(zip_close(z) == 0);
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string sample_body() {
  std::string heading = para(run("一、基本情况"), R"(<w:pStyle w:val="Heading1"/>)");
  std::string tracked = para(run("全市共有学校 ") + R"(<w:ins w:id="1" w:author="a">)" + run("24") + "</w:ins>" +
                             R"(<w:del w:id="2" w:author="a"><w:r><w:delText>25</w:delText></w:r></w:del>)" +
                             run(" 所。") + R"(<w:r><w:footnoteReference w:id="1"/></w:r>)");
  std::string breaks = para("<w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r>");
  std::string table =
      "<w:tbl><w:tblPr/>"
      "<w:tr>" + cell(para(run("类别")), R"(<w:gridSpan w:val="2"/>)") + cell(para(run("学校数"))) + "</w:tr>"
      "<w:tr>" + cell(para(run("中职")), R"(<w:vMerge w:val="restart"/>)") +
      cell(para(run("公办")) + para(run("学校"))) + cell(para(run("14"))) + "</w:tr>"
      "<w:tr>" + cell(para(""), "<w:vMerge/>") + cell(para(run("民办"))) + cell(para(run("10"))) + "</w:tr>"
      "<w:tr><w:trPr><w:del w:id=\"9\" w:author=\"a\"/></w:trPr>" + cell(para(run("删除行"))) + "</w:tr>"
      "</w:tbl>";
  std::string box_para = para(run("文本框 3 个"));
  std::string anchored = para(
      "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent>" + box_para +
      "</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>" +
      box_para + "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>" +
      run("锚定段落"));
  return heading + tracked + breaks + table + anchored + para("");
}

std::string footnotes() {
  return std::string("<w:footnotes ") + kNs +
         R"(><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>)"
         R"(<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>)" +
         run(" 数据来源：2024 年统计年鉴。") + "</w:p></w:footnote></w:footnotes>";
}

// The locator of the first occurrence of `needle` after `after`, as reports show it.
std::string locator_of(const tally::SourceText& src, const std::string& needle, const std::string& after = "") {
  size_t at = src.text().find(needle, after.empty() ? 0 : src.text().find(after));
  REQUIRE(at != std::string::npos);
  return tally::locator_text(src, tally::Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())});
}

std::vector<std::string> lines_of(const tally::SourceText& src) {
  std::vector<std::string> out;
  for (int i = 1; i <= src.line_count(); ++i) out.emplace_back(src.line_text(i));
  return out;
}

}  // namespace

TEST_CASE("docx: paragraphs, heading, breaks, table with merged cells, tracked changes, text box, footnote") {
  std::string bytes =
      make_zip({{"word/document.xml", document(sample_body())}, {"word/footnotes.xml", footnotes()}});
  auto src = tally::load_bytes("r.docx", bytes);
  REQUIRE_MESSAGE(src, (src ? "" : src.error()));
  std::vector<std::string> want = {
      "一、基本情况",
      "全市共有学校 24 所。",
      "甲\t乙",
      "丙",
      "类别\t\t学校数",
      "中职\t公办 学校\t14",
      "中职\t民办\t10",
      "锚定段落",
      "文本框 3 个",
      "",
      "",
      "脚注",
      "[1] 数据来源：2024 年统计年鉴。",
      "",
  };
  CHECK(lines_of(*src) == want);
  std::vector<std::string> locators = {
      "paragraph 1 (heading 1)", "paragraph 2", "paragraph 3", "paragraph 3", "table 1, row 1",
      "table 1, row 2", "table 1, row 3", "paragraph 4", "paragraph 4, text box", "paragraph 5", "",
      "footnotes", "footnote 1", ""};
  CHECK(src->line_locators == locators);
  // Each figure's quote is text Word's search finds: no deleted text, one table cell, no note mark.
  CHECK(locator_of(*src, "24") == "paragraph 2, “全市共有学校 24 所”");
  CHECK(locator_of(*src, "14") == "table 1, row 2, “14”");
  CHECK(locator_of(*src, "3") == "paragraph 4, text box, “文本框 3 个”");
  CHECK(locator_of(*src, "2024") == "footnote 1, “数据来源：2024 年统计年鉴”");
}

TEST_CASE("docx: list numbering of headings and paragraphs is rendered") {
  std::string styles = std::string("<w:styles ") + kNs +
                       R"(><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/>)"
                       R"(<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>)"
                       R"(</w:styles>)";
  std::string numbering =
      std::string("<w:numbering ") + kNs +
      R"(><w:abstractNum w:abstractNumId="0">)"
      R"(<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:pStyle w:val="1"/></w:lvl>)"
      R"(<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>)"
      R"(<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/></w:lvl>)"
      R"(</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num></w:numbering>)";
  auto lvl = [](int l) {
    return "<w:numPr><w:ilvl w:val=\"" + std::to_string(l) + "\"/><w:numId w:val=\"5\"/></w:numPr>";
  };
  std::string body = para(run("概况"), R"(<w:pStyle w:val="1"/>)") + para(run("规模"), lvl(1)) +
                     para(run("结构"), lvl(1)) + para(run("细项"), lvl(2)) + para(run("发展"), R"(<w:pStyle w:val="1"/>)") +
                     para(run("质量"), lvl(1));
  for (int i = 0; i < 10; ++i) body += para(run("x"), lvl(1));
  std::string bytes = make_zip({{"word/document.xml", document(body)},
                                {"word/styles.xml", styles},
                                {"word/numbering.xml", numbering}});
  auto src = tally::load_bytes("n.docx", bytes);
  REQUIRE_MESSAGE(src, (src ? "" : src.error()));
  CHECK(src->line_text(1) == "一、概况");
  CHECK(src->line_locators[0] == "paragraph 1 (heading 1)");
  CHECK(src->line_text(2) == "（一）规模");
  CHECK(src->line_text(3) == "（二）结构");
  CHECK(src->line_text(4) == "一.1 细项");
  CHECK(src->line_text(5) == "二、发展");
  CHECK(src->line_text(6) == "（一）质量");
  CHECK(src->line_text(16) == "（十一）x");
  // The label is Word's numbering, not text: a quote leaves it out.
  CHECK(locator_of(*src, "规模") == "paragraph 2, “规模”");
  CHECK(locator_of(*src, "细项") == "paragraph 4, “细项”");
}

TEST_CASE("docx: damaged, foreign and hostile archives give clear errors") {
  std::string good = make_zip({{"word/document.xml", document(para(run("正文 12 人")))}});
  REQUIRE(tally::load_bytes("ok.docx", good));

  auto truncated = tally::load_bytes("t.docx", good.substr(0, good.size() / 2));
  REQUIRE_FALSE(truncated);
  CHECK(truncated.error().starts_with("t.docx: not a readable .docx (damaged ZIP archive: "));

  auto other = tally::load_bytes("o.docx", make_zip({{"notes.txt", "hello"}}));
  REQUIRE_FALSE(other);
  CHECK(other.error() == "o.docx: not a .docx file (no word/document.xml in the ZIP archive)");

  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole += std::string(512, '\0');
  auto enc = tally::load_bytes("e.docx", ole);
  REQUIRE_FALSE(enc);
  CHECK(enc.error().starts_with("e.docx: encrypted or legacy Word document (OLE compound file)"));

  auto bad_xml = tally::load_bytes("x.docx", make_zip({{"word/document.xml", "<w:document><w:body><w:p>"}}));
  REQUIRE_FALSE(bad_xml);
  CHECK(bad_xml.error().starts_with("x.docx: word/document.xml is damaged (XML error"));

  auto no_text = tally::load_bytes("n.docx", make_zip({{"word/document.xml", document(para(""))}}));
  REQUIRE_FALSE(no_text);
  CHECK(no_text.error() == "n.docx: the document has no text: nothing to check");
}

TEST_CASE("docx: a zip bomb is refused before it is unpacked") {
  // 16 MiB of one character compresses about 1000:1.
  std::string bomb = document(para(run(std::string(16u << 20, 'a'))));
  auto r = tally::load_bytes("bomb.docx", make_zip({{"word/document.xml", bomb}}));
  REQUIRE_FALSE(r);
  CHECK(r.error().find("bomb.docx: word/document.xml has a compression ratio of") == 0);

  // Over the size limit (a small one here, 64 MiB by default) even when stored uncompressed.
  std::string doc = document(para(run(std::string(4096, 'b'))));
  tally::ZipLimits small;
  small.max_member_bytes = 1024;
  auto big = tally::load_docx("big.docx", make_zip({{"word/document.xml", doc}}, true), small);
  REQUIRE_FALSE(big);
  CHECK(big.error() == "big.docx: word/document.xml would unpack to " + std::to_string(doc.size()) + " bytes, more than the 1024 bytes limit");
}
