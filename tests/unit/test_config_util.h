// Helpers for the config, suppression and baseline tests: a scratch folder
// and a tiny pattern rule pack whose findings do not depend on the built-in rules.
#pragma once
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace tally::cfgtest {

class Scratch {
 public:
  Scratch() {
    static std::atomic<int> n{0};
    root_ = std::filesystem::temp_directory_path() /
            ("tally-cfg-" + std::to_string(getpid()) + "-" + std::to_string(n++));
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
  }
  ~Scratch() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  std::string path(std::string_view rel) const { return (root_ / rel).string(); }
  std::string write(std::string_view rel, std::string_view text) const {
    auto p = root_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }

 private:
  std::filesystem::path root_;
};

// Rule "double": in "甲 A 人，乙 B 人", A must be twice B.
inline constexpr const char* kDoublePack = R"(pack: cfgtest
rules:
  - id: double
    kind: pattern
    severity: error
    summary: 甲 is twice 乙
    pattern: '甲\s*{num:a}\s*人，乙\s*{num:b}\s*人'
    assert: a == b * 2
    explanation: A test rule.
    examples:
      flag:
        - "甲 5 人，乙 2 人。"
      pass:
        - "甲 4 人，乙 2 人。"
)";

}  // namespace tally::cfgtest
