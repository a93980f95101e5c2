// Repeats by identity: statements of one measure, for one entity, period and
// basis, that the report makes in different places (a section and an annex,
// prose and a table). Their values must agree. Identity comes from the
// statement, not from a list of headline metrics: the measure (a pack's
// metric when the label is exactly one of its aliases, else the label with
// scope, time and verb words set aside), the entity (scope, 案例), the type
// and unit dimension, and the period.
//
// Never repeats: figures of one sentence (they enumerate groups), cells of
// one table (its rows and columns are different things), a part of a
// breakdown and its whole, figures whose label excludes something (不含, 除…外).
#pragma once
#include <string>
#include <vector>

#include "relations/relations.h"

namespace tally {

std::vector<RepeatGroup> find_repeats(const FactBase& fb, const std::vector<Statement>& st,
                                      const std::vector<Breakdown>& breakdowns, const std::vector<int>& part_of);

// Camps of agreeing values among the figures, in text order of their first statement: a figure joins the
// first camp whose first figure it agrees with within both precisions. The consistent check reports the
// smaller of two camps; the splits of a group keep this count's verdict.
std::vector<std::vector<int>> value_camps(const FactBase& fb, const std::vector<int>& ids);

// The measure words that identify a repeat ("学校共建成校内实训基地" → "校内实训基地").
std::string identity_measure(const FactBase& fb, const Quantity& q, const Statement& s);

// Is the figure one of an added or remaining group (另有, 此外, 其余 before it in its sentence, after the
// last ；): "另有 6 个专业未组群，在校生 746 人" — a part beside the headline figure, never the headline.
bool of_added_group(const FactBase& fb, const Quantity& q);

}  // namespace tally
