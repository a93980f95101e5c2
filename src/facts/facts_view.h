// The debugging view (`tally facts`): what tally understood in a file.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/message.h"
#include "facts/fact_base.h"

namespace tally {

// What later stages add to the view: per quantity, fields (JSON) and a text
// suffix; and top-level JSON members ("breakdowns", "relations").
struct FactsExtras {
  std::vector<nlohmann::json> quantity_fields;
  std::vector<std::string> quantity_text;
  nlohmann::json top = nlohmann::json::object();
  std::string text_tail;
};

std::string facts_to_json(const FactBase& fb, const FactsExtras& extras = {});
// One entry of the JSON view's "quantities" (the language server's hover shows it).
nlohmann::json quantity_to_json(const FactBase& fb, const Quantity& q, const FactsExtras& extras);
// The text view; its headings in `say`'s language (the key=value fields are notation, as in JSON).
std::string facts_to_text(const FactBase& fb, const FactsExtras& extras, const Say& say);

}  // namespace tally
