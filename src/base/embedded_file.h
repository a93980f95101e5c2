// A YAML file compiled into the binary by the build (src/packc): its text, and its tree in the compact
// form (base/tree.h) that the program reads at start instead of parsing the YAML.
#pragma once
#include <string_view>

namespace tally {

struct EmbeddedFile {
  std::string_view name;  // file name, e.g. "core.yaml"
  std::string_view yaml;  // the file as written (tests compare it with the tree; docs quote it)
  std::string_view tree;  // encode_tree of its parse
};

}  // namespace tally
