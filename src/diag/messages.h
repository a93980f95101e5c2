// The message catalogue: every user-facing sentence, one YAML file per language
// (rules/messages/en.yaml, zh.yaml, compiled in), extended by rule packs'
// `messages:`. Texts name their arguments: "{parts} = {sum}，但总数为 {total}".
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/embedded_file.h"
#include "base/result.h"
#include "diag/message.h"

namespace tally {

struct TreeNode;

enum class Lang { En = 0, Zh = 1 };

std::string_view lang_name(Lang l);                // "en", "zh"
bool parse_lang(std::string_view name, Lang* out);  // "en", "zh", "zh-CN", "zh_TW.UTF-8", "en-US", …
// The reader's language from LC_ALL, LC_MESSAGES, LANG (the first one set): zh_* is Chinese, anything
// else English.
Lang lang_from_env();

class Catalogue {
 public:
  Catalogue() = default;
  // A catalogue laid over another, which must outlive it: its own entries first, then those of `under`.
  // The engine's is the built-in one with the packs' messages over it, and no copy of the built-in
  // ~1,200 entries on every run (a copy and its teardown were ~1 M instructions).
  explicit Catalogue(const Catalogue* under) : under_(under) {}
  // Adds the entries of one catalogue file (`language:` and `messages:`); `name` is for error messages.
  Result<bool> add_yaml(std::string_view name, std::string_view yaml);
  // The same from a tree already read (a built-in catalogue's compiled form).
  Result<bool> add_tree(std::string_view name, const TreeNode& root);
  void add(Lang l, std::string id, std::string text);

  // The text of `m` in language `l`: its template with the arguments filled in. An id neither language
  // knows is taken as literal text; an id only English knows falls back to English.
  std::string render(const Message& m, Lang l) const;
  std::string operator()(Lang l, const Message& m) const { return render(m, l); }
  // The text of `id` in `l` (a view into this catalogue or the one under it), nullopt when neither has one.
  std::optional<std::string_view> find(std::string_view id, Lang l) const;
  // Ids present in one language and missing in the other (tests and `tally rules --check`), among
  // this catalogue's own entries (not those of the one it lies over).
  std::vector<std::string> unpaired() const;
  // This catalogue's own entries, by id.
  std::vector<std::pair<std::string_view, std::string_view>> entries(Lang l) const;
  // Adds catalogue files compiled into the binary (tally_packc's compact form), which outlive every
  // catalogue: their texts are looked up where they lie, not copied. Reading the ~2,400 built-in texts
  // into maps was ~2.5 M instructions, a tenth of a one-report run; this is ~0.8 M (most of it the sort). Entries added with
  // add() or add_tree() come before these.
  void add_compiled(const std::vector<EmbeddedFile>& files);

 private:
  std::map<std::string, std::string, std::less<>> table_[2];
  std::vector<std::pair<std::string_view, std::string_view>> compiled_[2];  // sorted by id, one per id
  const Catalogue* under_ = nullptr;
};

// The catalogue compiled into the binary (rules/messages/*.yaml); built once, never changed.
const Catalogue& builtin_catalogue();

}  // namespace tally
