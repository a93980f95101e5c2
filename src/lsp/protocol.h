// Conversions between tally's values and LSP JSON objects.
#pragma once
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "diag/diagnostic.h"
#include "lsp/position.h"

namespace tally::lsp {

using json = nlohmann::json;

// JSON-RPC and LSP error codes.
namespace err {
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;
constexpr int kRequestCancelled = -32800;  // LSP 3.17: the client cancelled the request
}  // namespace err

// Thrown by handlers (and caught by the server) for params of the wrong shape.
struct InvalidParams : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A JSON integer in [min, max] or InvalidParams naming `what`: JSON numbers
// can be fractions, negative or beyond any int, and get<int>() on those is
// undefined or wrong (a position of -1 must not become offset 0).
int int_in_range(const json& j, const char* what, int min, int max);

json to_json(const LspPosition& p);
json to_json(const LspRange& r);
// These throw nlohmann::json exceptions on a malformed object and
// InvalidParams on a line or character that is not a non-negative integer.
LspPosition position_from_json(const json& j);
LspRange range_from_json(const json& j);

int lsp_severity(Severity s);  // 1 error, 2 warning, 3 information
LspRange span_range(const LineIndex& index, Span span);

// One tally Diagnostic as an LSP Diagnostic for the document at `uri`.
json diagnostic_json(const Diagnostic& d, const LineIndex& index, const std::string& uri);

}  // namespace tally::lsp
