#include "rules/rule_docs.h"

#include <cstdlib>
#include <filesystem>

#include "rules/rule_text.h"

#ifndef TALLY_DEFAULT_DOCS_URL
#define TALLY_DEFAULT_DOCS_URL ""
#endif
#ifndef TALLY_DOCDIR
#define TALLY_DOCDIR "share/doc/tally"
#endif

namespace tally {

std::string rule_doc_url(std::string_view base, std::string_view id) {
  if (base.empty()) return {};
  std::string out(base);
  size_t at = out.find("{id}");
  if (at != std::string::npos) return out.replace(at, 4, id);
  if (out.back() != '/') out += '/';
  return out + std::string(id) + ".md";
}

std::string rule_page_markdown(const RuleInfo& r, const Catalogue& c, Lang lang) {
  std::string out = "# " + r.id + "\n\n";
  out += "`" + std::string(severity_name(r.severity)) + "` · `" + r.kind + "` · " +
         c.render(Message("explain.pack", {{"pack", "`" + r.pack + "`"}}), lang) + "\n\n";
  std::string summary = rule_summary(r, c, lang);
  if (!summary.empty()) out += summary + "\n\n";
  std::string explanation = rule_explanation(r, c, lang);
  while (!explanation.empty() && (explanation.back() == '\n' || explanation.back() == ' ')) explanation.pop_back();
  if (!explanation.empty()) out += explanation + "\n\n";
  auto examples = [&](const char* title, const std::vector<std::string>& texts) {
    if (texts.empty()) return;
    out += "## " + c.render(title, lang) + "\n\n";
    // An indented code block, every line of it: a table example spans several lines.
    for (const auto& t : texts) {
      std::string_view rest = t;
      while (!rest.empty() && rest.back() == '\n') rest.remove_suffix(1);
      while (!rest.empty()) {
        size_t nl = rest.find('\n');
        out += "    " + std::string(rest.substr(0, nl)) + "\n";
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      }
      out += "\n";
    }
  };
  examples("explain.flagged", r.flag_examples);
  examples("explain.left_alone", r.pass_examples);
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

std::string default_rule_docs_url() {
  if (const char* env = std::getenv("TALLY_DOCS_URL"); env != nullptr) return env;  // "" turns links off
  if (*TALLY_DEFAULT_DOCS_URL) return TALLY_DEFAULT_DOCS_URL;
  // The pages installed with the program: PREFIX/bin/tally → PREFIX/share/doc/tally/rules/. Found
  // from the binary's own path, so /usr (the Debian package) and /usr/local (cmake --install) both work.
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  fs::path rules = exe.parent_path().parent_path() / TALLY_DOCDIR / "rules";
  if (!fs::is_directory(rules, ec)) return {};
  return "file://" + rules.string() + "/";
}

}  // namespace tally
