// The source part of the HTML report: a file's lines with line numbers, every
// diagnostic's figure wrapped in <mark> and every related figure in <span class="rel">.
//
// Spans may overlap or cross lines, so the text is cut at every span boundary
// and each piece is wrapped on its own with the list of diagnostics covering it
// (data-d / data-r). Nothing nests, so overlapping spans cannot break the markup.
#pragma once
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/messages.h"

namespace tally::html {

struct Figure {
  Span span;
  int diag = 0;          // report-wide diagnostic number
  bool related = false;  // a related figure of `diag`, not its primary figure
  Severity severity = Severity::Error;
  std::string tooltip;   // e.g. "error[percent]: …", shown on hover without JavaScript
};

// Appends a <table class="src"> with one row per line. Rows have id
// "f<file>-l<line>"; the first piece of diagnostic k's figure has id "d-<k>".
// A line's title is where it came from in a .docx or .pdf, in `lang`.
void render_source(std::string& out, const SourceText& src, int file, const std::vector<Figure>& figures, Lang lang);

}  // namespace tally::html
