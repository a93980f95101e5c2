#include "diag/messages.h"

#include <fmt/args.h>
#include <fmt/format.h>

#include <algorithm>
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

namespace {

using Entries = std::vector<std::pair<std::string_view, std::string_view>>;

bool by_id(const std::pair<std::string_view, std::string_view>& a, const std::pair<std::string_view, std::string_view>& b) {
  return a.first < b.first;
}

// The entries of one compiled catalogue file (`language:` and a `messages:` map of texts), read in place;
// false when it is not one (the build's own files always are: tests/unit/test_messages.cpp).
bool read_compiled(std::string_view bytes, Lang* lang, Entries* out) {
  CompactReader r(bytes);
  CompactReader::Node root, key, value;
  if (!r.next(&root) || root.kind != TreeNode::Kind::Map) return false;
  bool has_lang = false;
  for (size_t i = 0; i < root.items / 2; ++i) {
    if (!r.next(&key) || !r.next(&value)) return false;
    if (key.scalar == "language" && value.kind == TreeNode::Kind::Scalar) {
      has_lang = parse_lang(value.scalar, lang);
    } else if (key.scalar == "messages" && value.kind == TreeNode::Kind::Map) {
      out->reserve(out->size() + value.items / 2);
      for (size_t j = 0; j < value.items / 2; ++j) {
        CompactReader::Node id, text;
        if (!r.next(&id) || !r.next(&text)) return false;
        if (id.kind != TreeNode::Kind::Scalar || text.kind != TreeNode::Kind::Scalar) return false;
        // YAML block scalars keep their last line break; a message is one line (as add() trims).
        std::string_view t = text.scalar;
        while (!t.empty() && t.back() == '\n') t.remove_suffix(1);
        out->emplace_back(id.scalar, t);
      }
    } else if (!r.skip_items(value)) {
      return false;
    }
  }
  return has_lang && r.at_end();
}

}  // namespace

void Catalogue::add_compiled(const std::vector<EmbeddedFile>& files) {
  Entries added[2];
  for (const auto& f : files) {
    Lang l = Lang::En;
    Entries e;
    if (!read_compiled(f.tree, &l, &e)) continue;  // a broken built-in file shows ids
    added[static_cast<int>(l)].insert(added[static_cast<int>(l)].end(), e.begin(), e.end());
  }
  for (int l = 0; l < 2; ++l) {
    Entries& all = compiled_[l];
    all.insert(all.end(), added[l].begin(), added[l].end());
    // Later files and later entries win, as add() overwrites: of equal ids the last one stays.
    std::stable_sort(all.begin(), all.end(), by_id);
    Entries unique;
    unique.reserve(all.size());
    for (size_t i = 0; i < all.size(); ++i)
      if (i + 1 == all.size() || all[i + 1].first != all[i].first) unique.push_back(all[i]);
    all = std::move(unique);
  }
}

std::vector<std::pair<std::string_view, std::string_view>> Catalogue::entries(Lang l) const {
  const auto& t = table_[static_cast<int>(l)];
  Entries out;
  out.reserve(t.size() + compiled_[static_cast<int>(l)].size());
  for (const auto& [id, text] : t) out.emplace_back(id, text);
  for (const auto& e : compiled_[static_cast<int>(l)])
    if (!t.count(e.first)) out.push_back(e);
  std::sort(out.begin(), out.end(), by_id);
  return out;
}

std::optional<std::string_view> Catalogue::find(std::string_view id, Lang l) const {
  const auto& t = table_[static_cast<int>(l)];
  auto it = t.find(id);
  if (it != t.end()) return std::string_view(it->second);
  const auto& c = compiled_[static_cast<int>(l)];
  auto at = std::lower_bound(c.begin(), c.end(), std::pair<std::string_view, std::string_view>{id, {}}, by_id);
  if (at != c.end() && at->first == id) return at->second;
  return under_ ? under_->find(id, l) : std::nullopt;
}

std::string Catalogue::render(const Message& m, Lang l) const {
  auto tmpl = find(m.id, l);
  if (!tmpl && l != Lang::En) tmpl = find(m.id, Lang::En);
  if (!tmpl) return m.id;
  if (m.args.empty() && tmpl->find('{') == std::string_view::npos) return std::string(*tmpl);
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const auto& [k, v] : m.args) store.push_back(fmt::arg(k.c_str(), v));
  try {
    return fmt::vformat(*tmpl, store);
  } catch (const fmt::format_error&) {
    // A pack's template that names an argument this message lacks: show it unfilled rather than fail.
    return std::string(*tmpl);
  }
}

std::vector<std::string> Catalogue::unpaired() const {
  std::vector<std::string> out;
  for (int a = 0; a < 2; ++a) {
    auto other = entries(static_cast<Lang>(1 - a));
    for (const auto& [id, text] : entries(static_cast<Lang>(a)))
      if (!std::binary_search(other.begin(), other.end(), std::pair<std::string_view, std::string_view>{id, {}}, by_id))
        out.push_back(fmt::format("{} (only {})", id, lang_name(static_cast<Lang>(a))));
  }
  return out;
}

const Catalogue& builtin_catalogue() {
  static const Catalogue cat = [] {
    Catalogue c;
    // The built-in files are tested (tests/unit/test_messages.cpp); a broken one shows ids.
    c.add_compiled(embedded_messages());
    return c;
  }();
  return cat;
}

}  // namespace tally
