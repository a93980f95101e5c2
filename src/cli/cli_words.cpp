#include "cli/cli_words.h"

#include "base/suggest.h"

namespace tally::cli {

namespace {

// "Output format: text, json, sarif" → {text, json, sarif}: the values an option's help lists after
// its last colon, when they are all plain words. Help text is the one place these are written.
std::vector<std::string> listed_values(const std::string& description) {
  size_t colon = description.rfind(": ");
  if (colon == std::string::npos) return {};
  // Two or more words of [a-z0-9-], separated by "," or ", " (checked by hand: std::regex costs a
  // millisecond to compile, on every run).
  std::string tail = description.substr(colon + 2);
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= tail.size()) {
    size_t end = tail.find(',', start);
    if (end == std::string::npos) end = tail.size();
    std::string v = tail.substr(start, end - start);
    if (!out.empty() && !v.empty() && v.front() == ' ') v.erase(v.begin());
    bool word = !v.empty() && v.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
    if (!word) return {};
    out.push_back(v);
    start = end + 1;
  }
  return out.size() >= 2 ? out : std::vector<std::string>{};
}

OptionWords option_words(const CLI::Option& o) {
  OptionWords w;
  for (const auto& s : o.get_snames()) w.names.push_back("-" + s);
  for (const auto& l : o.get_lnames()) w.names.push_back("--" + l);
  w.description = o.get_description();
  w.takes_value = o.get_expected_max() != 0;  // flags expect no value
  if (w.takes_value) {
    w.values = listed_values(w.description);
    // A path when its help shows FILE, DIR or PATH, or speaks of a file or folder (and it is no count).
    const std::string& text = o.get_option_text();
    bool named = text == "FILE" || text == "DIR" || text == "PATH";
    bool spoken = text != "N" && (w.description.find("file") != std::string::npos ||
                                  w.description.find("folder") != std::string::npos);
    w.file_value = w.values.empty() && (named || spoken);
  }
  return w;
}

const CommandWords* find(const std::vector<CommandWords>& cmds, const std::string& name) {
  for (const auto& c : cmds)
    if (c.name == name) return &c;
  return nullptr;
}

std::optional<Error> unknown_option(const CommandWords& cmd, const std::vector<std::string>& args, size_t from) {
  std::vector<std::string> names;
  for (const auto& o : cmd.options) names.insert(names.end(), o.names.begin(), o.names.end());
  for (size_t i = from; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") return std::nullopt;  // everything after is an argument
    if (a.size() < 2 || a[0] != '-') continue;
    std::string name = a;
    bool inline_value = false;
    if (a[1] == '-') {
      size_t eq = a.find('=');
      if (eq != std::string::npos) name = a.substr(0, eq), inline_value = true;
    } else {
      name = a.substr(0, 2);  // -j4, -fjson: a short option with its value attached
      inline_value = a.size() > 2;
    }
    const OptionWords* known = nullptr;
    for (const auto& o : cmd.options)
      for (const auto& n : o.names)
        if (n == name) known = &o;
    if (!known) {
      std::string where = cmd.name.empty() ? "" : " for '" + cmd.name + "'";
      std::string help = cmd.name.empty() ? "tally help" : "tally help " + cmd.name;
      return Error{"", "unknown option '" + name + "'" + where + did_you_mean(name, names) + " (see `" + help + "`)",
                   {cmd.name.empty() ? "error.cli.unknown_option" : "error.cli.unknown_option_for",
                    {{"option", name}, {"command", cmd.name}, {"help", help}}},
                   {{"suggestion", suggestion(name, names)}}};
    }
    if (known->takes_value && !inline_value) ++i;  // its value may start with '-'
  }
  return std::nullopt;
}

}  // namespace

std::vector<CommandWords> command_words(const CLI::App& app) {
  std::vector<CommandWords> out;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    CommandWords c;
    c.name = sub->get_name();
    c.description = sub->get_description();
    for (const CLI::Option* o : sub->get_options()) {
      if (o->get_positional()) {
        if (c.positional.empty()) c.positional = o->get_name();
      } else {
        c.options.push_back(option_words(*o));
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> out;
  for (const auto& c : command_words(app)) out.push_back(c.name);
  return out;
}

std::optional<Error> unknown_word(const CLI::App& app, const std::vector<std::string>& args) {
  const auto cmds = command_words(app);
  CommandWords top;  // the options before a command: --help, --version
  for (const CLI::Option* o : app.get_options())
    if (!o->get_positional()) top.options.push_back(option_words(*o));
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.size() > 1 && a[0] == '-') {
      std::vector<std::string> one{a};
      if (auto e = unknown_option(top, one, 0)) return e;
      continue;
    }
    const CommandWords* cmd = find(cmds, a);
    if (!cmd)
      return Error{"", "unknown command '" + a + "'" + did_you_mean(a, command_names(app)) + " (see `tally help`)",
                   {"error.cli.unknown_command", {{"command", a}}}, {{"suggestion", suggestion(a, command_names(app))}}};
    return unknown_option(*cmd, args, i + 1);
  }
  return std::nullopt;
}

}  // namespace tally::cli
