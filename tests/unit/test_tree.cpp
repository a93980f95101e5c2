// The tree the pack loaders read: the compact form the build embeds decodes to exactly what parsing the
// YAML gives, so a built-in pack loads the same whichever way it is read; bad bytes and alias bombs are
// errors, not crashes or blow-ups.
#include <doctest/doctest.h>

#include <string>

#include "base/tree.h"
#include "diag/embedded_messages.h"
#include "rules/embedded.h"

using namespace tally;

namespace {

// Same kind, text, position and children, recursively; the path of the first difference otherwise.
std::string difference(const TreeNode& a, const TreeNode& b, const std::string& at = "root") {
  if (a.kind != b.kind) return at + ": kind";
  if (a.scalar != b.scalar) return at + ": text";
  if (a.line != b.line || a.column != b.column) return at + ": position";
  if (a.items.size() != b.items.size()) return at + ": size";
  for (size_t i = 0; i < a.items.size(); ++i)
    if (auto d = difference(a.items[i], b.items[i], at + "/" + std::to_string(i)); !d.empty()) return d;
  return "";
}

TreeNode parse(const std::string& yaml) {
  auto t = parse_yaml_tree("t.yaml", yaml);
  REQUIRE_MESSAGE(t.ok(), (t.ok() ? "" : t.error()));
  return *t;
}

}  // namespace

TEST_CASE("tree: every built-in pack and catalogue decodes to its YAML's parse") {
  size_t files = 0;
  for (const auto* list : {&embedded_packs(), &embedded_messages()})
    for (const auto& f : *list) {
      ++files;
      auto decoded = decode_tree(f.tree);
      REQUIRE(decoded.ok());
      CHECK_MESSAGE(difference(*decoded, parse(std::string(f.yaml))).empty(), f.name);
    }
  CHECK(files >= 7);  // core, vocational, bulletin, budget, zh; en and zh messages
}

TEST_CASE("tree: maps, sequences, scalars, nulls and positions") {
  TreeNode t = parse("a: 1\nb: [x, 'y z']\nc:\nd: {e: true}\n");
  REQUIRE(t.is_map());
  CHECK(t.size() == 4);
  CHECK(t["a"].scalar == "1");
  CHECK(t["a"].line == 0);
  CHECK(t["a"].column == 3);
  CHECK(t["b"].is_sequence());
  CHECK(t["b"].items[1].scalar == "y z");
  CHECK(t["b"].items[1].column == 7);
  CHECK(t["c"].is_null());
  CHECK(static_cast<bool>(t["c"]));
  CHECK_FALSE(static_cast<bool>(t["missing"]));
  CHECK_FALSE(static_cast<bool>(t["a"]["nested"]));  // a scalar has no keys
  bool b = false;
  CHECK(tree_bool(t["d"]["e"], &b));
  CHECK(b);
  CHECK_FALSE(tree_bool(t["a"], &b));
  int64_t n = 0;
  CHECK(tree_int64(t["a"], &n));
  CHECK(n == 1);
  CHECK_FALSE(tree_int64(t["b"].items[0], &n));
  CHECK(difference(*decode_tree(encode_tree(t)), t).empty());
}

TEST_CASE("tree: bytes that are not a compact tree are an error, not a crash") {
  std::string good = encode_tree(parse("k: [a, b, c]\n"));
  for (size_t cut = 0; cut < good.size(); ++cut) CHECK_FALSE(decode_tree(good.substr(0, cut)).ok());
  CHECK_FALSE(decode_tree(good + "x").ok());
  CHECK_FALSE(decode_tree(std::string("\x09", 1)).ok());               // no such kind
  CHECK_FALSE(decode_tree(std::string("\x03\x01\x01\xff\xff\xff\x7f", 7)).ok());  // a count past the end
}

TEST_CASE("tree: YAML errors carry the parser's position") {
  auto t = parse_yaml_tree("p.yaml", "a: [1, 2\n");
  REQUIRE_FALSE(t.ok());
  CHECK(t.error().rfind("p.yaml:", 0) == 0);
}

TEST_CASE("tree: aliases that would expand past the budget are an error") {
  // Each level doubles the one before: 2^30 scalars from a few hundred bytes.
  std::string yaml = "a0: &a0 [x, x]\n";
  for (int i = 1; i <= 30; ++i)
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) + ", *a" +
            std::to_string(i - 1) + "]\n";
  auto t = parse_yaml_tree("bomb.yaml", yaml);
  REQUIRE_FALSE(t.ok());
  CHECK(t.error() == "bomb.yaml:1:1: YAML aliases expand to more than twice the file's size");
  // An alias or two, as people write them, is fine.
  TreeNode ok = parse("base: &b {word: 人, dimension: people}\nunits: [*b, *b]\n");
  CHECK(ok["units"].items[1]["word"].scalar == "人");
}
