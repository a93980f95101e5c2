#include "config/baseline.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "load/read_file.h"

namespace tally {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// FNV-1a, 64 bits: stable across platforms and runs, which std::hash is not.
uint64_t fnv1a(std::string_view s, uint64_t h = 0xcbf29ce484222325ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

std::string without_whitespace(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
    // U+3000 IDEOGRAPHIC SPACE and U+00A0 NO-BREAK SPACE are whitespace in these reports too.
    if (s.substr(i, 3) == "\xE3\x80\x80") { i += 2; continue; }
    if (s.substr(i, 2) == "\xC2\xA0") { i += 1; continue; }
    out += static_cast<char>(c);
  }
  return out;
}

using Key = std::pair<std::string, std::string>;  // rule, fingerprint

}  // namespace

std::string fingerprint(const SourceText& src, const Diagnostic& d) {
  const char sep = '\x1f';
  std::string data = d.rule;
  data += sep;
  data += src.slice(d.span);
  data += sep;
  if (d.span.begin <= src.text().size() && src.line_count() > 0)
    data += without_whitespace(src.line_text(src.position(d.span.begin).line));
  for (const auto& r : d.related) {
    data += sep;
    data += src.slice(r.span);
  }
  return fmt::format("{:016x}", fnv1a(data));
}

std::string baseline_key(const std::string& baseline_path, const std::string& file) {
  std::error_code ec;
  fs::path base = fs::absolute(baseline_path, ec).lexically_normal().parent_path();
  fs::path f = fs::absolute(file, ec).lexically_normal();
  return f.lexically_proximate(base).generic_string();
}

Result<Baseline> parse_baseline(const std::string& name, std::string_view text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return Error{name, "not a valid JSON baseline file", "error.baseline.not_json"};
  auto bad = [&](const std::string& why, Message what) {
    return Error{name, "bad baseline file: " + why, "error.baseline.bad", {{"why", std::move(what)}}};
  };
  if (!j.is_object()) return bad("expected a JSON object", "error.baseline.not_object");
  if (!j.contains("version") || j["version"] != 1) return bad("expected \"version\": 1", "error.baseline.version");
  if (!j.contains("files") || !j["files"].is_object()) return bad("expected a \"files\" object", "error.baseline.no_files");
  Baseline b;
  for (auto& [file, list] : j["files"].items()) {
    if (!list.is_array())
      return bad(fmt::format("entries of '{}' must be a list", file), {"error.baseline.entries_not_list", {{"file", file}}});
    auto& out = b.files[file];
    for (const auto& e : list) {
      if (!e.is_object() || !e.contains("rule") || !e["rule"].is_string() || !e.contains("fingerprint") ||
          !e["fingerprint"].is_string() || !e.contains("count") || !e["count"].is_number_integer() ||
          e["count"].get<int>() < 1)
        return bad(fmt::format("an entry of '{}' needs rule, fingerprint and a positive count", file),
                   {"error.baseline.bad_entry", {{"file", file}}});
      BaselineEntry be;
      be.rule = e["rule"].get<std::string>();
      be.fingerprint = e["fingerprint"].get<std::string>();
      be.count = e["count"].get<int>();
      if (e.contains("message") && e["message"].is_string()) be.message = e["message"].get<std::string>();
      out.push_back(std::move(be));
    }
  }
  return b;
}

Result<Baseline> load_baseline(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Error{path, "cannot open baseline file", "error.baseline.cannot_open"};
  // Refuses FIFOs and devices instead of blocking on them; bounded like every input.
  auto text = read_regular_file(path, kMaxInputBytes, "baseline file");
  if (!text) return text.failure();
  return parse_baseline(path, *text);
}

std::string baseline_json(const Baseline& b) {
  json files = json::object();
  for (const auto& [file, entries] : b.files) {
    if (entries.empty()) continue;
    json list = json::array();
    for (const auto& e : entries)
      list.push_back({{"rule", e.rule}, {"fingerprint", e.fingerprint}, {"count", e.count}, {"message", e.message}});
    files[file] = std::move(list);
  }
  json out = {{"version", 1}, {"files", files}};
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Result<bool> save_baseline(const std::string& path, const Baseline& b) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Error{path, "cannot write baseline file", "error.baseline.cannot_write"};
    out << baseline_json(b);
    if (!out) return Error{path, "cannot write baseline file", "error.baseline.cannot_write"};
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Error{path, "cannot write baseline file", "error.baseline.cannot_write"};
  }
  return true;
}

std::vector<BaselineEntry> baseline_entries(const FileResult& r) {
  std::map<Key, BaselineEntry> merged;
  for (const auto& d : r.diagnostics) {
    std::string fp = fingerprint(r.source, d);
    auto& e = merged[{d.rule, fp}];
    if (e.count == 0) e = {d.rule, fp, 0, d.message};
    ++e.count;
  }
  std::vector<BaselineEntry> out;
  for (auto& [k, e] : merged) out.push_back(std::move(e));
  return out;
}

BaselineMatch apply_baseline(const Baseline& b, std::vector<FileResult>& results, const std::vector<std::string>& keys,
                             const std::function<bool(const std::string&)>& gone) {
  BaselineMatch m;
  std::set<std::string> checked;
  for (size_t i = 0; i < results.size() && i < keys.size(); ++i) {
    checked.insert(keys[i]);
    auto it = b.files.find(keys[i]);
    if (it == b.files.end()) continue;
    std::map<Key, int> left;
    for (const auto& e : it->second) left[{e.rule, e.fingerprint}] += e.count;
    auto& diags = results[i].diagnostics;
    std::vector<Diagnostic> kept;
    for (auto& d : diags) {
      auto l = left.find({d.rule, fingerprint(results[i].source, d)});
      if (l != left.end() && l->second > 0) {
        --l->second;
        ++m.matched;
      } else {
        kept.push_back(std::move(d));
      }
    }
    diags = std::move(kept);
    for (const auto& e : it->second) {
      int& n = left[{e.rule, e.fingerprint}];
      int gone_here = std::min(n, e.count);
      n -= gone_here;
      if (gone_here > 0) {
        BaselineEntry s = e;
        s.count = gone_here;
        m.stale += gone_here;
        m.stale_entries.push_back({keys[i], s});
      }
    }
  }
  for (const auto& [file, entries] : b.files) {
    if (checked.count(file) || !gone || !gone(file)) continue;
    for (const auto& e : entries) {
      m.stale += e.count;
      m.stale_entries.push_back({file, e});
    }
  }
  return m;
}

}  // namespace tally
