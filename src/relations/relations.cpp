#include "relations/relations.h"

#include <fmt/format.h>

#include "relations/breakdowns.h"
#include "relations/budget.h"
#include "relations/structures.h"
#include "relations/averages.h"
#include "relations/changes.h"
#include "relations/formulas.h"
#include "relations/repeats.h"
#include "relations/table_lines.h"

namespace tally {

Relations build_relations(const FactBase& fb) {
  Relations rel;
  rel.statements = type_statements(fb);
  find_breakdowns(fb, rel.statements, rel.breakdowns);
  rel.part_of.assign(fb.ex.quantities.size(), -1);
  for (size_t i = 0; i < rel.breakdowns.size(); ++i)
    for (int p : rel.breakdowns[i].parts)
      if (rel.part_of[p] < 0) rel.part_of[p] = static_cast<int>(i);
  rel.changes = find_changes(fb, rel.statements, rel.breakdowns, rel.part_of);
  rel.repeats = find_repeats(fb, rel.statements, rel.breakdowns, rel.part_of);
  rel.averages = find_averages(fb, rel.statements);
  rel.formulas = find_formulas(fb, rel.statements);
  // A table's columns and rows with their names, built once for the finders that read tables.
  const std::vector<TableLine> lines = table_lines(fb);
  find_structures(fb, rel, lines, rel.bulletin);
  find_budget(fb, rel, lines, rel.bulletin);
  return rel;
}

}  // namespace tally
