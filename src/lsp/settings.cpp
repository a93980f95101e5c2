#include "lsp/settings.h"

#include "diag/messages.h"

namespace tally::lsp {

using nlohmann::json;

namespace {

void read_string_list(const json& v, const char* key, std::vector<std::string>* out,
                      std::vector<std::string>* warnings) {
  for (const auto& e : v) {
    if (e.is_string()) out->push_back(e.get<std::string>());
    else warnings->push_back(std::string("tally.") + key + ": ignoring a non-string entry");
  }
}

void read_rule_levels(const json& v, Settings* s, std::vector<std::string>* warnings) {
  for (auto it = v.begin(); it != v.end(); ++it) {
    std::string level = it->is_string() ? it->get<std::string>() : "";
    Severity sev;
    if (level == "off") s->check.disabled.insert(it.key());
    else if (parse_severity(level, &sev)) s->check.severity[it.key()] = sev;
    else warnings->push_back("tally.rules." + it.key() + ": expected off, error, warning or info");
  }
}

}  // namespace

Settings parse_settings(const json& settings, std::vector<std::string>* warnings) {
  Settings s;
  if (!settings.is_object()) return s;
  const json* t = &settings;
  auto sec = settings.find("tally");
  if (sec != settings.end()) t = &*sec;
  if (!t->is_object()) return s;
  if (auto r = t->find("rules"); r != t->end()) {
    if (r->is_array()) read_string_list(*r, "rules", &s.rule_packs, warnings);
    else if (r->is_object()) read_rule_levels(*r, &s, warnings);
    else if (!r->is_null()) warnings->push_back("tally.rules: expected a list of rule packs or an object of levels");
  }
  if (auto d = t->find("disabled"); d != t->end()) {
    std::vector<std::string> ids;
    if (d->is_array()) read_string_list(*d, "disabled", &ids, warnings);
    else if (!d->is_null()) warnings->push_back("tally.disabled: expected a list of rule ids");
    s.check.disabled.insert(ids.begin(), ids.end());
  }
  if (auto d = t->find("defaultRules"); d != t->end() && d->is_boolean()) s.default_rules = d->get<bool>();
  if (auto l = t->find("lang"); l != t->end() && !l->is_null()) {
    Lang parsed;
    if (l->is_string() && parse_lang(l->get<std::string>(), &parsed)) s.lang = parsed;
    else warnings->push_back("tally.lang: expected en or zh");
  }
  return s;
}

std::optional<std::chrono::milliseconds> parse_debounce(const json& init, std::vector<std::string>* warnings) {
  if (!init.is_object()) return std::nullopt;
  const json* t = &init;
  if (!init.contains("debounceMs") && init.contains("tally") && init["tally"].is_object()) t = &init["tally"];
  auto d = t->find("debounceMs");
  if (d == t->end() || d->is_null()) return std::nullopt;
  if (!d->is_number() || d->get<double>() < 0 || d->get<double>() > 10000) {
    warnings->push_back("tally.debounceMs: expected milliseconds from 0 to 10000; keeping the default");
    return std::nullopt;
  }
  return std::chrono::milliseconds(static_cast<long long>(d->get<double>()));
}

}  // namespace tally::lsp
