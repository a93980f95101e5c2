#!/bin/bash
# The .docx/.pdf readers are a module (tally_readers.so) loaded only when a
# .docx or .pdf is met, so the program itself links none of poppler, libzip or
# pugixml (their ~25 libraries cost every start ~10 ms). A missing or foreign
# module is one error line and exit 2 for that file; text files never need it.
#   bash test_readers_module.sh <path-to-tally> <source-dir>
set -u
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
command -v python3 >/dev/null || { echo "skip: python3 is not installed"; exit 77; }

if ldd "$TALLY" | grep -Eq 'libpoppler|libzip|libpugixml'; then
  bad "tally links a reader library: $(ldd "$TALLY" | grep -Eo 'lib(poppler|zip|pugixml)[^ ]*' | tr '\n' ' ')"
else
  ok "tally links none of poppler, libzip, pugixml"
fi

# A minimal .docx: one paragraph with two figures.
python3 - <<'PY'
import zipfile
doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
       '<w:p><w:r><w:t>全校共有教师 86 人，其中女教师 51 人。</w:t></w:r></w:p></w:body></w:document>')
types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
         'wordprocessingml.document.main+xml"/></Types>')
with zipfile.ZipFile("r.docx", "w") as z:
    z.writestr("[Content_Types].xml", types)
    z.writestr("word/document.xml", doc)
PY
printf '学校有专任教师 80 人，其中“双师型”教师 60 人。\n' >plain.txt
printf '%%PDF-1.4\n1 0 obj\n<< /Type /Catalog' >broken.pdf

out=$("$TALLY" text r.docx 2>&1); code=$?
[ $code = 0 ] && grep -q "女教师 51 人" <<<"$out" && ok ".docx read through the module" || bad ".docx: exit $code: $out"

mkdir empty-dir
for f in r.docx broken.pdf; do
  err=$(TALLY_MODULE_DIR="$TMP/empty-dir" "$TALLY" text "$f" 2>&1 >/dev/null); code=$?
  if [ $code = 2 ] && [ "$(wc -l <<<"$err")" = 1 ] && grep -q "^tally: error: $f: .*tally_readers.so is not installed" <<<"$err"; then
    ok "$f without the module: one error line, exit 2"
  else
    bad "$f without the module: exit $code, stderr: $err"
  fi
done

echo 'int not_the_readers;' >fake.c
if command -v cc >/dev/null && mkdir fake && cc -shared -fPIC -o fake/tally_readers.so fake.c 2>/dev/null; then
  err=$(TALLY_MODULE_DIR="$TMP/fake" "$TALLY" text r.docx 2>&1 >/dev/null); code=$?
  [ $code = 2 ] && grep -q "does not belong to this tally" <<<"$err" && ok "a foreign module is refused" ||
    bad "foreign module: exit $code, stderr: $err"
else
  echo "skip: no C compiler for the foreign-module case"
fi

out=$(TALLY_MODULE_DIR="$TMP/empty-dir" "$TALLY" text plain.txt 2>&1); code=$?
[ $code = 0 ] && grep -q "双师型" <<<"$out" && ok "text files need no module" || bad "plain.txt: exit $code: $out"

finish
