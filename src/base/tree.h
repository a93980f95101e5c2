// A YAML document as plain values: what the rule-pack and message-catalogue loaders read.
//
// It comes from yaml-cpp for a user's file (parse_yaml_tree), or from the compact form the build writes for
// the built-in packs (decode_tree), so a start does not parse ~140 KB of YAML: yaml-cpp takes ~15 ms on them,
// decoding the compact form a fraction of a millisecond. The loaders see the same tree either way.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace tally {

struct TreeNode {
  enum class Kind : uint8_t { Undefined, Null, Scalar, Sequence, Map };
  Kind kind = Kind::Undefined;
  std::string scalar;           // Scalar
  std::vector<TreeNode> items;  // Sequence: the elements; Map: key, value, key, value, …
  int32_t line = 0;             // 0-based, where the node starts in its file (-1: unknown)
  int32_t column = 0;

  // Undefined is what a missing key gives: `if (node["units"])`.
  explicit operator bool() const { return kind != Kind::Undefined; }
  bool is_null() const { return kind == Kind::Null; }
  bool is_scalar() const { return kind == Kind::Scalar; }
  bool is_sequence() const { return kind == Kind::Sequence; }
  bool is_map() const { return kind == Kind::Map; }
  // Elements of a sequence, entries of a map.
  size_t size() const { return kind == Kind::Map ? items.size() / 2 : items.size(); }
  const TreeNode& key(size_t i) const { return items[2 * i]; }
  const TreeNode& value(size_t i) const { return items[2 * i + 1]; }
  // The value of a scalar key of a map; an undefined node when there is none (or this is not a map).
  const TreeNode& operator[](std::string_view key) const;
};

// YAML's true/false (yes/no, on/off in their usual spellings, as yaml-cpp reads them); false when not one.
bool tree_bool(const TreeNode& n, bool* out);
// A whole number in decimal (an optional sign); false when not one or out of range.
bool tree_int64(const TreeNode& n, int64_t* out);

// Parses YAML text (one document). Errors read "NAME:LINE:COL: message". Aliases are expanded, within a
// budget proportional to the text's size, so a few bytes of nested aliases cannot expand to gigabytes.
Result<TreeNode> parse_yaml_tree(std::string_view name, std::string_view text);

// The compact form: a byte string the build embeds (src/packc) and the program decodes at start.
std::string encode_tree(const TreeNode& n);
// Decodes encode_tree's output; an error for bytes that are not one (the build's own output never is).
Result<TreeNode> decode_tree(std::string_view bytes);

// Reads encode_tree's output in place, node by node in document order, without building a tree: a
// scalar is a view into the bytes. For what is read once at every start (the message catalogues).
class CompactReader {
 public:
  struct Node {
    TreeNode::Kind kind = TreeNode::Kind::Undefined;
    std::string_view scalar;  // Scalar
    size_t items = 0;         // Sequence, Map: how many nodes follow as its items (a map's keys and values)
  };
  explicit CompactReader(std::string_view bytes) : in_(bytes) {}
  // The next node; false at the end or on bytes that are not the compact form. A sequence's or map's
  // items are the nodes that follow it, unless skipped.
  bool next(Node* n);
  // Passes over the items of `n` (just read).
  bool skip_items(const Node& n);
  bool at_end() const { return at_ == in_.size(); }

 private:
  bool varint(uint64_t* v);
  std::string_view in_;
  size_t at_ = 0;
};

}  // namespace tally
