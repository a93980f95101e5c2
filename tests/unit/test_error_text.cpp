// Errors about input, configuration and rule packs in the reader's language: the library's English
// stays as it was, and the same error renders in Chinese from the catalogue (rules/messages/errors.*.yaml).
#include <doctest/doctest.h>

#include <string>

#include "config/baseline.h"
#include "config/config.h"
#include "diag/error_text.h"
#include "fix/fix.h"
#include "load/loader.h"
#include "rules/pack.h"

using namespace tally;

namespace {

// The error's lines rendered through the English catalogue must be the library's own English: the
// two copies of each sentence (code, errors.en.yaml) cannot drift apart unnoticed.
void check_english_catalogue(const Error& e) {
  std::string en;
  for (const auto& l : e.lines) {
    if (!en.empty()) en += '\n';
    en += render_error_line(l, Lang::En);
  }
  CHECK(en == e.message);
}

// No English sentence left: none of the words every English error here is made of.
bool reads_chinese(const std::string& s) {
  for (const char* w : {"must", "unknown", "cannot", "expected", "not a", "missing", "error", "empty"})
    if (s.find(w) != std::string::npos) return false;
  return true;
}

Error pack_failure(const std::string& yaml) {
  auto p = parse_pack(PackSource{"user.yaml", yaml});
  REQUIRE_FALSE(p.ok());
  return p.failure();
}

}  // namespace

TEST_CASE("error text: a rule pack's unknown key, with its place kept as it is") {
  Error e = pack_failure(
      "pack: user\n"
      "rules:\n"
      "  - id: x\n"
      "    kind: sum\n"
      "    severty: error\n");
  CHECK(e.message.find("user.yaml:5:5: unknown key 'severty' in a rule (expected one of: ") != std::string::npos);
  std::string zh = render_error(e, Lang::Zh);
  CHECK(zh.find("\nuser.yaml:5:5: 规则中有未知的键 'severty'（可用的键：") != std::string::npos);
  CHECK(zh.find("user.yaml:3:5: 规则缺少必需的键 'severity'") != std::string::npos);
  CHECK(reads_chinese(zh));
  CHECK(render_error(e, Lang::En) == e.message);
  check_english_catalogue(e);
}

TEST_CASE("error text: yaml-cpp's own words are wrapped, not translated") {
  Error e = pack_failure("pack: [unclosed\n");
  std::string zh = render_error(e, Lang::Zh);
  CHECK(zh.find("user.yaml:") == 0);
  CHECK(zh.find(": YAML 语法错误：") != std::string::npos);
  check_english_catalogue(e);
}

TEST_CASE("error text: .tally.yaml problems, each on its line") {
  auto c = parse_config("/p/.tally.yaml", "lang: fr\ndisabel: [sum]\nrounding: [x]\n");
  REQUIRE_FALSE(c.ok());
  const Error& e = c.failure();
  CHECK(e.lines.size() == 3);
  CHECK(render_error(e, Lang::Zh) ==
        "/p/.tally.yaml:1:7: lang 只能是 en 或 zh，不能是 'fr'\n"
        "/p/.tally.yaml:2:1: 未知的键 'disabel'——是不是想写 'disable'？（可用的键：rules, enable, disable, severity, "
        "include, exclude, rounding, ignore, suppress, lang）\n"
        "/p/.tally.yaml:3:11: 应为half-up 或 truncation-is-error，实际是列表");
  check_english_catalogue(e);
  auto y = parse_config("/p/.tally.yaml", "a: [b\n");
  REQUIRE_FALSE(y.ok());
  CHECK(render_error(y.failure(), Lang::Zh).find(": YAML 语法错误：") != std::string::npos);
}

