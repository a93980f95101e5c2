// `tally check`: lint files and print diagnostics in the chosen format.
// The work (configs, suppressions, baseline, parallel checking) is in
// config/check_run; this file parses options, prints and picks the exit code.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "cli/color.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/statistics.h"
#include "diag/error_text.h"
#include "config/check_run.h"
#include "fix/fix.h"
#include "output/format.h"
#include "rules/rule_docs.h"

namespace tally::cli {

namespace {

struct CheckArgs {
  std::vector<std::string> inputs;
  PackOptions packs;
  std::string format = "text";
  std::string fail_on = "error";
  std::string color = "auto";
  bool coverage = false;
  std::string config;
  bool no_config = false;
  unsigned jobs = 0;
  std::string baseline;
  std::string write_baseline;
  size_t max_findings = kDefaultMaxFindings;
  std::string lang;  // --lang: en or zh; empty: .tally.yaml, then LC_ALL/LC_MESSAGES/LANG
  bool fix = false;   // --fix: apply the certain fixes, then check again
  bool diff = false;  // --diff: print them as a unified diff, write nothing
  std::string stdin_filename;  // --stdin-filename: the name standard input is shown and configured as
  std::string output_file;     // -o: write the report here instead of standard output
  bool quiet = false;          // -q: the findings only, no summary or notes
  bool statistics = false;     // --statistics: a count per rule instead of the findings
  bool exit_zero = false;      // --exit-zero: 0 even with findings (2 still means tally could not run)
  std::string docs_url = default_rule_docs_url();  // --docs-url
};

void print_lines(const std::string& prefix, const std::string& text) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    fmt::print(stderr, "{}{}\n", prefix, text.substr(start, end - start));
    start = end + 1;
  }
}

// --fix / --diff: what changed (stderr) or the diff (stdout). True when a file changed or would.
bool apply_fixes(const std::vector<FileResult>& results, bool write, Lang lang) {
  const Catalogue& c = builtin_catalogue();
  bool changed = false;
  for (const auto& f : fix_files(results, write)) {
    auto n = [](auto v) { return std::to_string(v); };
    if (!f.refused.empty() && !f.edits.empty()) {
      std::string why =
          f.refused == "never-written" ? c.render("fix.never_written", lang) : render_error(f.refused_error, lang);
      fmt::print(stderr, "tally: {}\n",
                 c.render(Message("fix.refused", {{"path", f.path}, {"why", why}, {"n", n(f.edits.size())}}), lang));
      continue;
    }
    changed = changed || !f.edits.empty();
    if (!write) {
      std::fwrite(f.diff.data(), 1, f.diff.size(), stdout);
    } else {
      for (const auto& e : f.edits)
        fmt::print(stderr, "tally: {}\n",
                   c.render(Message("fix.applied", {{"path", f.path},
                                                    {"line", n(e.line)},
                                                    {"column", n(e.column)},
                                                    {"before", e.before},
                                                    {"after", e.after},
                                                    {"rule", e.rule}}),
                            lang));
    }
    if (f.uncertain > 0)
      fmt::print(stderr, "tally: {}\n",
                 c.render(Message("fix.uncertain", {{"path", f.path}, {"n", n(f.uncertain)}}), lang));
  }
  return changed;
}

// The report to standard output, or to -o FILE (written whole; an unwritable path is exit 2).
bool write_output(const std::string& path, const std::string& text, Lang lang) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    return true;
  }
  std::FILE* f = std::fopen(path.c_str(), "wb");
  bool ok = f != nullptr && std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (f != nullptr && std::fclose(f) != 0) ok = false;
  if (!ok) {
    std::string why = std::strerror(errno);
    print_error(Error{path, "cannot write the report: " + why, {"error.cli.cannot_write_report", {{"reason", why}}}}, lang);
  }
  return ok;
}

