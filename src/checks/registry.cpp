// The one place where check kinds are registered (as in clang-tidy).
#include <utility>

#include "checks/check.h"

namespace tally {

void check_sum(CheckContext&);
void check_subset(CheckContext&);
void check_percent(CheckContext&);
void check_per_capita(CheckContext&);
void check_per_capita_magnitude(CheckContext&);
void check_ratio_sum(CheckContext&);
void check_student_teacher_ratio(CheckContext&);
void check_net_change(CheckContext&);
void check_growth(CheckContext&);
void check_change_rate(CheckContext&);
void check_average(CheckContext&);
void check_count(CheckContext&);
void check_consistent(CheckContext&);
void check_malformed(CheckContext&);
void check_pattern(CheckContext&);
void check_table_rows(CheckContext&);
void check_table_change(CheckContext&);
void check_vocational_general_ratio(CheckContext&);
void check_order(CheckContext&);
void check_percent_range(CheckContext&);
void check_table_column_sum(CheckContext&);
void check_table_category_count(CheckContext&);
void check_table_total(CheckContext&);
void check_table_rate(CheckContext&);
void check_structure(CheckContext&);
void check_sex_ratio(CheckContext&);
void check_contribution(CheckContext&);
void check_growth_spread(CheckContext&);
void check_real_growth(CheckContext&);
void check_share_of_gdp(CheckContext&);
void check_per_capita_gdp(CheckContext&);
void check_per_resident(CheckContext&);
void check_budget_completion(CheckContext&);
void check_budget_balance(CheckContext&);
void check_formula(CheckContext&);
void check_share_sum(CheckContext&);

namespace {
const std::pair<const char*, CheckFn> kChecks[] = {
    {"sum", check_sum},
    {"subset", check_subset},
    {"percent", check_percent},
    {"per-capita", check_per_capita},
    {"per-capita-magnitude", check_per_capita_magnitude},
    {"ratio-sum", check_ratio_sum},
    {"student-teacher-ratio", check_student_teacher_ratio},
    {"net-change", check_net_change},
    {"growth", check_growth},
    {"change-rate", check_change_rate},
    {"average", check_average},
    {"formula", check_formula},
    {"share-sum", check_share_sum},
    {"count", check_count},
    {"consistent", check_consistent},
    {"malformed-number", check_malformed},
    {"pattern", check_pattern},
    {"table-rows", check_table_rows},
    {"table-change", check_table_change},
    {"enrolment-ratio", check_vocational_general_ratio},
    {"order", check_order},
    {"percent-range", check_percent_range},
    {"table-column-sum", check_table_column_sum},
    {"table-category-count", check_table_category_count},
    {"table-total", check_table_total},
    {"table-rate", check_table_rate},
    {"structure", check_structure},
    {"sex-ratio", check_sex_ratio},
    {"contribution", check_contribution},
    {"growth-spread", check_growth_spread},
    {"real-growth", check_real_growth},
    {"share-of-gdp", check_share_of_gdp},
    {"per-capita-gdp", check_per_capita_gdp},
    {"per-resident", check_per_resident},
    {"budget-completion", check_budget_completion},
    {"budget-balance", check_budget_balance},
};
}  // namespace

CheckFn find_check(std::string_view kind) {
  for (const auto& [name, fn] : kChecks)
    if (kind == name) return fn;
  return nullptr;
}

const std::vector<std::string>& check_kinds() {
  static const std::vector<std::string> kinds = [] {
    std::vector<std::string> v;
    for (const auto& [name, fn] : kChecks) v.push_back(name);
    return v;
  }();
  return kinds;
}

}  // namespace tally
