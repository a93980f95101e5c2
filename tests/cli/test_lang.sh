#!/bin/bash
# Findings, summaries, rule texts and errors in Chinese: --lang, `lang:` in .tally.yaml, the locale
# (LC_ALL / LC_MESSAGES / LANG); every finding the examples and table tests produce reads as Chinese
# with --lang zh (no English sentence left), and English output does not change with the locale.
#   bash test_lang.sh <path-to-tally> <source-dir>
set -u
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
# This script's outputs are long: a failure shows their start, or the offending lines.
has() { if grep -qF -- "$2" "$1"; then ok "$3"; else bad "$3: no '$2' in $1"; head -20 "$1"; fi; }
hasnt() { if grep -qF -- "$2" "$1"; then bad "$3: unexpected '$2' in $1"; grep -F -- "$2" "$1" | head -5; else ok "$3"; fi; }

printf '全镇共有幼儿园 9 所，其中公办幼儿园 5 所、民办幼儿园 5 所。\n' >r.txt

"$TALLY" check --no-config --color never --lang zh r.txt >zh.out 2>&1
has zh.out "error[sum]: 分项之和与总数 9 不符：5 + 5 = 10" "--lang zh: the finding in Chinese, arithmetic kept"
has zh.out "= 注： r.txt:1:21: 分项 1/2：5（公办幼儿园）" "--lang zh: related figures in Chinese"
has zh.out "= 建议： 改为 \`10\`" "--lang zh: the suggestion in Chinese"
has zh.out "检查了 1 个文件：1 个错误" "--lang zh: the summary in Chinese"

LC_ALL= LC_MESSAGES= LANG=zh_CN.UTF-8 "$TALLY" check --no-config --color never r.txt >env.out 2>&1
cmp -s zh.out env.out && ok "LANG=zh_CN.UTF-8 chooses Chinese" || bad "LANG=zh_CN.UTF-8 does not choose Chinese"
LC_ALL=C LANG=zh_CN.UTF-8 "$TALLY" check --no-config --color never r.txt >en.out 2>&1
has en.out "5 + 5 = 10, but the total says 9" "LC_ALL wins over LANG"
LANG=zh_CN.UTF-8 "$TALLY" check --no-config --color never --lang en r.txt >en2.out 2>&1
cmp -s en.out en2.out && ok "--lang en wins over the locale" || bad "--lang en does not win over the locale"

mkdir proj && cp r.txt proj/ && printf 'lang: zh\n' >proj/.tally.yaml
LANG=C "$TALLY" check --color never proj/r.txt >cfg.out 2>&1
has cfg.out "分项之和与总数 9 不符" "lang: zh in .tally.yaml"
LANG=C "$TALLY" check --color never --lang en proj/r.txt >cfg2.out 2>&1
has cfg2.out "but the total says 9" "--lang wins over lang: in .tally.yaml"
printf 'lang: fr\n' >proj/.tally.yaml
"$TALLY" check --color never proj/r.txt >bad.out 2>&1
[ $? = 2 ] && ok "lang: fr is exit 2" || bad "lang: fr is not exit 2"
has bad.out ".tally.yaml:1:7: lang must be en or zh, not 'fr'" "lang: fr says where and why"

"$TALLY" check --no-config --lang fr r.txt >badflag.out 2>&1
[ $? = 2 ] && [ "$(wc -l <badflag.out)" = 1 ] && ok "--lang fr: one line, exit 2" || { bad "--lang fr"; cat badflag.out; }

"$TALLY" explain per-capita --lang zh --format markdown >explain.out 2>&1
has explain.out "**检查内容。**" "tally explain in Chinese"
has explain.out "## 会报告的写法" "tally explain headings in Chinese"
"$TALLY" rules --lang zh >rules.out 2>&1
has rules.out "分项之和等于所述总数" "tally rules in Chinese"
"$TALLY" rules --lang en >rules_en.out 2>&1
has rules_en.out "the parts of a stated breakdown add up to its total" "tally rules in English"

# The HTML report's own words follow --lang; the rule explanations it carries too.
"$TALLY" check --no-config --lang zh --format html r.txt >zh.html 2>/dev/null
has zh.html '<html lang="zh-CN">' "HTML in Chinese says so"
has zh.html "<h2>发现的问题</h2>" "HTML headings in Chinese"
has zh.html "1 个错误" "HTML counts in Chinese"
has zh.html '\u003cstrong\u003e检查内容。\u003c/strong\u003e' "HTML carries the Chinese rule explanation (rendered by cmark)"
"$TALLY" check --no-config --lang en --format html r.txt >en.html 2>/dev/null
has en.html '<html lang="en">' "HTML in English says so"
has en.html "<h2>Findings</h2>" "HTML headings in English"

# tally's own findings: suppression comments and the cap on findings per file.
cat >sup.md <<'MD'
<!-- tally-disable-next-line percnt -->
全镇共有幼儿园 9 所，其中公办幼儿园 5 所、民办幼儿园 5 所。

<!-- tally-disable-next-line sum -->
全镇共有小学 7 所，其中公办小学 4 所、民办小学 3 所。

全镇共有中学 6 所，其中公办中学 4 所、民办中学 4 所。
MD
"$TALLY" check --no-config --color never --lang zh sup.md >sup_zh.out 2>&1
"$TALLY" check --no-config --color never --lang zh --max-findings 2 sup.md >>sup_zh.out 2>&1
has sup_zh.out "tally-disable-next-line 中的规则 'percnt' 不存在——是否应为 'percent'？" "a misspelt rule in a suppression, in Chinese"
has sup_zh.out "未使用的抑制：此处没有 'sum' 的发现" "an unused suppression, in Chinese"
has sup_zh.out "此后还有" "the cap's summary in Chinese"
hasnt sup_zh.out "unknown rule" "no English left in suppression findings"
hasnt sup_zh.out "more findings" "no English left in the cap's summary"
"$TALLY" check --no-config --color never --lang en sup.md >sup_en.out 2>&1
"$TALLY" check --no-config --color never --lang en --max-findings 2 sup.md >>sup_en.out 2>&1
has sup_en.out "unused suppression: no 'sum' finding here" "the unused suppression in English"
has sup_en.out "unknown rule 'percnt' in tally-disable-next-line — did you mean 'percent'?" "the same in English"
has sup_en.out "more findings from here on are not shown" "the cap's summary in English"

# Every finding of the examples and the table tests, in Chinese: no English sentence left in the
# message, its notes or its help lines (rule ids, paths and quoted figures aside).
: >all_zh.out
for f in "$SRC"/examples/*.txt "$SRC"/tests/tables/*.txt; do
  "$TALLY" check --no-config --color never --lang zh "$f" >>all_zh.out 2>&1
done
grep -E '^\S+:[0-9]+:[0-9]+|^  = ' all_zh.out |
  grep -E '^\S+:[0-9]+:[0-9]+|^  = ' | sed -E 's/^\S+:[0-9]+:[0-9]+( \([^)]*\))?: //; s/`[^`]*`//g; s/[^ ]+\.txt:[0-9]+:[0-9]+//g; s/(error|warning|info)\[[a-z-]+\]//' >messages.txt
n=$(wc -l <messages.txt)
if grep -E '\b(the|but|says|report|of|with|and|part|whole|students|replace|implies|exceeds|stated|total)\b' messages.txt >english.txt; then
  bad "English words left in Chinese findings ($(wc -l <english.txt) of $n lines)"
  head -10 english.txt
else
  ok "$n lines of Chinese findings, no English words"
fi
[ "$n" -gt 50 ] && ok "the examples produce findings to look at" || bad "only $n finding lines"

finish