int run(const CheckArgs& a) {
  // Errors before any config is read are in --lang's language, else the locale's; a config's `lang:`
  // only counts once it has been read.
  Lang early = lang_from_env();
  if (!a.lang.empty()) parse_lang(a.lang, &early);
  Severity fail_level = Severity::Error;
  bool never = a.fail_on == "never";
  if (!never && !parse_severity(a.fail_on, &fail_level)) {
    print_error(Message("error.cli.bad_fail_on", {{"value", a.fail_on}}), early);
    return 2;
  }
  if (!a.config.empty() && a.no_config) {
    print_error(Message("error.cli.config_and_no_config"), early);
    return 2;
  }
  CheckRunOptions o;
  o.inputs = a.inputs;
  o.pack_paths = a.packs.rules;
  o.default_packs = !a.packs.no_default_rules;
  o.config_path = a.config;
  o.no_config = a.no_config;
  o.jobs = a.jobs;
  o.baseline_path = a.baseline;
  o.write_baseline_path = a.write_baseline;
  o.max_findings = a.max_findings;
  o.stdin_filename = a.stdin_filename;
  // No path: standard input when it has a name, else the current folder (as ruff and eslint do).
  if (o.inputs.empty()) o.inputs = {a.stdin_filename.empty() ? "." : "-"};
  if (!a.lang.empty()) {
    Lang l;
    if (!parse_lang(a.lang, &l)) {
      print_error(Message("error.cli.bad_lang", {{"value", a.lang}}), early);
      return 2;
    }
    o.lang = l;
  }
  o.process_ends_after = true;  // a command of its own process: nothing runs after it
  auto run = run_check(o);
  if (!run) {
    print_error(run.failure(), early);
    return 2;
  }
  for (const auto& e : run->file_errors) print_error(e, run->lang);
  if (a.diff || a.fix) {
    // The findings reported are those of the files as they are after fixing.
    bool changed = apply_fixes(run->results, a.fix, run->lang);
    if (a.diff) return changed ? 1 : 0;
    if (changed) {
      auto again = run_check(o);
      if (!again) {
        print_error(again.failure(), run->lang);
        return 2;
      }
      run = std::move(again);
    }
  }

  RenderOptions ro;
  ro.coverage = a.coverage;
  ro.lang = run->lang;
  ro.summary = !a.quiet;
  ro.docs_url = a.docs_url;
  bool to_terminal = a.output_file.empty() && isatty(fileno(stdout));
  ro.color = color_wanted(a.color, to_terminal, [](const char* name) { return std::getenv(name); });
  if (!a.output_file.empty() && a.color != "always") ro.color = false;  // a file gets no escape codes
  auto out = a.statistics ? Result<std::string>(render_statistics(run->results, run->rules, a.format, ro.color))
                          : render(a.format, RenderInput{run->results, run->rules, run->baseline}, ro);
  if (!out) {
    print_error(out.failure(), run->lang);
    return 2;
  }
  if (!write_output(a.output_file, *out, run->lang)) return 2;
  // Notes (stale baseline entries, unused config suppressions) follow the report they annotate.
  if (!a.quiet)
    for (const auto& n : run->notes) print_lines("tally: note: ", n);
  if (!run->file_errors.empty()) return 2;
  if (never || a.exit_zero) return 0;
  for (const auto& r : run->results)
    for (const auto& d : r.diagnostics)
      if (d.severity >= fail_level) return 1;
  return 0;
}

}  // namespace

void register_check(CLI::App& app, const Words& w) {
  auto args = std::make_shared<CheckArgs>();
  auto* cmd = app.add_subcommand("check", w("check"));
  cmd->add_option("inputs", args->inputs, w("check.inputs"));
  add_pack_options(cmd, args->packs, w);
  cmd->add_option("-f,--format", args->format, w("check.format"))
      ->capture_default_str();
  cmd->add_option("--fail-on", args->fail_on, w("check.fail_on"))
      ->capture_default_str();
  cmd->add_option("--color", args->color, w("check.color"))->capture_default_str();
  cmd->add_flag("--coverage", args->coverage, w("check.coverage"));
  cmd->add_flag("--fix", args->fix,
                w("check.fix"));
  cmd->add_flag("--diff", args->diff, w("check.diff"));
  cmd->add_option("--lang", args->lang, w("check.lang"))
      ->option_text("LANG");
  cmd->add_option("--config", args->config,
                  w("check.config"))
      ->option_text("FILE");
  cmd->add_flag("--no-config", args->no_config, w("check.no_config"));
  cmd->add_option("-j,--jobs", args->jobs, w("check.jobs"))
      ->check(CLI::Range(1u, 1024u))
      ->option_text("N");
  cmd->add_option("--baseline", args->baseline, w("check.baseline"))->option_text("FILE");
  cmd->add_option("--write-baseline", args->write_baseline,
                  w("check.write_baseline"))
      ->option_text("FILE");
  cmd->add_option("--max-findings", args->max_findings,
                  w("check.max_findings"))
      ->capture_default_str()
      ->option_text("N");
  cmd->add_option("--stdin-filename", args->stdin_filename,
                  w("check.stdin_filename"))
      ->option_text("NAME");
  cmd->add_option("-o,--output-file", args->output_file, w("check.output_file"))
      ->option_text("FILE");
  cmd->add_flag("-q,--quiet", args->quiet, w("check.quiet"));
  cmd->add_flag("--statistics", args->statistics, w("check.statistics"));
  cmd->add_flag("--exit-zero", args->exit_zero, w("check.exit_zero"));
  cmd->add_option("--docs-url", args->docs_url,
                  w("check.docs_url"))
      ->option_text("URL");
  cmd->callback([args] { set_exit_code(run(*args)); });
}

}  // namespace tally::cli
