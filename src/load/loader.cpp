#include "load/loader.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "load/encoding.h"
#include "load/office.h"
#include "load/read_file.h"

namespace tally {

namespace {

std::string lower_extension(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext;
}

bool checkable(const std::filesystem::path& p) {
  std::string ext = lower_extension(p);
  std::string name = p.filename().string();
  // "~$report.docx" is Word's lock file, not a document.
  if (name.starts_with("~$") || name.starts_with(".")) return false;
  return ext == ".txt" || ext == ".md" || ext == ".docx" || ext == ".pdf";
}

std::vector<std::string> walk_folder(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> found;
  std::error_code ec;
  auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (it->is_directory(ec) && name.starts_with(".")) {
      it.disable_recursion_pending();  // .git and other hidden folders
      continue;
    }
    if (it->is_regular_file(ec) && checkable(it->path())) found.push_back(it->path().string());
  }
  std::sort(found.begin(), found.end());
  return found;
}

// Only white space (ASCII, the ideographic space U+3000, a BOM U+FEFF): nothing to check,
// so it is treated like an empty file rather than checked and passed.
bool blank(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (std::string_view(" \t\r\n\f\v").find(text[i]) != std::string_view::npos) ++i;
    else if (text.substr(i, 3) == "\xE3\x80\x80" || text.substr(i, 3) == "\xEF\xBB\xBF") i += 3;
    else return false;
  }
  return true;
}

// Legacy .doc or an encrypted Office file: the .docx reader explains which.
bool is_ole_compound(std::string_view bytes) { return bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"); }

bool has_pdf_header(std::string_view bytes) {
  // The PDF header may follow some junk, within the first kilobyte.
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

}  // namespace

Result<SourceText> load_bytes(const std::string& path, std::string_view bytes) {
  if (bytes.empty()) return Error{path, "empty file", "error.load.empty"};
  if (bytes.size() > kMaxInputBytes)
    return Error{path, fmt::format("file too large (over {}; the limit is {})", mebibytes(bytes.size()),
                                   mebibytes(kMaxInputBytes)),
                 {"error.load.too_large_over", {{"size", mebibytes(bytes.size())}, {"limit", mebibytes(kMaxInputBytes)}}}};
  std::string ext = path == "-" ? "" : lower_extension(path);
  bool pdf = bytes.starts_with("%PDF-") || (ext == ".pdf" && has_pdf_header(bytes));
  if (pdf || bytes.starts_with("PK\x03\x04") || is_ole_compound(bytes)) {
    auto readers = office_readers();
    if (!readers) return prefixed(path, readers.failure());
    return pdf ? (*readers)->pdf(path, bytes) : (*readers)->docx(path, bytes);
  }
  if (ext == ".pdf") return Error{path, "not a PDF file (no %PDF- header)", "error.load.not_pdf"};
  if (ext == ".docx") return Error{path, "not a .docx file (not a ZIP archive)", "error.load.not_zip"};
  auto text = decode_text(path, bytes);
  if (!text) return text.failure();
  if (blank(*text)) return Error{path, "empty file", "error.load.empty"};
  return SourceText(path, std::move(*text));
}

Result<SourceText> load_file(const std::string& path) {
  if (path == "-") {
    auto data = read_stream("-", STDIN_FILENO);
    if (!data) return data.failure();
    return load_bytes(path, *data);
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec) && walk_folder(path).empty())
    return Error{path, "folder holds no .txt, .md, .docx or .pdf file", "error.load.empty_folder"};
  auto data = read_regular_file(path);
  if (!data) return data.failure();
  return load_bytes(path, *data);
}

Result<std::vector<std::string>> expand_inputs(const std::vector<std::string>& inputs) {
  // Inputs that are not folders stay in the list, even missing ones: load_file
  // reports each, so one bad path does not hide the others' results.
  std::vector<std::string> out;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (in == "-" || !std::filesystem::is_directory(in, ec)) {
      out.push_back(in);
      continue;
    }
    auto found = walk_folder(in);
    if (found.empty()) out.push_back(in);  // load_file says the folder holds nothing to check
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace tally
