// Where a figure is in the original document: the text builder's marks and
// output/locator.h, on invented text. A PDF paragraph joined from printed
// lines on two pages locates each figure on its own printed line; a Word
// paragraph gives each figure its own short quote, never across a sentence
// end, a table cell or a list label.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "load/text_builder.h"
#include "output/locator.h"

using namespace tally;

namespace {

Span find(const SourceText& src, const std::string& needle, int nth = 0) {
  size_t at = src.text().find(needle);
  for (int i = 0; i < nth && at != std::string::npos; ++i) at = src.text().find(needle, at + 1);
  REQUIRE(at != std::string::npos);
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

std::string where(const SourceText& src, const std::string& needle, int nth = 0) {
  return locator_text(src, find(src, needle, nth));
}

std::string quote(const SourceText& src, const std::string& needle, int nth = 0) {
  Location loc = locate(src, find(src, needle, nth));
  return std::string(src.slice(loc.quote));
}

}  // namespace

TEST_CASE("locator: a PDF paragraph joined from lines on two pages places each figure on its own line") {
  TextBuilder b;
  b.add("一、学前教育", "page 1, line 4");
  // One paragraph printed over page 1 lines 5 and 6 and page 2 line 1.
  b.add_line({{"全区共有幼儿园 86 所，在园幼儿 ", "page 1, line 5"},
              {"12450 人，其中民办幼儿园在园幼儿 ", "page 1, line 6"},
              {"5320 人，占比 42.7%。", "page 2, line 1"}});
  b.add("新的一段有 7 所。", "page 2, line 2");
  SourceText src = std::move(b).finish("r.pdf");
  REQUIRE(src.line_count() == 4);
  CHECK(src.line_text(2) == "全区共有幼儿园 86 所，在园幼儿 12450 人，其中民办幼儿园在园幼儿 5320 人，占比 42.7%。");
  // The line keeps the locator of its start (what `tally text` shows) ...
  CHECK(src.line_locators[1] == "page 1, line 5");
  // ... while each figure has its own.
  CHECK(where(src, "86") == "page 1, line 5");
  CHECK(where(src, "12450") == "page 1, line 6");
  CHECK(where(src, "5320") == "page 2, line 1");
  CHECK(where(src, "42.7%") == "page 2, line 1");
  CHECK(where(src, "7 所") == "page 2, line 2");
  CHECK(where(src, "学前") == "page 1, line 4");
  // The first character of a printed line belongs to that line, the one before to the line above.
  uint32_t start = find(src, "12450").begin;
  CHECK(locator_text(src, Span{start, start}) == "page 1, line 6");
  CHECK(locator_text(src, Span{start - 1, start}) == "page 1, line 5");
  // No quote for a PDF: its text is not Word's.
  CHECK(locate(src, find(src, "12450")).quote.empty());
  // Past the last line: nothing.
  uint32_t end = static_cast<uint32_t>(src.text().size());
  CHECK(locator_text(src, Span{end, end}).empty());
}

TEST_CASE("locator: a Word paragraph gives each figure its own quote") {
  TextBuilder b;
  b.add_quoted("（一）", "全县中小学共有专任教师 3260 人，比上年增加 85 人。其中小学专任教师 1740 人，占比 53.4%。",
               "paragraph 7");
  b.add_quoted("1. ", "86 所学校参加了评估。", "paragraph 8");
  b.add_quoted("", "小学\t1740\t53.4%", "table 1, row 3");
  b.add_quoted("[1] ", "数据截至 2024 年底。", "footnote 1");
  b.add_quoted("", "全区在园幼儿 12450 人，其中民办 5320 人，占 40%。", "paragraph 9");
  SourceText src = std::move(b).finish("r.docx");

  // Two figures of one sentence, two different quotes.
  CHECK(where(src, "3260") == "paragraph 7, “全县中小学共有专任教师 3260 人，比上年”");
  CHECK(where(src, "85") == "paragraph 7, “人，比上年增加 85 人”");
  // Not back across "。", and a number at either end whole ("1740", "53.4%"), not "40" or "53".
  CHECK(quote(src, "53.4%") == "1740 人，占比 53.4%");
  CHECK(quote(src, "1740") == "其中小学专任教师 1740 人，占比 53.4%");
  // The list label and the note mark are Word's drawing, not text its search finds.
  CHECK(src.line_text(2) == "1. 86 所学校参加了评估。");
  CHECK(quote(src, "86") == "86 所学校参加了评估");
  CHECK(quote(src, "2024") == "数据截至 2024 年底");
  CHECK(where(src, "2024") == "footnote 1, “数据截至 2024 年底”");
  // A clause start a few characters beyond the usual reach is worth reaching.
  CHECK(quote(src, "40%") == "其中民办 5320 人，占 40%");
  // A table cell is quoted alone.
  CHECK(quote(src, "1740", 1) == "1740");
  CHECK(quote(src, "53.4%", 1) == "53.4%");
  CHECK(where(src, "53.4%", 1) == "table 1, row 3, “53.4%”");
  // Every quote is a piece of its paragraph's own text.
  for (const char* figure : {"3260", "85", "1740", "53.4%"}) {
    std::string q = quote(src, figure);
    CHECK(q.find(figure) != std::string::npos);
    CHECK(std::string(src.line_text(1)).find(q) != std::string::npos);
    CHECK(q.find("。") == std::string::npos);
  }
}

TEST_CASE("locator: a long span is quoted from its start; plain text has no locator") {
  TextBuilder b;
  b.add_quoted("", "合计为 120+130+140+150+160+170+180+190+200+210+220 人。", "paragraph 1");
  SourceText src = std::move(b).finish("r.docx");
  Span all = find(src, "120+130+140+150+160+170+180+190+200+210+220");
  std::string q(src.slice(locate(src, all).quote));
  CHECK(q.starts_with("合计为 120+130"));
  CHECK(q.size() < 60);

  SourceText txt("r.txt", "全县共有学校 24 所。\n");
  CHECK(locator_text(txt, find(txt, "24")).empty());
  // A SourceText with line locators only (made by hand) gives the line's.
  txt.line_locators = {"paragraph 3"};
  CHECK(locator_text(txt, find(txt, "24")) == "paragraph 3");
}

TEST_CASE("text builder: a line break inside a Word paragraph keeps both halves quotable") {
  TextBuilder b;
  b.add_quoted("一、", "上半年 30 所\n下半年 40 所", "paragraph 2");
  SourceText src = std::move(b).finish("r.docx");
  REQUIRE(src.line_count() == 3);
  CHECK(src.line_text(1) == "一、上半年 30 所");
  CHECK(where(src, "30") == "paragraph 2, “上半年 30 所”");
  CHECK(where(src, "40") == "paragraph 2, “下半年 40 所”");
  CHECK(src.line_locators == std::vector<std::string>{"paragraph 2", "paragraph 2", ""});
}

TEST_CASE("locator: quotes in one very long paragraph cost the same as in a short one") {
  // 40,000 sentences in one Word paragraph (about 1.7 MB) and a quote for each figure:
  // a lookup that scanned the paragraph would take minutes.
  std::string para;
  for (int i = 0; i < 40000; ++i) para += "第" + std::to_string(i) + "组共有学生 " + std::to_string(100 + i % 50) + " 人，";
  TextBuilder b;
  b.add_quoted("", para, "paragraph 1");
  SourceText src = std::move(b).finish("long.docx");
  auto t0 = std::chrono::steady_clock::now();
  size_t quoted = 0;
  for (size_t at = src.text().find("学生 "); at != std::string::npos; at = src.text().find("学生 ", at + 1)) {
    uint32_t fb = static_cast<uint32_t>(at + std::string("学生 ").size());
    Location loc = locate(src, Span{fb, fb + 3});
    quoted += !loc.quote.empty() && src.slice(loc.quote).find("学生") != std::string_view::npos;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(quoted == 40000);
  CHECK(secs < (TALLY_TEST_SLOW ? 20.0 : 2.0));
  // The last figure's quote is as good as the first's.
  size_t last = src.text().rfind("149 人");
  CHECK(locator_text(src, Span{static_cast<uint32_t>(last), static_cast<uint32_t>(last + 3)}) ==
        "paragraph 1, “第39999组共有学生 149 人”");
}

TEST_CASE("locator: every form the loaders write reads in Chinese, and the English catalogue is that form") {
  const std::vector<std::pair<std::string, std::string>> forms = {
      {"page 3, line 7", "第 3 页第 7 行"},       {"paragraph 12", "第 12 段"},
      {"paragraph 4 (heading 2)", "第 4 段（2 级标题）"}, {"table 2, row 15", "表 2 第 15 行"},
      {"footnote 3", "脚注 3"},                    {"endnote 11", "尾注 11"},
      {"footnotes", "脚注"},                       {"endnotes", "尾注"},
  };
  for (const auto& [en, zh] : forms) {
    CAPTURE(en);
    CHECK(say_locator(en, Lang::Zh) == zh);
    CHECK(say_locator(en, Lang::En) == en);
  }
  // Text in no known form (a hand-made SourceText, a half-written form) is shown as it is, never guessed at.
  for (std::string odd : {"sheet 2", "page 3", "page x, line 2", "paragraph 12 (heading)", "table 1, row 2, cell 3", ""})
    CHECK(say_locator(odd, Lang::Zh) == odd);

  TextBuilder b;
  b.add_quoted("", "全市共有专任教师 2318 人。", "paragraph 9");
  SourceText src = std::move(b).finish("r.docx");
  CHECK(locator_text(src, find(src, "2318"), Lang::Zh) == "第 9 段“全市共有专任教师 2318 人”");
  CHECK(locator_text(src, find(src, "2318"), Lang::En) == "paragraph 9, “全市共有专任教师 2318 人”");
}