TEST_CASE("error text: unreadable and unusable input files") {
  auto missing = load_file("/nonexistent-tally-dir/report.txt");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error() == "/nonexistent-tally-dir/report.txt: cannot open: No such file or directory");
  CHECK(render_error(missing.failure(), Lang::Zh) == "/nonexistent-tally-dir/report.txt: 无法打开：没有这个文件或目录");
  check_english_catalogue(missing.failure());

  auto binary = load_bytes("x.txt", std::string("ab\0cd", 5));
  REQUIRE_FALSE(binary.ok());
  CHECK(render_error(binary.failure(), Lang::Zh) == "x.txt: 二进制文件（偏移 2 处有 NUL 字节）");
  check_english_catalogue(binary.failure());

  auto docx = load_bytes("x.docx", "not a zip");
  REQUIRE_FALSE(docx.ok());
  CHECK(render_error(docx.failure(), Lang::Zh) == "x.docx: 不是 .docx 文件（不是 ZIP 压缩包）");
  // A ZIP header and nothing after it: libzip's own reason, in Chinese too.
  auto damaged = load_bytes("y.docx", std::string("PK\x03\x04garbage", 11));
  REQUIRE_FALSE(damaged.ok());
  CHECK(render_error(damaged.failure(), Lang::Zh) == "y.docx: 无法读取的 .docx（ZIP 压缩包已损坏：不是 ZIP 压缩包）");
  check_english_catalogue(damaged.failure());

  auto base = parse_baseline("b.json", "{\"version\": 2}");
  REQUIRE_FALSE(base.ok());
  CHECK(render_error(base.failure(), Lang::Zh) == "b.json: 基线文件有误：应有 \"version\": 1");
  check_english_catalogue(base.failure());
}

TEST_CASE("error text: --fix that cannot write says why in Chinese") {
  auto w = write_atomically("/nonexistent-tally-dir/report.txt", "x");
  REQUIRE_FALSE(w.ok());
  CHECK(w.error() == "/nonexistent-tally-dir/report.txt: cannot resolve: No such file or directory");
  CHECK(render_error(w.failure(), Lang::Zh) == "/nonexistent-tally-dir/report.txt: 无法解析路径：没有这个文件或目录");
  check_english_catalogue(w.failure());
}

TEST_CASE("error text: prefixed and joined keep every line's catalogue form") {
  Error inner{"", "word/document.xml is missing", {"error.zip.missing", {{"name", "word/document.xml"}}}};
  Error wrapped = prefixed("a.docx", inner);
  CHECK(wrapped.message == "a.docx: word/document.xml is missing");
  CHECK(render_error(wrapped, Lang::Zh) == "a.docx: 缺少 word/document.xml");
  // An error no site has given a catalogue form to still prints: its English, as a line of its own.
  Error all = joined({wrapped, Error{"plain English"}});
  CHECK(all.message == "a.docx: word/document.xml is missing\nplain English");
  CHECK(render_error(all, Lang::Zh) == "a.docx: 缺少 word/document.xml\nplain English");
}

TEST_CASE("error text: a pattern rule's assert, message and capture problems in Chinese") {
  auto rule = [](const std::string& body) {
    return "pack: user\nrules:\n  - id: x\n    kind: pattern\n    severity: warning\n    summary: s\n"
           "    explanation: e\n    examples: {flag: [\"a\"], pass: [\"b\"]}\n" + body;
  };
  struct Case {
    std::string body;
    std::string zh;  // a piece of the Chinese
  };
  const std::vector<Case> cases = {
      {"    pattern: '(?P<a>\\d+) (?P<b>\\d+)'\n    assert: 'a + c == b'\n", "名称 'c' 不是 pattern 的捕获名"},
      {"    pattern: '(?P<a>\\d+)'\n    assert: 'a >= (1'\n", "缺少 ')'"},
      {"    pattern: '(?P<a>\\d+)'\n    assert: 'floor(a) == 1'\n", "函数 'floor' 未定义"},
      {"    pattern: '(?P<a>\\d+)'\n    assert: 'a == 1 $'\n", "意外的 '$'"},
      {"    pattern: '(?P<a>\\d+)'\n    assert: 'abs(a, 2) == 1'\n", "abs 的参数个数不对"},
      {"    pattern: '(?P<a>\\d+)'\n    assert: 'a == 1'\n    message: 'total {= a +}'\n", "message 中的表达式 '{= a +}' 有误"},
      {"    pattern: '(?P<a>\\d+)'\n    assert: 'a == 1'\n    message: 'total {b}'\n", "message 中的名称 '{b}' 未定义"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.body);
    Error e = pack_failure(rule(c.body));
    std::string zh = render_error(e, Lang::Zh);
    CAPTURE(zh);
    CHECK(zh.find(c.zh) != std::string::npos);
    CHECK(zh.find(" at offset ") == std::string::npos);
    check_english_catalogue(e);
  }
  // More capture groups than a pattern may have.
  std::string many;
  for (int i = 0; i < 40; ++i) many += "(\\d)";
  Error e = pack_failure(rule("    pattern: '" + many + "'\n    assert: '1 == 1'\n"));
  CHECK(render_error(e, Lang::Zh).find("个捕获组，上限为") != std::string::npos);
  check_english_catalogue(e);
}
