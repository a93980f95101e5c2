// file:// URIs <-> local paths, as far as a language server needs them.
#pragma once
#include <string>
#include <string_view>

namespace tally::lsp {

// "file:///tmp/a%20b.md" -> "/tmp/a b.md". Other schemes (untitled:, …) come
// back unchanged, so they still name the document in messages.
std::string uri_to_path(std::string_view uri);
std::string path_to_uri(std::string_view path);
bool ends_with_ci(std::string_view s, std::string_view suffix);

}  // namespace tally::lsp
