#!/bin/bash
# --fix and --diff on copies: without --fix nothing is ever written (checksums); --diff prints a
# unified diff and writes nothing; --fix applies only certain fixes (one figure, the others vouched
# for), keeps the file's permissions and line ends, says what it changed, and re-checks; uncertain
# suggestions and .docx/.pdf/stdin are left alone.
#   bash test_fix.sh <path-to-tally> <source-dir>
set -u
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
sum() { sha256sum "$1" | cut -d' ' -f1; }
T() { "$TALLY" check --no-config --color never --lang en "$@"; }

# A share whose part and whole a breakdown vouches for: only the share can be wrong.
printf '# 就业\n\n全县毕业生 500 人，其中男生 200 人、女生 300 人，\n男生占毕业生的 41.0%%。\n' >certain.txt
# A total whose parts nothing vouches for: the total or a part may be wrong.
printf '全市共有学校 17 所（公办学校 12 所、民办学校 6 所）。\n' >uncertain.txt
cp certain.txt certain.orig
cp uncertain.txt uncertain.orig
chmod 640 certain.txt

before=$(sum certain.txt)
T certain.txt uncertain.txt >plain.out 2>&1
[ "$(sum certain.txt)" = "$before" ] && cmp -s uncertain.txt uncertain.orig && ok "check without --fix writes nothing" ||
  bad "check without --fix changed a file"
has plain.out "replace with \`40.0%\`" "the certain suggestion is shown"

T --diff certain.txt uncertain.txt >diff.out 2>diff.err
rc=$?
[ $rc = 1 ] && ok "--diff exits 1 when something would change" || bad "--diff exit $rc"
[ "$(sum certain.txt)" = "$before" ] && cmp -s uncertain.txt uncertain.orig && ok "--diff writes nothing" ||
  bad "--diff changed a file"
cat >diff.want <<'DIFF'
--- certain.txt
+++ certain.txt
@@ -1,4 +1,4 @@
 # 就业
 
 全县毕业生 500 人，其中男生 200 人、女生 300 人，
-男生占毕业生的 41.0%。
+男生占毕业生的 40.0%。
DIFF
cmp -s diff.out diff.want && ok "--diff prints the unified diff" || { bad "--diff output"; diff diff.want diff.out; }
# The diff applies with patch(1) and gives what --fix writes.
cp certain.txt patched.txt
sed 's/^--- certain.txt/--- patched.txt/; s/^+++ certain.txt/+++ patched.txt/' diff.out | patch -s patched.txt && ok "patch applies the diff" || bad "patch rejects the diff"

T --fix certain.txt uncertain.txt >fix.out 2>fix.err
rc=$?
has fix.err "fixed certain.txt:4:9: 41.0% → 40.0% (percent)" "--fix says what it changed"
has fix.err "uncertain.txt: 1 suggested change(s) not applied" "--fix says what it left alone"
[ $rc = 1 ] && ok "the re-check after --fix still fails on what it left (exit 1)" || { bad "--fix exit $rc"; cat fix.out; }
has fix.out "2 files checked: 1 error" "the report after --fix is of the fixed files"
grep -q "^certain.txt:" fix.out && bad "the fixed file still has a finding" || ok "the fixed file has no finding left"
cmp -s certain.txt patched.txt && ok "--fix writes what --diff showed" || bad "--fix wrote something else"
cmp -s uncertain.txt uncertain.orig && ok "an uncertain fix leaves the file alone" || bad "uncertain.txt changed"
[ "$(stat -c %a certain.txt)" = 640 ] && ok "permissions kept" || bad "permissions now $(stat -c %a certain.txt)"
ls -a | grep -q 'tally-' && bad "a temporary file was left behind" || ok "no temporary file left"
T --fix certain.txt >again.out 2>again.err
[ ! -s again.err ] && ok "a second --fix has nothing to do" || { bad "second --fix"; cat again.err; }

# CRLF line ends and a byte-order mark survive; the figure in a symlinked file is fixed in its target.
printf '\xef\xbb\xbf# 就业\r\n\r\n全县毕业生 500 人，其中男生 200 人、女生 300 人，\r\n男生占毕业生的 41.0%%。\r\n' >crlf.txt
ln -s crlf.txt link.txt
T --fix link.txt >/dev/null 2>crlf.err
[ -L link.txt ] && ok "the symlink is still a symlink" || bad "the symlink was replaced"
printf '\xef\xbb\xbf# 就业\r\n\r\n全县毕业生 500 人，其中男生 200 人、女生 300 人，\r\n男生占毕业生的 40.0%%。\r\n' >crlf.want
cmp -s crlf.txt crlf.want && ok "CRLF and BOM kept" || { bad "CRLF file"; od -c crlf.txt | head; cat crlf.err; }

# Standard input and files in other encodings are never written.
T --fix - <certain.orig >stdin.out 2>stdin.err
has stdin.err "never writes .docx, .pdf or standard input" "standard input is not written"
iconv -f UTF-8 -t GB18030 certain.orig >gb.txt
cp gb.txt gb.orig
T --fix gb.txt >/dev/null 2>gb.err
cmp -s gb.txt gb.orig && ok "a GB18030 file is not written" || bad "a GB18030 file was changed"
has gb.err "gb.txt: not changed" "says why the GB18030 file was not changed"

# Chinese messages for --fix.
cp certain.orig zh.txt
"$TALLY" check --no-config --color never --lang zh --fix zh.txt >/dev/null 2>zh.err
has zh.err "已修改 zh.txt:4:9：41.0% → 40.0%（percent）" "--fix reports in Chinese"

finish
