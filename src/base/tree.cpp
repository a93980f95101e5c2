#include "base/tree.h"

#include <charconv>

namespace tally {

namespace {

const TreeNode kUndefined{};

// The compact form, node by node in document order: a kind byte, line and column (varints, +1 so that
// -1 fits), then a scalar's length and bytes or a sequence's / map's item count and items.
void put_varint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

void encode(const TreeNode& n, std::string& out) {
  out.push_back(static_cast<char>(n.kind));
  put_varint(out, static_cast<uint64_t>(static_cast<int64_t>(n.line) + 1));
  put_varint(out, static_cast<uint64_t>(static_cast<int64_t>(n.column) + 1));
  if (n.is_scalar()) {
    put_varint(out, n.scalar.size());
    out += n.scalar;
  } else if (n.is_sequence() || n.is_map()) {
    put_varint(out, n.items.size());
    for (const auto& c : n.items) encode(c, out);
  }
}

struct Decoder {
  std::string_view in;
  size_t at = 0;

  bool varint(uint64_t* v) {
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at >= in.size()) return false;
      auto b = static_cast<unsigned char>(in[at++]);
      *v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (b < 0x80) return true;
    }
    return false;
  }

  bool node(TreeNode& n, int depth) {
    if (depth > 1000 || at >= in.size()) return false;
    auto kind = static_cast<unsigned char>(in[at++]);
    if (kind > static_cast<unsigned char>(TreeNode::Kind::Map)) return false;
    n.kind = static_cast<TreeNode::Kind>(kind);
    uint64_t line = 0, column = 0, count = 0;
    if (!varint(&line) || !varint(&column) || line > INT32_MAX || column > INT32_MAX) return false;
    n.line = static_cast<int32_t>(line) - 1;
    n.column = static_cast<int32_t>(column) - 1;
    if (!n.is_scalar() && !n.is_sequence() && !n.is_map()) return true;
    if (!varint(&count) || count > in.size() - at) return false;  // every item takes at least one byte
    if (n.is_scalar()) {
      n.scalar.assign(in.substr(at, count));
      at += count;
      return true;
    }
    if (n.is_map() && count % 2 != 0) return false;
    n.items.resize(count);
    for (auto& c : n.items)
      if (!node(c, depth + 1)) return false;
    return true;
  }
};

}  // namespace

const TreeNode& TreeNode::operator[](std::string_view k) const {
  if (!is_map()) return kUndefined;
  for (size_t i = 0; i + 1 < items.size(); i += 2)
    if (items[i].is_scalar() && items[i].scalar == k) return items[i + 1];
  return kUndefined;
}

bool tree_bool(const TreeNode& n, bool* out) {
  if (!n.is_scalar()) return false;
  for (std::string_view t : {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"})
    if (n.scalar == t) return *out = true, true;
  for (std::string_view f : {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"})
    if (n.scalar == f) return *out = false, true;
  return false;
}

bool tree_int64(const TreeNode& n, int64_t* out) {
  if (!n.is_scalar() || n.scalar.empty()) return false;
  std::string_view s = n.scalar;
  if (s[0] == '+') s.remove_prefix(1);
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return false;
  *out = v;
  return true;
}

std::string encode_tree(const TreeNode& n) {
  std::string out;
  encode(n, out);
  return out;
}

bool CompactReader::varint(uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (at_ >= in_.size()) return false;
    auto b = static_cast<unsigned char>(in_[at_++]);
    *v |= static_cast<uint64_t>(b & 0x7f) << shift;
    if (b < 0x80) return true;
  }
  return false;
}

bool CompactReader::next(Node* n) {
  if (at_ >= in_.size()) return false;
  auto kind = static_cast<unsigned char>(in_[at_++]);
  if (kind > static_cast<unsigned char>(TreeNode::Kind::Map)) return false;
  *n = Node{static_cast<TreeNode::Kind>(kind), {}, 0};
  uint64_t line = 0, column = 0, count = 0;
  if (!varint(&line) || !varint(&column)) return false;
  if (n->kind != TreeNode::Kind::Scalar && n->kind != TreeNode::Kind::Sequence && n->kind != TreeNode::Kind::Map)
    return true;
  if (!varint(&count) || count > in_.size() - at_) return false;  // every item takes at least one byte
  if (n->kind == TreeNode::Kind::Scalar) {
    n->scalar = in_.substr(at_, count);
    at_ += count;
  } else {
    n->items = count;
  }
  return true;
}

bool CompactReader::skip_items(const Node& n) {
  // Iterative, so that no depth of nesting can exhaust the stack: items still to pass over.
  uint64_t left = n.items;
  Node c;
  while (left > 0) {
    if (!next(&c)) return false;
    left += c.items;
    --left;
  }
  return true;
}

Result<TreeNode> decode_tree(std::string_view bytes) {
  Decoder d{bytes};
  TreeNode root;
  if (!d.node(root, 0) || d.at != bytes.size()) return Error{"not a compiled rule pack"};
  return root;
}

}  // namespace tally
