#!/bin/bash
# `tally lsp` as a process: only framed protocol on stdout, exit codes 0/1.
# usage: test_lsp_stdio.sh TALLY SOURCE_DIR
set -u
TALLY=$1
command -v python3 >/dev/null || { echo "skip: python3 is not installed"; exit 77; }
python3 - "$TALLY" <<'PY'
import json, subprocess, sys

tally = sys.argv[1]

def frame(m):
    b = (m if isinstance(m, str) else json.dumps(m)).encode()
    return b"Content-Length: %d\r\n\r\n" % len(b) + b

def run(stream):
    p = subprocess.run([tally, "lsp"], input=stream, capture_output=True, timeout=60)
    out, msgs = p.stdout, []
    while out:  # every byte of stdout must belong to a framed JSON message
        head, sep, rest = out.partition(b"\r\n\r\n")
        assert sep and head.startswith(b"Content-Length: "), "stray output on stdout: %r" % out[:80]
        n = int(head.split(b":")[1])
        msgs.append(json.loads(rest[:n]))
        out = rest[n:]
    return p.returncode, msgs

init = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}
opened = {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
    "uri": "file:///tmp/r.md", "languageId": "markdown", "version": 1,
    "text": "\u5168\u6821\u5728\u6821\u751f 1200 \u4eba\uff0c\u5176\u4e2d\u7537\u751f 700 \u4eba\u3001\u5973\u751f 600 \u4eba\u3002\n"}}}
ok = True
code, msgs = run(frame(init) + frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}) + frame(opened)
                 + b"garbage\r\n\r\n" + frame("{not json") + frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
                 + frame({"jsonrpc": "2.0", "method": "exit"}))
ids = [m.get("id") for m in msgs if "method" not in m]
if code != 0 or ids != [1, None, 2]:
    print("FAIL: session: exit %d, replies %r" % (code, ids)); ok = False
code, msgs = run(b"")
if code != 1:
    print("FAIL: end of input without shutdown should exit 1, got %d" % code); ok = False
code, msgs = run(frame({"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": {}}) + frame({"jsonrpc": "2.0", "method": "exit"}))
if code != 1 or msgs[0]["error"]["code"] != -32002:
    print("FAIL: hover before initialize: exit %d, %r" % (code, msgs)); ok = False
print("ok" if ok else "")
sys.exit(0 if ok else 1)
PY
