// YAML text → TreeNode, through yaml-cpp.
#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include "base/tree.h"

namespace tally {

namespace {

struct TooLarge {};

// yaml-cpp shares an aliased node; the tree copies it. The budget bounds the copy: a document without
// aliases has fewer nodes and scalar bytes than its text has bytes (plus slack for empty values).
struct Converter {
  uint64_t nodes_left;
  uint64_t bytes_left;

  void convert(const YAML::Node& y, TreeNode& t) {
    if (nodes_left == 0) throw TooLarge{};
    --nodes_left;
    const YAML::Mark m = y.Mark();
    t.line = m.line;
    t.column = m.column;
    switch (y.Type()) {
      case YAML::NodeType::Null:
        t.kind = TreeNode::Kind::Null;
        break;
      case YAML::NodeType::Scalar:
        t.kind = TreeNode::Kind::Scalar;
        if (y.Scalar().size() > bytes_left) throw TooLarge{};
        bytes_left -= y.Scalar().size();
        t.scalar = y.Scalar();
        break;
      case YAML::NodeType::Sequence:
        t.kind = TreeNode::Kind::Sequence;
        t.items.reserve(y.size());
        for (const auto& c : y) convert(c, t.items.emplace_back());
        break;
      case YAML::NodeType::Map:
        t.kind = TreeNode::Kind::Map;
        t.items.reserve(2 * y.size());
        for (const auto& kv : y) {
          convert(kv.first, t.items.emplace_back());
          convert(kv.second, t.items.emplace_back());
        }
        break;
      case YAML::NodeType::Undefined:
        t.kind = TreeNode::Kind::Undefined;
        break;
    }
  }
};

}  // namespace

Result<TreeNode> parse_yaml_tree(std::string_view name, std::string_view text) {
  try {
    YAML::Node root = YAML::Load(std::string(text));
    TreeNode tree;
    Converter c{2 * text.size() + 1024, 2 * text.size() + 4096};
    c.convert(root, tree);
    return tree;
  } catch (const TooLarge&) {
    return Error{fmt::format("{}:1:1", name), "YAML aliases expand to more than twice the file's size", "error.yaml.aliases"};
  } catch (const YAML::DeepRecursion& e) {
    return Error{fmt::format("{}:{}:{}", name, e.mark.line + 1, e.mark.column + 1),
                 fmt::format("YAML nested too deeply (more than {} levels)", e.depth() - 1),
                 {"error.yaml.too_deep", {{"limit", std::to_string(e.depth() - 1)}}}};
  } catch (const YAML::Exception& e) {
    // yaml-cpp's own words stay English; the catalogue says what they are about.
    return Error{fmt::format("{}:{}:{}", name, e.mark.line + 1, e.mark.column + 1), e.msg,
                 {"error.yaml.parser", {{"detail", e.msg}}}};
  }
}

}  // namespace tally
