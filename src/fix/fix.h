// --fix and --diff: the findings whose replacement is certain, applied to the file's own bytes.
// A fix is applied only when it changes one figure and nothing else the finding uses is in doubt
// (Fix::certain, decided by the engine); .docx and .pdf files, standard input and files whose bytes
// are not the text that was checked (another encoding) are never written.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "diag/diagnostic.h"

namespace tally {

struct Edit {
  Span span;           // in the checked text
  std::string before;  // the figure as printed
  std::string after;   // its replacement
  std::string rule;
  int line = 0, column = 0;  // 1-based, code points
};

struct FixPlan {
  std::vector<Edit> edits;  // sorted, not overlapping
  int uncertain = 0;        // findings with a suggestion that is not certain enough to apply
};

// The edits --fix would make to one checked file.
FixPlan plan_fixes(const FileResult& r);

// Whether tally may write this input at all: not standard input, not a .docx or .pdf.
bool writable_input(std::string_view path);

// The file's bytes with the edits made. The bytes must hold the checked text (UTF-8, optionally with a
// byte-order mark and CRLF line ends); otherwise an Error says why nothing can be changed.
Result<std::string> apply_edits(std::string_view raw, const SourceText& text, const std::vector<Edit>& edits);

// A unified diff (3 lines of context) of two versions of `path`; empty when they are equal.
std::string unified_diff(std::string_view path, std::string_view before, std::string_view after);

// Replaces `path` with `bytes` atomically: a temporary file in the same folder, the original's
// permissions, fsync, rename.
Result<bool> write_atomically(const std::string& path, std::string_view bytes);

}  // namespace tally

namespace tally {

// What --fix / --diff did to one file.
struct FileFix {
  std::string path;
  std::vector<Edit> edits;  // made (or, with --diff, that would be made)
  std::string diff;         // unified diff of the edits
  int uncertain = 0;        // suggestions left to the author
  std::string refused;      // why the file was not changed, when it has edits but cannot be written
  Error refused_error;      // the same with its catalogue form, to print in the reader's language
  bool written = false;
};

// Plans, applies and (when `write`) writes the certain fixes of each checked file. Files with
// nothing certain to change are left out.
std::vector<FileFix> fix_files(const std::vector<FileResult>& results, bool write);

}  // namespace tally
