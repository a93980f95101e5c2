// Loading: turns a file (or stdin) into a SourceText of valid UTF-8 with "\n"
// line ends. Detects UTF-8 (with or without BOM), UTF-16 with BOM and
// GB18030/GBK; rejects binary data with a clear message naming the byte offset.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/source.h"

namespace tally {

// Decodes raw bytes. `path` is only used in messages and kept in the SourceText.
Result<SourceText> load_bytes(const std::string& path, std::string_view bytes);
// Reads and decodes a file ("-" reads standard input). Never writes to the input.
Result<SourceText> load_file(const std::string& path);
// Expands inputs: files stay as given, folders are walked recursively for
// checkable files (*.txt, *.md, *.docx, *.pdf) in sorted order.
Result<std::vector<std::string>> expand_inputs(const std::vector<std::string>& inputs);

}  // namespace tally
