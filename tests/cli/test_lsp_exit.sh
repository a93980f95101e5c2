#!/bin/bash
# `tally lsp` ends within a second of `exit` whatever it is doing: checking a
# 5 MB document in the background, or analysing a document for a hover on the
# request thread. Exit code 0 after shutdown, 1 without (LSP 3.17).
# usage: test_lsp_exit.sh TALLY SOURCE_DIR
set -u
TALLY=$1
SRC=$2
command -v python3 >/dev/null || { echo "skip: python3 is not installed"; exit 77; }
python3 - "$TALLY" "$SRC" <<'PY'
import json, os, subprocess, sys, threading, time

tally, src = sys.argv[1], sys.argv[2]
optimized = os.environ.get("TALLY_OPTIMIZED", "1") == "1"
LIMIT = 1.0 if optimized else 30.0  # a Debug or sanitizer build only has to finish
report = open(os.path.join(src, "examples", "city-report.txt"), encoding="utf-8").read()

def text_of(size):
    out = []
    n = 0
    while n < size:
        out.append(report)
        n += len(report.encode())
    return "".join(out)

BIG = text_of(5 << 20)       # checked in the background only
MEDIUM = text_of(240 << 10)  # small enough for a hover to analyse it on the request thread

def frame(m):
    b = json.dumps(m, ensure_ascii=False).encode()
    return b"Content-Length: %d\r\n\r\n" % len(b) + b

def drain(p, out):
    while True:
        chunk = p.stdout.read(65536)
        if not chunk:
            return
        out.append(chunk)

def session(text, before_exit, shutdown, wait=0.0):
    p = subprocess.Popen([tally, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = []
    t = threading.Thread(target=drain, args=(p, out), daemon=True)
    t.start()
    w = p.stdin
    w.write(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}))
    w.write(frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
    w.write(frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": "file:///tmp/exit-test.txt", "languageId": "plaintext", "version": 1, "text": text}}}))
    for m in before_exit:
        w.write(frame(m))
    w.flush()
    time.sleep(wait)
    if shutdown:
        w.write(frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
    w.write(frame({"jsonrpc": "2.0", "method": "exit"}))
    w.flush()
    sent = time.time()
    try:
        code = p.wait(60)
    except subprocess.TimeoutExpired:
        p.kill()
        code = "timeout"
    latency = time.time() - sent
    t.join(5)
    return code, latency, b"".join(out)

ok = True
def expect(name, result, want_code):
    global ok
    code, latency, out = result
    print("%s: exit %s after %.3f s" % (name, code, latency))
    if code != want_code:
        print("FAIL: %s: exit code %s, want %s" % (name, code, want_code)); ok = False
    if latency > LIMIT:
        print("FAIL: %s: took %.2f s to end after exit (limit %.1f s)" % (name, latency, LIMIT)); ok = False
    return out

expect("5 MB document, shutdown and exit at once", session(BIG, [], True), 0)
expect("5 MB document, exit without shutdown", session(BIG, [], False), 1)
expect("5 MB document checked for 1.5 s, then shutdown and exit", session(BIG, [], True, wait=1.5), 0)
change = {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
    "textDocument": {"uri": "file:///tmp/exit-test.txt", "version": 2}, "contentChanges": [{"text": MEDIUM + "\n"}]}}
hover = {"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": {
    "textDocument": {"uri": "file:///tmp/exit-test.txt"}, "position": {"line": 44, "character": 23}}}
out = expect("hover analysing 240 KB on the request thread, then shutdown and exit",
             session(MEDIUM, [change, hover], True), 0)
if b'"id":7' not in out:
    print("FAIL: the hover was not answered (a result or RequestCancelled)"); ok = False
print("ok" if ok else "")
sys.exit(0 if ok else 1)
PY
