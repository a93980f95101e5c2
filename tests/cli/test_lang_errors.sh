#!/bin/bash
# Errors in Chinese: a missing file, a broken .tally.yaml, a broken rule pack and a mistyped option or
# command, with --lang zh and with LANG=zh_CN.UTF-8. Each keeps its exit code (2) and its place
# ("file:line:col: "), reads as Chinese with no English sentence left, and stays English without them.
#   bash test_lang_errors.sh <path-to-tally> <source-dir>
set -u
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1

# Two English words in a row, once the place, `commands`, quoted names and yaml-cpp's own words
# (after "YAML 语法错误：", which the catalogue wraps but cannot translate) are taken out.
english_left() {
  sed -E 's/^tally: error: //; s/^[^ ]+:[0-9]+:[0-9]+: //; s/^[^ ]+: //; s/`[^`]*`//g; s/'"'"'[^'"'"']*'"'"'//g; s/YAML 语法错误：.*//' "$1" |
    grep -E '[A-Za-z]{2,} [A-Za-z]{2,}'
}
# run NAME EXPECTED-TEXT ARGS…: exit 2, the Chinese text in stderr, no English sentence.
run() {
  name=$1 want=$2
  shift 2
  "$TALLY" "$@" >/dev/null 2>"$name.err"
  code=$?
  [ "$code" = 2 ] && ok "$name: exit 2" || bad "$name: exit $code, not 2"
  has "$name.err" "$want" "$name: in Chinese"
  if english_left "$name.err" >"$name.english"; then bad "$name: English left"; cat "$name.english"; else ok "$name: no English sentence"; fi
}
zh() { LC_ALL= LC_MESSAGES= LANG=zh_CN.UTF-8 "$@"; }

printf '全年粮食产量 100 万吨。\n' >r.txt

# A missing input file.
run missing "tally: error: nosuch.txt: 无法打开：没有这个文件或目录" check --no-config --lang zh nosuch.txt
zh run missing_env "tally: error: nosuch.txt: 无法打开：没有这个文件或目录" check --no-config nosuch.txt
LC_ALL=C "$TALLY" check --no-config nosuch.txt >/dev/null 2>en.err
has en.err "tally: error: nosuch.txt: cannot open: No such file or directory" "missing file: English under LC_ALL=C"
LANG=zh_CN.UTF-8 "$TALLY" check --no-config --lang en nosuch.txt >/dev/null 2>en2.err
cmp -s en.err en2.err && ok "--lang en wins over the locale for errors" || bad "--lang en does not win for errors"

# A broken .tally.yaml: an unknown key, a bad value, a wrong shape; and one that is not YAML.
mkdir proj && cp r.txt proj/
printf 'disabel: [sum]\nrounding: sometimes\nignore: x\n' >proj/.tally.yaml
run config "proj/.tally.yaml:1:1: 未知的键 'disabel'——是不是想写 'disable'？" check --lang zh proj/r.txt
has config.err "proj/.tally.yaml:2:11: rounding 只能是 half-up 或 truncation-is-error，不能是 'sometimes'" "config: each problem on its line"
has config.err "proj/.tally.yaml:3:9: 应为ignore 条目的列表，实际是单个值" "config: sentence parts in Chinese too"
zh run config_env "未知的键 'disabel'" check proj/r.txt
printf 'rules: [a\n' >proj/.tally.yaml
run config_yaml ": YAML 语法错误：" check --lang zh proj/r.txt

# A broken rule pack.
cat >bad.yaml <<'EOF'
pack: mine
rules:
  - id: x
    kind: sum
    severty: error
EOF
run pack "bad.yaml:5:5: 规则中有未知的键 'severty'（可用的键：" check --no-config --lang zh --rules bad.yaml r.txt
has pack.err "bad.yaml:3:5: 规则缺少必需的键 'severity'" "pack: every problem listed"
zh run pack_env "规则中有未知的键 'severty'" rules --rules bad.yaml
run pack_missing "tally: error: nosuch.yaml: 无法读取规则包" check --no-config --lang zh --rules nosuch.yaml r.txt

