// load_file and expand_inputs on real files and folders.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "load/loader.h"
#include "test_load_util.h"

using tally::test::TempDir;

TEST_CASE("load_file reads a file and leaves it untouched") {
  TempDir dir;
  std::string bytes = "第一行\r\n第二行 12 人\r\n";
  std::string path = dir.file("r.txt", bytes);
  auto before = std::filesystem::last_write_time(path);
  auto src = tally::load_file(path);
  REQUIRE(src);
  CHECK(src->text() == "第一行\n第二行 12 人\n");
  CHECK(src->path() == path);
  std::ifstream in(path, std::ios::binary);
  std::string after((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(after == bytes);
  CHECK(std::filesystem::last_write_time(path) == before);
}

TEST_CASE("load_file errors name the path") {
  TempDir dir;
  std::string missing = (dir.path() / "nope.txt").string();
  auto m = tally::load_file(missing);
  REQUIRE_FALSE(m);
  CHECK(m.error() == missing + ": cannot open: No such file or directory");

  std::string empty = dir.file("empty.txt", "");
  auto e = tally::load_file(empty);
  REQUIRE_FALSE(e);
  CHECK(e.error() == empty + ": empty file");

  std::filesystem::create_directories(dir.path() / "sub");
  auto d = tally::load_file((dir.path() / "sub").string());
  REQUIRE_FALSE(d);
  CHECK(d.error() == (dir.path() / "sub").string() + ": folder holds no .txt, .md, .docx or .pdf file");
}

TEST_CASE("load_file refuses files over the size limit without reading them") {
  TempDir dir;
  std::string path = dir.file("big.txt", "x");
  REQUIRE(::truncate(path.c_str(), 300ll << 20) == 0);  // sparse: no disk space used
  auto r = tally::load_file(path);
  REQUIRE_FALSE(r);
  CHECK(r.error() == path + ": file too large (300 MiB; the limit is 256 MiB)");
}

TEST_CASE("expand_inputs walks folders for checkable files in sorted order") {
  TempDir dir;
  dir.file("b.txt", "b");
  dir.file("a.md", "a");
  dir.file("sub/c.DOCX", "c");
  dir.file("sub/d.pdf", "d");
  dir.file("sub/e.png", "e");
  dir.file("sub/~$lock.docx", "lock");
  dir.file(".git/x.txt", "hidden");
  std::filesystem::create_directories(dir.path() / "empty");
  std::string root = dir.path().string();
  std::string missing = root + "/missing.txt";
  auto r = tally::expand_inputs({root, missing, root + "/empty"});
  REQUIRE(r);
  std::vector<std::string> want = {root + "/a.md",      root + "/b.txt", root + "/sub/c.DOCX",
                                   root + "/sub/d.pdf", missing,         root + "/empty"};
  CHECK(*r == want);
}
