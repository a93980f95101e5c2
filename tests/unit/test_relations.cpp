// The relations stage: statements typed from their cues, relations proposed
// from structure (with the readings that lost), and the checks that do the
// arithmetic on them. Every passage is invented for the test.
#include <doctest/doctest.h>

#include <algorithm>

#include "check_helpers.h"
#include "extract/label_match.h"
#include "test_support.h"

using namespace tally;
using namespace tally::testing;

namespace {

const Statement& st(const Report& r, std::string_view text, int nth = 0) { return r.rel().st(r.q(text, nth).id); }

// Error and warning diagnostics of the default packs on a passage.
std::vector<Diagnostic> findings(const std::string& t) {
  std::vector<Diagnostic> out;
  for (auto& d : check_text(t).diagnostics)
    if (d.severity != Severity::Info) out.push_back(d);
  return out;
}

// Does some finding sit on, or point to, the figure printed `figure`?
bool flagged(const std::string& t, const std::string& figure) {
  size_t at = t.find(figure);
  REQUIRE(at != std::string::npos);
  for (const auto& d : findings(t)) {
    if (d.span.begin == at) return true;
    for (const auto& r : d.related)
      if (r.span.begin == at) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("statements: a level, its change, its growth rate and a point change") {
  Report r("年末全区户籍人口 52816 人，比上年末减少 318 人。全年税收收入 8.42 亿元，增长 3.6%，增速同比提高 1.2 个百分点。");
  CHECK(st(r, "52816").type == ValueType::Level);
  const Statement& change = st(r, "318");
  CHECK(change.type == ValueType::Change);
  CHECK(change.sign == -1);
  CHECK(change.qualifies == r.q("52816").id);
  CHECK(change.measure == st(r, "52816").measure);
  CHECK(st(r, "3.6%").type == ValueType::Growth);
  CHECK(st(r, "3.6%").qualifies == r.q("8.42 亿").id);
  CHECK(st(r, "1.2").type == ValueType::PointChange);
  CHECK(st(r, "1.2").qualifies == r.q("3.6%").id);
}

TEST_CASE("statements: the comparison period's level, a target and the basis") {
  Report r("2024 年全镇新增就业 1530 人，比上年的 1460 人增加 70 人。全县生产总值按可比价格计算增长 5.1%，名义增长 6.8%。预期目标增长 6% 左右。");
  CHECK(st(r, "1460").previous);
  CHECK_FALSE(st(r, "1530").previous);
  CHECK(st(r, "70").qualifies == r.q("1530").id);
  CHECK(st(r, "5.1%").basis == Basis::Real);
  CHECK(st(r, "6.8%").basis == Basis::Nominal);
  CHECK(st(r, "6%").target);
}

TEST_CASE("statements: 增加到 names the new level, not a change") {
  Report r("全市养老机构床位从 4120 张增加到 4580 张，增加 460 张。");
  CHECK(st(r, "4120").previous);
  CHECK(st(r, "4580").type == ValueType::Level);
  CHECK_FALSE(st(r, "4580").previous);
}

TEST_CASE("antecedent: the whole of a 其中 list is a level, never the change before it") {
  std::string ok = "年末全乡常住人口 24610 人，比上年末减少 385 人。其中，男性 12530 人，女性 12080 人。";
  Report r(ok);
  REQUIRE(r.rel().breakdowns.size() == 1);
  const Breakdown& b = r.rel().breakdowns[0];
  CHECK(b.whole == r.q("24610").id);
  CHECK(b.kind == BreakdownKind::Sum);
  REQUIRE(b.rivals.size() == 1);
  CHECK(builtin_catalogue().render(b.rivals[0], Lang::En) == "385 as the whole: change");
  CHECK(findings(ok).empty());
  CHECK(flagged("年末全乡常住人口 24610 人，比上年末减少 385 人。其中，男性 12530 人，女性 12180 人。", "24610"));
  // Percentage points and growth rates in the list are not parts.
  CHECK(findings("全镇财政收入 5.26 亿元，增长 4.4%，同比提高 0.9 个百分点。其中，税收收入 3.87 亿元，增长 2.1%，同比回落 1.3 个百分点。")
            .empty());
}

TEST_CASE("antecedent: （含…） names a subset, not a sum") {
  CHECK(findings("全区幼儿园教师 1935 人（含民办园教师 640 人，保育员 212 人）。").empty());
  CHECK(flagged("全区幼儿园教师 1935 人（含民办园教师 2640 人）。", "2640"));
}

TEST_CASE("completeness: a whole that names its parts, a complete partition, a partial list") {
  CHECK(flagged("全年外贸进出口总额 48.20 亿元，其中出口 30.15 亿元，进口 19.05 亿元。", "48.20"));
  CHECK(findings("全年外贸进出口总额 48.20 亿元，其中出口 30.15 亿元，进口 18.05 亿元。").empty());
  CHECK(flagged("全县小学专任教师 2164 人，分城乡看，城镇 1310 人，农村 864 人。", "2164"));
  CHECK(findings("全县小学专任教师 2164 人，分城乡看，城镇 1300 人，农村 864 人。").empty());
  CHECK(flagged("全年一般公共预算收入 12.60 亿元。其中，税收收入 8.10 亿元，非税收入 4.50 亿元。", "12.60") == false);
  CHECK(flagged("全年一般公共预算收入 12.60 亿元。其中，税收收入 8.10 亿元，非税收入 4.40 亿元。", "12.60"));
  // Some of the levels only: partial, so only a part larger than the whole would be an error.
  CHECK(findings("全年承办各级赛事 58 场，其中国家级赛事 9 场、省级赛事 16 场。").empty());
}

TEST_CASE("completeness: a list stops before a sibling of its whole") {
  std::string t = "第一产业投资 6.20 亿元，增长 2.0%；第二产业投资 35.40 亿元，增长 4.1%，其中，工业投资 33.10 亿元，增长 3.8%；"
                  "第三产业投资 61.75 亿元，增长 9.6%。";
  Report r(t);
  int third = r.q("61.75 亿").id;
  for (const auto& b : r.rel().breakdowns) CHECK(std::find(b.parts.begin(), b.parts.end(), third) == b.parts.end());
  CHECK(findings(t).empty());
}

TEST_CASE("change-rate: level, change and rate agree") {
  CHECK(flagged("全年共发生安全生产事故 15 起，比上年减少 5 起，下降 33.3%。", "33.3%"));
  CHECK(findings("全年共发生安全生产事故 15 起，比上年减少 5 起，下降 25.0%。").empty());
  CHECK(flagged("年末全市机动车保有量 64.3 万辆，比上年末增加 3.1 万辆，增长 6.1%。", "6.1%"));
  CHECK(findings("年末全市机动车保有量 64.3 万辆，比上年末增加 3.1 万辆，增长 5.1%。").empty());
  CHECK(flagged("2024 年全校录取新生 2310 人，比上年的 2150 人增加 170 人。", "170"));
  CHECK(findings("2024 年全校录取新生 2310 人，比上年的 2150 人增加 160 人，增长 7.4%。").empty());
}

TEST_CASE("change-rate: a positive level cannot fall by more than 100%") {
  CHECK(flagged("全年花卉产值 684 万元，下降 105.3%。", "105.3%"));
  CHECK(findings("全年花卉产值 684 万元，下降 15.3%。").empty());
}

TEST_CASE("change-rate: silent on real growth against current prices and on point changes") {
  CHECK(findings("全市地区生产总值 421.60 亿元，按可比价格计算，比上年增长 9.9%。").empty());
  CHECK(findings("全市城镇化率 58.4%，比上年提高 1.3 个百分点。").empty());
}

TEST_CASE("change-rate: a change after a 其中 list may be about the list's whole") {
  // 71 = 64 + 7 holds for the whole, not for the last part: no finding.
  CHECK(findings("全县获评优秀案例 71 个，其中一等奖 11 个、二等奖 24 个、三等奖 36 个，较上年的 64 个增加 7 个。").empty());
}

TEST_CASE("repeats: one measure, entity and period stated twice must agree") {
  std::string t = "一、基本情况\n\n学校建有校内实训室 64 间。\n\n二、办学条件\n\n学校共建成校内实训室 69 间。\n";
  CHECK(flagged(t, "69"));
  std::string same = "一、基本情况\n\n学校建有校内实训室 64 间。\n\n二、办学条件\n\n学校共建成校内实训室 64 间。\n";
  CHECK(findings(same).empty());
  std::string rates = "一、概况\n\n全区中职毕业生初次就业率 96.4%。\n\n二、就业\n\n全区中职毕业生初次就业率达到 94.6%。\n";
  CHECK(flagged(rates, "94.6%"));
}

TEST_CASE("repeats: other years, other scopes and one sentence's figures are not repeats") {
  CHECK(findings("一、概况\n\n2023 年学校建有实训室 64 间。\n\n二、条件\n\n2024 年学校建有实训室 69 间。\n").empty());
  CHECK(findings("一、概况\n\n全县高职院校在校生 8120 人，中职学校在校生 9430 人。\n\n二、规模\n\n中职学校在校生 9430 人。\n")
            .empty());
  CHECK(findings("一、概况\n\n学校实训室 64 间。\n\n案例 1 某某学校\n\n该校实训室 12 间。\n").empty());
}

TEST_CASE("percent: an unnamed 占 takes the whole under which its siblings hold") {
  CHECK(flagged("全院专任教师 318 人，博士研究生学历 41 人（占 14.89%），正高级职称 52 人（占 16.35%）。", "14.89%"));
  CHECK(findings("全院专任教师 318 人，博士研究生学历 41 人（占 12.89%），正高级职称 52 人（占 16.35%）。").empty());
}

TEST_CASE("percent: a compound rate is not one of its parts") {
  CHECK(findings("全年空气质量优良天数中，优 142 天，良 187 天，优良率 90.1%。").empty());
}

TEST_CASE("units: a part larger than its whole in any measure word; people counted in 人/名/位") {
  CHECK(flagged("全年蔬菜产量 15620 吨，其中设施蔬菜产量 16240 吨。", "16240"));
  CHECK(flagged("本届技能节共有 84 名选手参赛，评出一等奖 18 人、二等奖 31 人、三等奖 40 人。", "84"));
  CHECK(findings("本届技能节共有 84 名选手参赛，评出一等奖 18 人、二等奖 31 人、三等奖 30 人。").empty());
}

TEST_CASE("average: a value with a compound unit equals its total over its base") {
  CHECK(flagged("全县新建商品房销售额 26.40 亿元，销售面积 31.25 万平方米，销售均价 9448 元/平方米。", "9448"));
  CHECK(findings("全县新建商品房销售额 26.40 亿元，销售面积 31.25 万平方米，销售均价 8448 元/平方米。").empty());
}

TEST_CASE("per-capita: the total the value names, truncation as a warning") {
  std::string t = "全校在校生 2480 人。纸质图书 71300 册，电子图书 52000 册，生均纸质图书 28 册。";
  auto ds = run_rule("per-capita", t);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].severity == Severity::Warning);  // 71300 ÷ 2480 = 28.75, printed 28: truncated
  CHECK(related_texts(t, ds[0])[0] == "71300");
}

TEST_CASE("counts: only names, numeral, measure word and the noun naming them") {
  CHECK(findings("学校邀请行业专家为电工、焊接、汽修三个专业的 38 名新生授课。").empty());
  CHECK(findings("学校组建舞蹈社、书法社、篮球队等大小共 12 个社团。").empty());
  CHECK(findings("志愿者先后到养老院、社区、学校宣讲 8 场。").empty());
  CHECK(findings("全县新建、扩建、改建标准化考场 9 个。").empty());
  CHECK(findings("学校代表队获得金奖、银奖、铜奖各三项。").empty());
  CHECK(flagged("学校建成两个实训中心，分别是甲中心、乙中心、丙中心。", "两"));
  CHECK(flagged("学校建成三个实训中心，分别是甲中心、乙中心、丙中心。", "三") == false);
  CHECK(flagged("学校开设电子商务、物流管理、会计三个专业。", "三") == false);
  CHECK(flagged("学校开设电子商务、物流管理、会计、旅游四个专业。", "四") == false);
  CHECK(flagged("学校开设电子商务、物流管理、会计五个专业。", "五"));
}

TEST_CASE("labels: a parenthetical inside a label, glued tokens") {
  Report r("全县县（市）属中职学校 14 所。全县建成 5G 基站 1260 个，学校建成 3D 打印实训室 2 间。");
  CHECK(r.q("14").label == "全县县（市）属中职学校");
  CHECK_FALSE(r.has("5"));
  CHECK(r.q("1260").label.find("5G") != std::string::npos);
  CHECK_FALSE(r.has("3"));
}

TEST_CASE("relations view: statements and relations with their evidence") {
  std::string text = default_engine().relations_text(SourceText("t.txt", "年末全乡常住人口 24610 人，比上年末减少 385 人。其中，男性 12530 人，女性 12080 人。"));
  CHECK(contains(text, "change−"));
  CHECK(contains(text, "sum"));
  CHECK(contains(text, "lost: 385 as the whole: change"));
}

TEST_CASE("relations view in Chinese: the evidence, the lost readings and the view's words") {
  const SourceText src("t.txt", "年末全乡常住人口 24610 人，比上年末减少 385 人。其中，男性 12530 人，女性 12080 人。"
                                "全年完成投资 120 亿元，比上年增长 8.5%。");
  std::string zh = default_engine().relations_text(src, Lang::Zh);
  CHECK(contains(zh, "陈述：\n"));
  CHECK(contains(zh, "关系：\n"));
  CHECK(contains(zh, "未采用：385 不作总数：它是 change"));
  CHECK(contains(zh, "依据：句中给出了 120 亿 的增长率"));
  for (const char* english : {"evidence:", "lost:", "statements:", "relations:", "the sentence", " as the whole"})
    CHECK_MESSAGE(!contains(zh, english), english);
  // Each piece of evidence the English view shows has its Chinese counterpart.
  std::string en = default_engine().relations_text(src, Lang::En);
  CHECK(contains(en, "evidence: the sentence gives the growth rate of 120 亿"));
  // The JSON view, for tools, keeps the English evidence whatever the language.
  CHECK(default_engine().relations_json(src, Lang::Zh) == default_engine().relations_json(src, Lang::En));
}

TEST_CASE("tables: an empty 序号 cell makes no sub-row; a category row does") {
  std::string t = "表 2 教职工情况\n序号\t指标\t单位\t2024年\n1\t教职工额定编制数\t人\t1380\n\t教职工总数\t人\t1542\n"
                  "\t其中：专任教师总数\t人\t1296\n2\t在校生数\t人\t20150\n\t其中：女生\t人\t9870\n";
  Report r(t);
  const Table& tab = r.doc().tables.at(0);
  CHECK(tab.info[2].parent == -1);  // 教职工总数 is not a part of 额定编制数
  CHECK(tab.info[3].parent == 2);   // 专任教师总数 is a part of 教职工总数
  CHECK(findings(t).empty());
  std::string bad = "表 2 教职工情况\n序号\t指标\t单位\t2024年\n1\t教职工额定编制数\t人\t1380\n\t教职工总数\t人\t1542\n"
                    "\t其中：专任教师总数\t人\t1596\n";
  CHECK(flagged(bad, "1596"));
}

TEST_CASE("tables: a 样本数 column counts respondents, not percentages") {
  std::string t = "附表 3 满意度调查表\n序号\t指标\t单位\t2024年\t样本数\n1\t学生满意度\t%\t92.6\t8420\n2\t家长满意度\t%\t95.1\t6315\n";
  CHECK(findings(t).empty());
  Report r(t);
  CHECK(r.q("8420").kind == QuantityKind::Number);
}

TEST_CASE("tables: 国家级/省级/校级 sub-rows add up to their parent, nested sub-rows aside") {
  std::string t = "序号\t指标\t单位\t2024年\n5\t在线精品课程数\t门\t46\n\t其中：国家级数量\t门\t2\n\t接入平台数量\t门\t1\n"
                  "\t省级数量\t门\t9\n\t接入平台数量\t门\t6\n\t校级数量\t门\t35\n\t接入平台数量\t门\t20\n";
  CHECK(findings(t).empty());
  std::string bad = "序号\t指标\t单位\t2024年\n5\t在线精品课程数\t门\t56\n\t其中：国家级数量\t门\t2\n\t接入平台数量\t门\t1\n"
                    "\t省级数量\t门\t9\n\t接入平台数量\t门\t6\n\t校级数量\t门\t35\n\t接入平台数量\t门\t20\n";
  CHECK(flagged(bad, "56"));
}

TEST_CASE("repeats: a passage repeated in another section must repeat its figures") {
  std::string para = "全县共认定 18 所示范学校 243 个专业点，实现乡镇全覆盖。完成培训 52140 人次，完成率 104.28%；发证 31275 人，"
                     "合格率 98.16%，任务全部完成。";
  std::string copy = para;
  copy.replace(copy.find("31275"), 5, "31725");
  std::string t = "一、培训\n\n" + para + "\n\n六、服务\n\n" + copy + "\n";
  CHECK(flagged(t, "31725"));
  CHECK(findings("一、培训\n\n" + para + "\n\n六、服务\n\n" + para + "\n").empty());
  // Two passages written alike but about different things: most shared figures differ.
  std::string other = "一、甲赛\n\n全区选手获一等奖 12 个，二等奖 20 个，三等奖 31 个，优秀奖 40 个。\n\n二、乙赛\n\n"
                      "全区选手获一等奖 7 个，二等奖 15 个，三等奖 31 个，优秀奖 26 个。\n";
  CHECK(findings(other).empty());
}

TEST_CASE("counts: a list before 共/等 and its count, a list opening the next sentence") {
  CHECK(flagged("学校评选勤学之星、礼仪之星、劳动之星、艺术之星共 5 种类别。", "5"));
  CHECK(findings("学校评选勤学之星、礼仪之星、劳动之星、艺术之星共 4 种类别。").empty());
  CHECK(flagged("全县新增 3 所民办学校。分别是甲镇职业学校、乙镇职业学校、丙镇职业学校和丁镇职业学校。", "3"));
  CHECK(findings("全县新增 4 所民办学校。分别是甲镇职业学校、乙镇职业学校、丙镇职业学校和丁镇职业学校。").empty());
  // 与 inside one name is not a conjunction between items.
  CHECK(findings("学校开发茶艺基础、面点制作、果蔬的挑选与储藏三门校本课程。").empty());
  // Verbs before a count are not items.
  CHECK(findings("全县新审批、备案 3 所民办学校。").empty());
}

TEST_CASE("at-most: the winners among the participants, the classes of one contest") {
  CHECK(flagged("组织全区技能比赛，32 名教师参赛、36 人获奖。", "32"));
  CHECK(findings("组织全区技能比赛，32 名教师参赛、26 人获奖。").empty());
  CHECK(flagged("指导 5 名教师参加全省教学能力比赛，4 人荣获一等奖，2 人荣获二等奖。", "5"));
  CHECK(findings("指导 6 名教师参加全省教学能力比赛，4 人荣获一等奖，2 人荣获二等奖。").empty());
  // Schools or teams may win several prizes each.
  CHECK(findings("推荐 9 所学校参加全省比赛，获一等奖 6 个、二等奖 5 个。").empty());
}

TEST_CASE("percent: a lone unnamed 占比 is checked only against the one whole that comes close") {
  // 487 ÷ 713 = 68.30%: printed 68.03%, within 2% of that reading only.
  CHECK(flagged("全区有教职工 1502 人，专任教师 1377 人，专业课教师 713 人，“双师型”教师 487 人，占比 68.03%。", "68.03%"));
  CHECK(findings("全区有教职工 1502 人，专任教师 1377 人，专业课教师 713 人，“双师型”教师 487 人，占比 68.30%。").empty());
  // The base is not stated at all: no figure comes close, say nothing.
  CHECK(findings("全区有教职工 1502 人，专任教师 1377 人，“双师型”教师 487 人，占比 61.20%。").empty());
}

TEST_CASE("counts: points numbered 一是、二是 after their count") {
  CHECK(flagged("会议提出四点要求：一是压实责任，二是完善制度，三是强化考核。", "四"));
  CHECK(findings("会议提出三点要求：一是压实责任，二是完善制度，三是强化考核。").empty());
  CHECK(flagged("大会提出了两点希望。一是立足本职；二是勇于创新；三是服务发展。", "两"));
  // 点 after Arabic digits is a time of day, not a count.
  CHECK(findings("会议于 9 点召开，提出要求：一是守时，二是守纪。").empty());
}

TEST_CASE("tables: a row stating a scope and the scopes that split it adds up; 不含 excludes a scope") {
  std::string ok = "年份\t高中阶段在校生数\t普通高中在校生数\t中职在校生数（不含技工学校）\t职普比\n2024\t61240\t40310\t20930\t3.4:6.6\n";
  CHECK(findings(ok).empty());
  Report r(ok);
  CHECK(r.q("20930").scope == "secondary");
  std::string bad = "年份\t高中阶段在校生数\t普通高中在校生数\t中职在校生数（不含技工学校）\t职普比\n2024\t61240\t43310\t20930\t3.4:6.6\n";
  CHECK(flagged(bad, "43310"));
  // A row with another scope of the same measure (技工院校) does not say how they split.
  std::string other = "年份\t高中阶段在校生数\t普通高中在校生数\t中职在校生数\t技工院校在校生数\n2024\t65240\t40310\t20930\t4000\n";
  CHECK(findings(other).empty());
}

TEST_CASE("completeness: a partition that adds up only to the whole it names (调整 = 新增 + 撤销)") {
  CHECK(flagged("全县优化调整专业 19 个，其中，新增专业 12 个，撤销专业 6 个。", "19"));
  CHECK(findings("全县优化调整专业 18 个，其中，新增专业 12 个，撤销专业 6 个。").empty());
  // Another whole: the additions and removals are a part of it, not its split.
  CHECK(findings("全县现有专业 64 个，其中，新增专业 12 个，撤销专业 6 个。").empty());
}

TEST_CASE("antecedent: a 其中 list ends at ； unless the next clause goes on with it") {
  // Complete after 男/女: the clause after ； is another measure.
  CHECK(flagged("学校现有专任教师 268 人，其中，男教师 112 人，女教师 146 人；硕士以上学历 74 人，占 27.61%。", "268"));
  CHECK(findings("学校现有专任教师 268 人，其中，男教师 112 人，女教师 156 人；硕士以上学历 74 人，占 27.61%。").empty());
  // Clauses written alike go on: amount and beneficiaries, again after each ；.
  std::string t = "全年发放资助资金 1520.6 万元。其中，免学费资金 1210.4 万元，惠及 16820 人次；助学金 298.2 万元，惠及 3976 人次；"
                  "获得奖学金的学生 20 人，奖励金额 12.0 万元。";
  CHECK(findings(t).empty());
  std::string bad = "全年发放资助资金 1520.6 万元。其中，免学费资金 1210.4 万元，惠及 16820 人次；助学金 298.2 万元，惠及 3976 人次；"
                    "获得奖学金的学生 20 人，奖励金额 22.0 万元。";
  CHECK(flagged(bad, "1520.6") == false);  // the parts need not add up (a subset): no sum is claimed
}

TEST_CASE("labels: a place name before a scope word is set aside, a level word is not a place") {
  CHECK(flagged("2025 年，东平市中等职业学校共有应届毕业生 6880 人，毕业去向落实人数 7316 人。", "7316"));
  CHECK(findings("2025 年，东平市中等职业学校共有应届毕业生 7880 人，毕业去向落实人数 7316 人。").empty());
  Report r("学校建有省级精品课程 33 个。");
  CHECK(core_label(r.q("33").label, vocab()) == "建有省级精品课程");  // 学校, the report's own subject, goes
}

TEST_CASE("units: 人, 名 and 位 count the same people; a part many times its whole is a misreading") {
  CHECK(flagged("全校专任教师 212 人，其中硕士研究生 37 名，博士研究生 230 位。", "230"));
  CHECK(findings("全校专任教师 212 人，其中硕士研究生 37 名，博士研究生 23 位。").empty());
  // "80 人的培训任务 … 其中 293 名": the list refers to something else, not to the 80.
  CHECK(findings("全市完成 80 人省级骨干教师培训任务。其中 293 名教师完成市级培训。").empty());
}

TEST_CASE("statements: 均 after a count of institutions is \"all\", not a value per unit") {
  Report r("全省 256 所中职学校均已建立质量年报制度，各县职教中心均为省级示范校。全省中职学校校均在校生 2391 人，生均教学仪器设备值 0.86 万元，全县农户户均耕地 4.6 亩。");
  CHECK(st(r, "256").type == ValueType::Level);
  CHECK(st(r, "2391").type == ValueType::PerCapita);
  CHECK(st(r, "0.86 万").type == ValueType::PerCapita);
  CHECK(st(r, "4.6").type == ValueType::PerCapita);
}
