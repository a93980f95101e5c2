// base/text: the small string helpers labels go through many times per figure.
#include <doctest/doctest.h>

#include "base/text.h"
#include "base/word_list.h"

using namespace tally;

TEST_CASE("text: remove_spaces drops ASCII spaces, tabs and the ideographic space, nothing else") {
  CHECK(text::remove_spaces("专任 教师\t总数") == "专任教师总数");
  CHECK(text::remove_spaces("\xe3\x80\x80\xe3\x80\x80其中：高级") == "其中：高级");  // U+3000 U+3000
  CHECK(text::remove_spaces("、。「」") == "、。「」");  // other E3 80 xx punctuation stays
  CHECK(text::remove_spaces("") == "");
  CHECK(text::remove_spaces("   ") == "");
  CHECK(text::remove_spaces("a\xe3\x80") == "a\xe3\x80");  // a cut-off sequence is kept as it is
}

TEST_CASE("text: before_parenthesis cuts at the first parenthesis of either width") {
  CHECK(text::before_parenthesis("增速（%）") == "增速");
  CHECK(text::before_parenthesis("在校生(人)") == "在校生");
  CHECK(text::before_parenthesis("合计") == "合计");
  CHECK(text::before_parenthesis("（万元）") == "");
}

TEST_CASE("word list: is_word is an exact match, not a prefix") {
  WordList w(std::vector<std::string>{"增速", "增长"});
  CHECK(w.is_word("增速"));
  CHECK_FALSE(w.is_word("增速快"));
  CHECK_FALSE(w.is_word("增"));
  CHECK_FALSE(w.is_word(""));
}