# Mistyped options and commands, caught before CLI11 parses anything.
run option "'check' 没有选项 '--colour'——是不是想写 '--color'？" check --lang zh --colour never r.txt
zh run option_env "'check' 没有选项 '--jbos'" check --jbos 2 r.txt
zh run command "未知的命令 'chek'——是不是想写 'check'？" chek r.txt
run fail_on "--fail-on 只接受 error、warning、info 或 never（给出的是 'sometimes'）" check --lang zh --fail-on sometimes r.txt
zh run bad_lang "--lang 只接受 en 或 zh（给出的是 'fr'）" rules --lang fr
LC_ALL=C "$TALLY" chek r.txt 2>cmd_en.err
has cmd_en.err "tally: error: unknown command 'chek' — did you mean 'check'? (see \`tally help\`)" "command: English under LC_ALL=C"

# CLI11's own parse errors: the kind of mistake in Chinese, with the option and the value; English unchanged.
run jobs "tally: error: --jobs 的取值 0 不在 1 到 1024 之间" check --no-config --lang zh -j 0 r.txt
run missing_value "tally: error: --format 缺少取值" check --no-config --lang zh r.txt --format
zh run required "tally: error: 缺少必需的参数 input" facts
zh run not_member "tally: error: --format 只接受 text,json（给出的是 xml）" facts -f xml r.txt
LC_ALL=C "$TALLY" check --no-config -j 0 r.txt 2>jobs_en.err
has jobs_en.err "--jobs: Value 0 not in range 1 to 1024" "parse error: CLI11's English under LC_ALL=C"
has jobs_en.err "Run with --help for more information." "parse error: CLI11's hint under LC_ALL=C"

# --help in Chinese: headings, descriptions and flags; English under LC_ALL=C.
for cmd in "" check facts relations rules explain test-rules lsp text help completion; do
  zh "$TALLY" $cmd --help >help_zh.out 2>&1
  code=$?
  [ "$code" = 0 ] && ok "help $cmd: exit 0" || bad "help $cmd: exit $code"
  has help_zh.out "用法: tally" "help $cmd: Chinese usage line"
  has help_zh.out "显示本帮助并退出" "help $cmd: the help flag in Chinese"
  for english in "Usage:" "Options:" "Subcommands:" "Positionals:" "Print this help" "Output format" "File to read"; do
    if grep -qF "$english" help_zh.out; then bad "help $cmd: '$english' left in English"; fi
  done
done
LC_ALL=C "$TALLY" check --help >help_en.out
has help_en.out "Usage: tally check [OPTIONS] [inputs...]" "help: English under LC_ALL=C"
has help_en.out "Print this help message and exit" "help: English help flag under LC_ALL=C"
zh "$TALLY" help check >help_cmd.out
has help_cmd.out "检查报告，列出相互矛盾的数字" "tally help check: Chinese"

# Notes on stderr (a baseline written) in Chinese.
"$TALLY" check --no-config --lang zh --write-baseline b.json r.txt >/dev/null 2>note.err
has note.err "tally: note: 已将 0 条发现写入基线 b.json" "note: baseline written, in Chinese"
LC_ALL=C "$TALLY" check --no-config --write-baseline b2.json r.txt >/dev/null 2>note_en.err
has note_en.err "tally: note: wrote 0 findings to baseline b2.json" "note: English under LC_ALL=C"

# tally test-rules: a rule whose own examples fail, in Chinese; the FAIL tag stays for scripts.
cat >inverted.yaml <<'YAML'
pack: mine
rules:
  - id: small-total
    kind: pattern
    severity: warning
    summary: s
    explanation: e
    pattern: '合计 {num:a} 人'
    assert: 'a < 100'
    examples: {flag: ["合计 50 人"], pass: ["合计 500 人"]}
YAML
"$TALLY" test-rules --lang zh --no-default-rules inverted.yaml >tr_zh.out 2>&1
code=$?
[ "$code" = 1 ] && ok "test-rules: exit 1 on failing examples" || bad "test-rules: exit $code, not 1"
has tr_zh.out "FAIL small-total：应报告的示例 1 没有被报告：合计 50 人" "test-rules: a missed flag example in Chinese"
has tr_zh.out "0 个通过，2 个未通过" "test-rules: the summary in Chinese"
LC_ALL=C "$TALLY" test-rules --no-default-rules inverted.yaml >tr_en.out 2>&1
has tr_en.out "FAIL small-total: flag example 1 was not flagged: 合计 50 人" "test-rules: English under LC_ALL=C"

finish
