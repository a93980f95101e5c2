// The word-list keys a pack may use (rules/README.md says what each one means). A constant array,
// so that a key written in the code is found when the program is compiled (vocab/vocabulary.h's ListKey).
#pragma once
#include <cstddef>
#include <string_view>

namespace tally {

inline constexpr std::string_view kListKeys[] = {
    "approx_at_least_before",  // 超, 超过, 逾: "超5000个"
    "approx_at_least_after",   // 余, 多, 以上: "160余人", "95% 以上"
    "approx_at_most_before",   // 近, 不足, 不到
    "approx_at_most_after",    // 以下, 以内
    "approx_about_before",     // 约, 大约
    "approx_about_after",      // 左右
    "not_quantity_after",      // 年, 月, 日, 届, 级: a number followed by these is a date or name
    "not_quantity_before",     // 第: ordinals
    "not_quantity_terms",      // 三次产业, 一次性: words that start with a numeral but count nothing
    "label_prefix_stop",       // cue words stripped from the start of a label (其中, 共有)
    "label_suffix_stop",       // words stripped from the end of a label (为, 达到)
    "stop_led_words",          // 达成, 有效, 近视: words opening with a one-character stop word, kept whole
    "label_verbs",             // verbs that end a label written after the number (参加, 开设)
    "breakdown",               // 其中: parts of the preceding whole follow
    "respectively",            // 分别为: a list of values for a list of labels
    "enumeration",             // 分别是, 包括: a list of names follows a count
    "distributive",            // 分别, 各: "A、B 分别核算了 7 项" — the count is of each name, the names are no items
    "each_has",                // 均有, 都有: "A、B 均有 6 项" — what each name has, the names are no items
    "list_and",                // 和, 及, 与: joins the last two names of a list (小学、初中和高中)
    "list_etc",                // 等: a list that may be shorter than its count
    "member_kinds",            // 省, 县, 技工学校: bare kinds of members; "28 个省（区、市）" glosses, it names none
    "list_comment",            // 均, 其中: a part after ， opening so comments on a list, it is no item
    "share",                   // 占, 占比: a share of a whole
    "summary_openers",         // 综上, 总的看: a clause of them names no subject
    "share_nouns",             // 比重, 比例: "share" itself — no whole after 占, 占比 standing alone
    "count_nouns",             // 人数, 户数, 场次: a count's word ending a named whole
    "share_in_words",          // 七成, 一半: a share said in words after 占, its value
    "rate_suffix",             // 率, 比例: a rate named after its part
    "total_cue",               // 共计, 合计, 总计: the figure is a total of what precedes
    "total_lead",              // 合计, 两者合计: a clause opening with the total's word, then what it totals
    "per_capita",              // 生均: a per-student value
    "students",                // labels that name the enrolled students (在校生)
    "teachers",                // labels that name the full-time teachers (专任教师)
    "student_teacher_ratio",   // 生师比
    "change_added",            // 新增
    "change_removed",          // 撤销
    "change_net",              // 净增
    "growth",                  // 提高, 增长: a relative change in percent
    "school_suffix",           // 学校, 中心: names of one institution end with these
    "city_scope",              // 全市: a clause about the whole area, not one school
    "balance_to_general",      // 调入一般公共预算: out of a fund, into the general budget
    "general_budget",          // 一般公共预算收入: the general budget's own income names its paragraph
    "share_of_economy_cue",    // 占, 相当于, 与: open the whole of a share of the economy (…地区生产总值的 p%)
    "opposed_heads",           // 收入, 支出, 结余: an account's items; a ；-clause of another is no part of a 其中 list
    "subjectless_verbs",       // 实现, 完成: a measure opening so names no subject; its sentence does
    "subject_anaphor",         // 该校, 学院: takes up the school a sentence named before
    "school_levels",           // scope ids of school levels (primary, junior-secondary): a 其中 list of some adds up only to a level split into them
    "whole_owner",             // 政府, 全社会: before a named whole (占债务余额的), whose it is, not a kind of it
    "case_marker",             // 案例: a case study about one school
    "toc_marker",              // 目录
    "table_total",             // 合计, 总计: a table row or column that totals the others
    "table_subtotal",          // 小计: a table row that totals its group, alone or after its name
    "table_index_header",      // 序号: a column of row numbers
    "table_code_header",       // 编码: a column of budget subject codes (213, 21301)
    "plan_completion",         // 完成率, 执行率: a rate of a plan, may exceed 100%
    "plan_relative",           // 录取率: a rate of a plan when one is named beside it
    "plan_words",              // 计划: names the plan such a rate is of
    "cohort",                  // 届: a graduating class, names a year
    "table_reference",         // 见表, 如下表: the sentence introduces the next table
    "item_markers",            // 二是, 三是: a numbered item of a list of separate claims begins
    "partial_list",            // 部分, 主要: a table (or its introduction) lists some of the items counted
    "partial_table_caption",   // 部分, 节选: a table's caption says its rows are some of what its 合计 totals
    "partial_table_note",      // 仅列出, 之和不等于: a note under a table says its rows are some of what its 合计 totals
    "rounding_note",           // 四舍五入: a note that puts a difference from the total down to rounding, not to missing rows
    "table_change",            // 增量, 增减: a column of differences between two year columns
    "table_not_summed",        // 率, 比, 均: a column whose 合计 cell is not the sum of its rows
    "average_headcount",       // 年平均常住人口: a level of people averaged over time, not a value per head
    "table_value_rows",        // 绝对数, 增速（%）: a row that says how values are given, the column says what
    "table_growth_rows",       // 增速（%）: a row of growth rates of the amounts of each column
    "balance_zero",            // 年终无结余: a balance of zero said in words
    "balance_even",            // 收支平衡: a balance of zero of named totals (收入总计, 支出总计) only
    "balance_inexact",         // 基本, 略有结余: the sentence of a zero balance says it is not exact
    "disjoint_classes",        // 教育支出, 增值税: classes that never overlap; a 其中 list of them is at most its whole
    "class_classifiers",       // 类, 级, 等: parts 三级/二级医院, 企业类/高校类 are classes of one classification
    "category_counts",         // 门类, 大类: a figure counting these counts categories, not what a 其中 list after it splits
    "sign_changing",           // 利润, 差额, 净出口: measures that may be negative, so may fall by more than 100%
    "sample_column",           // 样本数, 调查人次: a column that counts respondents, not the row's measure
    "enrolment_ratio",         // 职普比: vocational : general enrolment or students
    "change_up",               // 增加, 增长, 提高: a figure right after these is a change upwards
    "change_down",             // 减少, 下降, 回落: … a change downwards
    "change_to",               // 到, 至: "增加到 B" — B is the new level, not the change
    "change_up_compared",      // 多: a change upwards when the clause names the comparison (比上年多)
    "change_down_compared",    // 少: … downwards (同比少)
    "comparison",              // 比上年, 同比, 较上年: the clause compares with another period
    "balance_opening",         // 上年末滚存结余: a fund's balance carried in
    "balance_closing",         // 年末滚存结余: a fund's balance carried out
    "balance_flow",            // 当年结余: the period's surplus that moves one to the other
    "period_year_on_year",     // 同比, 比上年同期: against the same period of last year
    "period_year_to_date",     // 比年初, 较年初: against the start of this year
    "period_month_on_month",   // 环比, 比上月: against the month before
    "comparison_frame_open",   // 与, 同: "与 2020 年（的 A）相比" opens a comparison closed after its period
    "comparison_frame_close",  // 相比, 比较: what closes that frame
    "average_annual_growth",   // 年均增长: a yearly rate compounded over several years, not one period's
    "previous_level",          // 比上年的, 上年为, 从: the figure is the comparison period's level
    "basis_nominal",           // 名义: growth at current prices
    "basis_real",              // 实际, 可比价, 不变价: growth net of prices
    "target",                  // 目标, 预期, 力争: a goal, not a result
    "rank",                    // 排名, 位居: the figure is a position
    "measure_prefix_stop",     // 全年, 年末: time words set aside from a measure
    "previous_period",         // 上年, 去年: a clause that opens with these speaks of the period before
    "group_noun",              // 校, 院, 企业: a sentence's subject ending so is a group of institutions
    "group_counters",          // 户, 个, 家, 所: a sentence opening with a count in these counts a group whose bare figures follow
    "current_period",          // 本年, 今年: the report's own period, named after a previous one
    "opening_period",          // 年初, 期初: a level at the period's start, another figure than at its end
    "measure_suffix_stop",     // 人数, 总数: words that end a measure without changing it
    "per_head_people",         // 人均: per person of a population the sentence states
    "per_head_households",     // 户均: per household
    "household_units",         // 家: counts a 户均 value may be over besides 户
    "per_capita_population",   // 城区人口, 常住人口: the population a 人均 is of when its sentence states none
    "per_head_verb",           // 拥有: between 每百名学生 and what it counts
    "population",              // 毕业生, 居民: the people a measure is said of by default
    "student_groups",          // 本科, 研究生: a kind of students a 生均 value may be named after (生均本科…), its divisor
    "inclusion",               // 含, 包括: "（含 …）" names a subset, not a sum
    "remainder",               // 其他, 其余: a last part that names the rest completes a list
    "rest_join",               // 及, 和: a last class joined to the rest (水运及其他) names the rest
    "participants",            // 参赛, 选手: a figure of those taking part, which its prize classes cannot exceed
    "winners",                 // 获奖: those of the participants who won
    "per_unit",                // 生均, 人均, 均价: a value per person, household or unit
    "per_counted",             // 次均, 件均, 笔均: a value per counted event (the count's unit ends with it)
    "per_each_classifier",     // 家, 个, 所: 每 + a count's classifier, a value per one of that count
    "plan_column",             // 计划数, 目标值: a table's plan column, completed by its actual column
    "span_before",             // 过去, 近: before "N年", a span of years (过去五年)
    "span_after",              // 来, 间: after "N年", a span of years (五年来)
    "five_year_plan",          // 十四五: a five-year plan, whose 期间 is five years
    "measure_verb_suffix",     // 安排, 预计完成: after a measure, how its figure stands (支出安排 A)
    "union_words",             // 合计, 两者: a share's subject naming several figures together
    "all_words",               // 全部, 所有: a whole that is all of something
    "list_all",                // 全部, 均: after a list of counts, says it is about all of its items (…全部达到)
    "list_all_stop",           // 共同, 公共: longer words holding a list_all word that say no "all"
    "all_adverb_next",         // 已, 为, 达到: after 均 these make it "all" (学校均已…), not "per"
    "topic_marker",            // 方面: "城镇居民方面，" opens a sentence with the topic of the figures after it
    "among",                   // 中: "6 项任务中，完成 4 项" — the count before it is the whole of the counts after
    "cumulative",              // 累计, 以来: a figure summed over the years, not the year's
    "exclusion",               // 不含, 不包括: a bracket opening so says what a figure leaves out
    "relative_measure",        // 涉及: "涉及金额 A" is the amount of its clause's matter, no figure of its own name
    "per_period",              // 每月, 日均: a value per head and per month or day, not the year's total ÷ heads
    "addition",                // 另有, 此外: what follows adds to figures already stated
    "outcome_verbs",           // 带动, 惠及, 达成: a measure naming what an activity yielded (带动就业) is that activity's
    "year_cumulative",         // 全年累计: summed over the year only — the year's figure
    "flow",                    // 新建, 新增: what the period added, never the stock a per-head value divides
    "generic_nouns",           // 学校, 院校: nouns that name any entity of the report, not one table's rows
    "heading_generic_tails",   // 情况, 工作: words any section's title may end with, naming no kind of subject
    "share_set_words",         // 比重, 占比: a percentage named as a share of a whole without 占
    "share_set_bounds",        // 以下, 以上: the open end of a scale ("专科及以下") completes a list of its classes
      // Report-type packs (rules/bulletin.yaml, rules/budget.yaml):
    "budget_completion", "budget_figure", "plan_figure", "plan_object", "balance_income", "balance_expenditure", "balance_result", "balance_stock", "budget_vs_actual", "budget_plan_words",
    "balance_plus", "balance_minus", "bulletin_structure", "bulletin_sex_ratio", "bulletin_male",
    "bulletin_female", "bulletin_contribution", "bulletin_pull", "bulletin_economy",
    "bulletin_per_capita_economy", "bulletin_population", "bulletin_price_index", "bulletin_real_measures",
    "bulletin_area_scope", "bulletin_penetration", "bulletin_subscribers",
    "budget_actual_column", "budget_completion_column",
};
inline constexpr size_t kListKeyCount = sizeof(kListKeys) / sizeof(kListKeys[0]);

}  // namespace tally
