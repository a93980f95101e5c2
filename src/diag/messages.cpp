#include "diag/messages.h"

#include <fmt/args.h>
#include <fmt/format.h>

#include <cstdlib>

#include "base/tree.h"
#include "diag/embedded_messages.h"

namespace tally {

std::string_view lang_name(Lang l) { return l == Lang::Zh ? "zh" : "en"; }

bool parse_lang(std::string_view name, Lang* out) {
  // Locale spellings: "zh", "zh-CN", "zh_CN.UTF-8", "zh-Hans"; "en", "en_US.UTF-8", "C", "POSIX".
  auto starts = [&](std::string_view p) {
    return name.size() >= p.size() && name.substr(0, p.size()) == p &&
           (name.size() == p.size() || name[p.size()] == '_' || name[p.size()] == '-' || name[p.size()] == '.');
  };
  if (starts("zh")) *out = Lang::Zh;
  else if (starts("en") || starts("C") || name == "POSIX") *out = Lang::En;
  else return false;
  return true;
}

Lang lang_from_env() {
  // POSIX order: LC_ALL overrides LC_MESSAGES, which overrides LANG; an empty variable counts as unset.
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v == nullptr || *v == '\0') continue;
    Lang l = Lang::En;
    parse_lang(v, &l);
    return l;
  }
  return Lang::En;
}

Result<bool> Catalogue::add_yaml(std::string_view name, std::string_view yaml) {
  auto root = parse_yaml_tree(name, yaml);
  if (!root) return Error{root.error()};
  return add_tree(name, *root);
}

Result<bool> Catalogue::add_tree(std::string_view name, const TreeNode& root) {
  const TreeNode& messages = root["messages"];
  Lang l;
  if (!root.is_map() || !root["language"] || !messages.is_map())
    return Error{fmt::format("{}: a message catalogue needs 'language' and a 'messages' mapping", name)};
  if (!root["language"].is_scalar() || !parse_lang(root["language"].scalar, &l))
    return Error{fmt::format("{}: language must be en or zh", name)};
  for (size_t i = 0; i < messages.size(); ++i) {
    if (!messages.key(i).is_scalar() || !messages.value(i).is_scalar())
      return Error{fmt::format("{}:{}: message '{}' must be text", name, messages.value(i).line + 1,
                               messages.key(i).scalar)};
    add(l, messages.key(i).scalar, messages.value(i).scalar);
  }
  return true;
}

void Catalogue::add(Lang l, std::string id, std::string text) {
  // YAML block scalars keep their last line break; a message is one line.
  while (!text.empty() && text.back() == '\n') text.pop_back();
  table_[static_cast<int>(l)][std::move(id)] = std::move(text);
}

const std::string* Catalogue::find(std::string_view id, Lang l) const {
  const auto& t = table_[static_cast<int>(l)];
  auto it = t.find(id);
  if (it != t.end()) return &it->second;
  return under_ ? under_->find(id, l) : nullptr;
}

std::string Catalogue::render(const Message& m, Lang l) const {
  const std::string* tmpl = find(m.id, l);
  if (tmpl == nullptr && l != Lang::En) tmpl = find(m.id, Lang::En);
  if (tmpl == nullptr) return m.id;
  if (m.args.empty() && tmpl->find('{') == std::string::npos) return *tmpl;
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const auto& [k, v] : m.args) store.push_back(fmt::arg(k.c_str(), v));
  try {
    return fmt::vformat(*tmpl, store);
  } catch (const fmt::format_error&) {
    // A pack's template that names an argument this message lacks: show it unfilled rather than fail.
    return *tmpl;
  }
}

std::vector<std::string> Catalogue::unpaired() const {
  std::vector<std::string> out;
  for (int a = 0; a < 2; ++a)
    for (const auto& [id, text] : table_[a])
      if (!table_[1 - a].count(id)) out.push_back(fmt::format("{} (only {})", id, lang_name(static_cast<Lang>(a))));
  return out;
}

const Catalogue& builtin_catalogue() {
  static const Catalogue cat = [] {
    Catalogue c;
    for (const auto& f : embedded_messages()) {
      // The built-in files are tested (tests/unit/test_messages.cpp); a broken one shows ids.
      auto tree = decode_tree(f.tree);
      if (tree) (void)c.add_tree(f.name, *tree);
    }
    return c;
  }();
  return cat;
}

}  // namespace tally
