#include "diag/diagnostic.h"

namespace tally {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

bool parse_severity(std::string_view name, Severity* out) {
  if (name == "info") *out = Severity::Info;
  else if (name == "warning") *out = Severity::Warning;
  else if (name == "error") *out = Severity::Error;
  else return false;
  return true;
}

}  // namespace tally
