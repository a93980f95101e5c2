#!/usr/bin/env python3
"""LSP soak test: 10,000 malformed or hostile messages mixed with valid ones.

usage: soak.py TALLY [COUNT]

Starts `TALLY lsp`, warms it up (initialize, a document checked, hover, code
actions), then writes COUNT messages drawn at random (fixed seed) from the
kinds below, mostly hostile. At the end the server must still publish the
right diagnostics for a known inconsistent passage, answer hover, shut down
and exit 0, and its resident memory must be back near where the warm-up left it.

The memory bound: VmRSS at the end, with every document closed and the
checks done, <= VmRSS after warm-up + 32 MiB, and <= the half-way figure +
24 MiB. What the server legitimately keeps is small: the engine and its
rules (loaded during the warm-up), and nothing per message or per closed
document. The slack is for the C library: freed memory is given back after
large checks and closes (src/lsp/memory.h), but not after every small one,
and the arenas of the threads keep some. A leak of even 4 KiB per message
would pass 32 MiB over 10,000 messages, and a steady leak shows as growth in
both halves. (Measured in a Release build: about 20 MiB after warm-up and
about 20 MiB at the end, with peaks of 40-70 MiB while 200 KB documents are
being checked.)

Exits 0 on success, 1 with FAIL lines otherwise.
"""
import json
import os
import random
import subprocess
import sys
import threading
import time

TALLY = sys.argv[1]
COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
OPTIMIZED = os.environ.get("TALLY_OPTIMIZED", "1") == "1"
MIB = 1 << 20
FAILS = []


def fail(msg):
    FAILS.append(msg)
    print("FAIL: " + msg, flush=True)


# ---- the known inconsistent passage: 120 + 90 = 210, but the total says 200

PASSAGE = "全校专任教师 200 人，其中男教师 120 人，女教师 90 人。\n"
REPORT_LINES = [
    "2024 年，全市中等职业学校招生 8,120 人，毕业生 7,450 人。\n",
    "全市共有学校 17 所（公办学校 12 所、民办学校 6 所）。\n",
    "毕业生就业率为 96.3%，其中升学 3,200 人。\n",
    PASSAGE,
]
URI_POOL = ["file:///soak/doc%d.md" % i for i in range(12)] + ["file:///soak/doc%d.txt" % i for i in range(4)]


def frame(body):
    if not isinstance(body, (str, bytes)):  # any JSON value, including 5, null and "string"
        body = json.dumps(body, ensure_ascii=False)
    if isinstance(body, str):
        body = body.encode("utf-8", "surrogatepass")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Conn:
    """The server process, a thread collecting everything it writes."""

    def __init__(self):
        self.p = subprocess.Popen([TALLY, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL)
        self.msgs = []
        self.cv = threading.Condition()
        self.bad_output = None
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.p.stdout
        while True:
            line = out.readline()
            if not line:
                return
            if not line.startswith(b"Content-Length: "):
                self.bad_output = line[:80]
                return
            n = int(line.split(b":")[1])
            if out.readline() != b"\r\n":
                self.bad_output = b"header not followed by a blank line"
                return
            msg = json.loads(out.read(n))
            with self.cv:
                self.msgs.append(msg)
                self.cv.notify_all()

    def send(self, data):
        self.p.stdin.write(data if isinstance(data, bytes) else frame(data))

    def flush(self):
        self.p.stdin.flush()

    def wait_for(self, pred, timeout):
        end = time.time() + timeout
        with self.cv:
            while True:
                for m in self.msgs:
                    if pred(m):
                        return m
                left = end - time.time()
                if left <= 0 or self.p.poll() is not None:
                    return None
                self.cv.wait(min(left, 0.5))

    def rss(self):
        with open("/proc/%d/status" % self.p.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        return 0


def request(i, method, params):
    return {"jsonrpc": "2.0", "id": i, "method": method, "params": params}


def note(method, params):
    return {"jsonrpc": "2.0", "method": method, "params": params}


def td(uri, version=None):
    d = {"uri": uri}
    if version is not None:
        d["version"] = version
    return d


def pos(line, ch):
    return {"line": line, "character": ch}


# ---- generators: each returns the bytes of one "message" (some deliberately not one)

class Soak:
    def __init__(self, conn, rng):
        self.c = conn
        self.r = rng
        self.next_id = 1000
        self.versions = {}  # uri -> last version sent (the server may have refused some)

    def nid(self):
        self.next_id += 1
        return self.next_id

    def text(self):
        r = self.r
        n = r.choice([1, 2, 5, 20, 200]) if r.random() < 0.995 else 3000  # 3000 lines ~ 200 KB
        return "".join(r.choice(REPORT_LINES) for _ in range(n))

    def uri(self):
        return self.r.choice(URI_POOL)

    def version(self, uri):
        self.versions[uri] = self.versions.get(uri, 0) + 1
        return self.versions[uri]

    def weird_number(self):
        return self.r.choice([-1, -2**31 - 1, 2**31, 2**63, 2**64 + 5, 1e308, -0.5, 0.5, 1.5e10, float("1e20"),
                              "3", None, True, [], {}, 10**40])

    def weird_pos(self):
        r = self.r
        return r.choice([pos(self.weird_number(), 0), pos(0, self.weird_number()), pos(1 << 30, 1 << 30),
                         {"line": 0}, {"character": 1}, "0:1", None, [], pos(-1, -1), pos(0.25, 3.75)])

    # valid messages
    def v_open(self):
        u = self.uri()
        return frame(note("textDocument/didOpen", {"textDocument": {
            "uri": u, "languageId": "markdown" if u.endswith(".md") else "plaintext",
            "version": self.version(u), "text": self.text()}}))

    def v_change_full(self):
        u = self.uri()
        return frame(note("textDocument/didChange", {"textDocument": td(u, self.version(u)),
                                                     "contentChanges": [{"text": self.text()}]}))

    def v_change_inc(self):
        u = self.uri()
        r = self.r
        rng = {"start": pos(r.randrange(3), r.randrange(30)), "end": pos(r.randrange(3, 6), r.randrange(30))}
        return frame(note("textDocument/didChange", {"textDocument": td(u, self.version(u)), "contentChanges": [
            {"range": rng, "text": r.choice(["", "12", "全校学生 300 人，", "\n", "95.5%", "🎉"])}]}))

    def v_hover(self):
        r = self.r
        return frame(request(self.nid(), "textDocument/hover", {"textDocument": td(self.uri()),
                                                                "position": pos(r.randrange(5), r.randrange(40))}))

    def v_code_action(self):
        r = self.r
        return frame(request(self.nid(), "textDocument/codeAction", {
            "textDocument": td(self.uri()),
            "range": {"start": pos(r.randrange(5), 0), "end": pos(r.randrange(5, 9), 10)},
            "context": {"diagnostics": []}}))

    def v_save(self):
        return frame(note("textDocument/didSave", {"textDocument": td(self.uri())}))

    def v_close(self):
        return frame(note("textDocument/didClose", {"textDocument": td(self.uri())}))

    def v_config(self):
        return frame(note("workspace/didChangeConfiguration", {"settings": {"tally": self.r.choice([
            {}, {"disabled": ["percent"]}, {"rules": {"sum": "warning"}}, {"disabled": []}])}}))

    def v_cancel_real(self):
        # Cancels a request just sent (it may be queued, running or answered).
        return frame(note("$/cancelRequest", {"id": self.next_id}))

    # hostile messages
    def h_bad_json(self):
        r = self.r
        return frame(r.choice(["{", "[1,2", "nul", "{\"jsonrpc\":\"2.0\",", "}}}", "\"\\ud800\"", "",
                               "{\"id\":1,\"method\":\"textDocument/hover\"", "[" * 3000 + "]" * 2999,
                               bytes(r.randrange(256) for _ in range(r.randrange(1, 200))),
                               "{\"a\":" * 2000 + "1" + "}" * 2000]))

    def h_wrong_types(self):
        r = self.r
        m = r.choice([
            {"jsonrpc": "2.0", "id": {"x": 1}, "method": "textDocument/hover", "params": {}},
            {"jsonrpc": "2.0", "id": [1], "method": "textDocument/hover"},
            {"jsonrpc": "2.0", "id": 1.5, "method": "shutdown"},
            {"jsonrpc": "2.0", "id": True, "method": "shutdown"},
            {"jsonrpc": "2.0", "id": 2**70, "method": "textDocument/hover", "params": {}},
            {"jsonrpc": "2.0", "id": self.nid(), "method": 5},
            {"jsonrpc": "2.0", "id": self.nid(), "method": None},
            {"jsonrpc": "1.0", "id": self.nid(), "method": "textDocument/hover"},
            {"jsonrpc": "2.0", "method": ["exit"]},
            {"jsonrpc": "2.0", "id": self.nid(), "method": "textDocument/hover", "params": "x"},
            {"jsonrpc": "2.0", "id": self.nid(), "method": "textDocument/codeAction", "params": [1, 2]},
            {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
                "uri": 5, "version": "1", "text": None}}},
            {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
                "uri": self.uri(), "languageId": "markdown", "version": 1.5, "text": "70%"}}},
            {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": td(self.uri(), "x"),
                                                                              "contentChanges": {"text": 1}}},
            {"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": {"deep": [1]}}},
            {"jsonrpc": "2.0", "method": "$/cancelRequest", "params": 7},
            {"jsonrpc": "2.0", "id": self.nid(), "method": "initialize", "params": {"capabilities": {}}},
            {"jsonrpc": "2.0", "result": {"x": 1}, "id": r.randrange(-5, 100)},
            {"jsonrpc": "2.0", "error": {"code": 1}, "id": "zz"},
            [], 5, json.dumps("string"), None, [{"jsonrpc": "2.0", "method": "exit"}],
        ])
        return frame(m)

    def h_positions(self):
        r = self.r
        if r.random() < 0.5:
            return frame(request(self.nid(), "textDocument/hover", {"textDocument": td(self.uri()),
                                                                    "position": self.weird_pos()}))
        return frame(request(self.nid(), "textDocument/codeAction", {
            "textDocument": td(self.uri()), "range": {"start": self.weird_pos(), "end": self.weird_pos()},
            "context": r.choice([{}, {"only": 5}, {"only": ["refactor"]}, None, {"diagnostics": "x"}])}))

    def h_change_out_of_range(self):
        u = self.uri()
        r = self.r
        start = r.choice([pos(10**6, 0), pos(0, 10**9), self.weird_pos(), pos(3, 2)])
        end = r.choice([pos(0, 0), pos(2**31 - 1, 2**31 - 1), self.weird_pos()])
        v = r.choice([self.version(u), self.version(u), 0, -5, 2**31 - 1, 2**40])
        return frame(note("textDocument/didChange", {"textDocument": td(u, v), "contentChanges": [
            {"range": {"start": start, "end": end}, "text": r.choice(["x", "", "末"])}]}))

    def h_unknown_method(self):
        r = self.r
        m = r.choice(["foo/bar", "textDocument/completion", "workspace/symbol", "$/setTrace", "$/progress",
                      "textDocument/formatting", "", "\u0000", "x" * 5000])
        if r.random() < 0.5:
            return frame(request(self.nid(), m, {"textDocument": td(self.uri())}))
        return frame(note(m, {}))

    def h_unopened(self):
        u = "file:///nowhere/never-opened-%d.md" % self.r.randrange(10**6)
        return frame(self.r.choice([
            note("textDocument/didChange", {"textDocument": td(u, 3), "contentChanges": [{"text": "70%"}]}),
            note("textDocument/didClose", {"textDocument": td(u)}),
            note("textDocument/didSave", {"textDocument": td(u)}),
            request(self.nid(), "textDocument/hover", {"textDocument": td(u), "position": pos(0, 0)}),
            request(self.nid(), "textDocument/codeAction", {"textDocument": td(u), "range": {
                "start": pos(0, 0), "end": pos(0, 1)}, "context": {}}),
        ]))

    def h_short_length(self):
        body = json.dumps(request(self.nid(), "textDocument/hover",
                                  {"textDocument": td(self.uri()), "position": pos(0, 0)})).encode()
        cut = self.r.randrange(0, len(body))
        return b"Content-Length: %d\r\n\r\n" % cut + body

    def h_long_length(self):
        # Claims more than it sends: the extra is taken from what follows (bounded; see PADDING).
        body = json.dumps(note("textDocument/didSave", {"textDocument": td(self.uri())})).encode()
        return b"Content-Length: %d\r\n\r\n" % (len(body) + self.r.randrange(1, 400)) + body

    def h_bad_header(self):
        r = self.r
        return r.choice([
            b"Content-Length: -5\r\n\r\n{}",
            b"Content-Length: 1073741824\r\n\r\n",
            b"Content-Length: 99999999999999999999999\r\n\r\n",
            b"Content-Length: abc\r\n\r\n{}",
            b"Content-Type: application/vscode-jsonrpc\r\n\r\n{}",
            b"Content-Length 12\r\n\r\n",
            b"content-length:2\r\n\r\n{}",
            b"Content-Length: 2\r\nContent-Length: 3\r\n\r\n{} ",
            b"Content-Length: 2\n\n{}",
            b"\r\n\r\n\r\n",
        ])

    def h_garbage(self):
        r = self.r
        return r.choice([
            b"garbage between messages\r\n",
            bytes(r.randrange(256) for _ in range(r.randrange(1, 300))),
            b"\x00" * r.randrange(1, 100),
            b"x" * 6000 + b"\r\n",  # a header line past the kept length
            "中文垃圾".encode() * 10,
        ])

    def step(self):
        kinds = [
            (self.v_open, 3), (self.v_change_full, 3), (self.v_change_inc, 4), (self.v_hover, 4),
            (self.v_code_action, 3), (self.v_save, 1), (self.v_close, 1), (self.v_config, 0.3),
            (self.v_cancel_real, 2),
            (self.h_bad_json, 8), (self.h_wrong_types, 10), (self.h_positions, 10), (self.h_change_out_of_range, 8),
            (self.h_unknown_method, 6), (self.h_unopened, 6), (self.h_short_length, 5), (self.h_long_length, 4),
            (self.h_bad_header, 5), (self.h_garbage, 5),
        ]
        total = sum(w for _, w in kinds)
        x = self.r.random() * total
        for gen, w in kinds:
            x -= w
            if x < 0:
                return gen()
        return kinds[0][0]()


# Longer than any overshoot of h_long_length or leftover of a header line, so
# the messages after it are framed correctly again whatever came before.
PADDING = b"\r\n" * 4096


def settle(conn, tag):
    """Sends padding and a request; waits for its answer (everything before it is handled)."""
    conn.send(PADDING)
    i = "sync-%s" % tag
    conn.send(request(i, "textDocument/hover", {"textDocument": td("file:///soak/none.md"), "position": pos(0, 0)}))
    conn.flush()
    # A sanitizer build on a busy machine works through the backlog many times slower.
    return conn.wait_for(lambda m: m.get("id") == i and "method" not in m, 120 if OPTIMIZED else 900)


def check_passage(conn, uri, version):
    conn.send(note("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown",
                                                             "version": version, "text": PASSAGE}}))
    conn.flush()
    pub = conn.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                        and m["params"]["uri"] == uri and m["params"].get("version") == version, 60)
    if pub is None:
        fail("no diagnostics published for %s" % uri)
        return
    diags = pub["params"]["diagnostics"]
    sums = [d for d in diags if d.get("code") == "sum"]
    if len(sums) != 1 or sums[0]["severity"] != 1 or sums[0]["range"]["start"] != pos(0, 7):
        fail("expected one sum error at 0:7 for %r, got %s" % (PASSAGE, json.dumps(diags, ensure_ascii=False)))
    hid = "hover-" + uri
    conn.send(request(hid, "textDocument/hover", {"textDocument": td(uri), "position": pos(0, 8)}))
    conn.flush()
    h = conn.wait_for(lambda m: m.get("id") == hid and "method" not in m, 60)
    value = json.dumps(h, ensure_ascii=False) if h else ""
    if not h or "result" not in h or not h["result"] or "200" not in value:
        fail("hover on the total: %s" % value)


def main():
    start = time.time()
    conn = Conn()
    conn.send(request(1, "initialize", {"capabilities": {}, "processId": None, "rootUri": None}))
    conn.send(note("initialized", {}))
    conn.flush()
    if not conn.wait_for(lambda m: m.get("id") == 1, 30):
        fail("no answer to initialize")
        return
    # Warm-up: the engine loaded, every kind of valid request once, a few documents.
    check_passage(conn, "file:///soak/warm.md", 1)
    soak = Soak(conn, random.Random(20240514))
    for _ in range(40):
        conn.send(soak.v_open())
        conn.send(soak.v_hover())
        conn.send(soak.v_code_action())
    if not settle(conn, "warm"):
        fail("no answer after warm-up")
        return
    time.sleep(1.0)  # background checks of the warm-up documents
    rss_warm = conn.rss()

    peak_first = 0
    sent_bytes = 0
    for n in range(COUNT):
        data = soak.step()
        sent_bytes += len(data)
        conn.send(data)
        if n % 500 == 499:
            conn.send(PADDING)  # keep the framing recoverable for the liveness probe below
            conn.flush()
            if conn.p.poll() is not None:
                fail("the server died after %d messages (exit %s)" % (n + 1, conn.p.returncode))
                return
        if n % 2000 == 1999:
            print("soak: %d messages, VmRSS %.1f MiB" % (n + 1, conn.rss() / MIB), flush=True)
        if n == COUNT // 2:
            if not settle(conn, "half"):
                fail("no answer half-way")
                return
            peak_first = conn.rss()
    if not settle(conn, "end"):
        fail("no answer after %d messages" % COUNT)
        return
    elapsed_soak = time.time() - start

    # The server still works: the known passage, in a new document and in one the soak used
    # (with the settings the soak may have changed put back).
    conn.send(note("workspace/didChangeConfiguration", {"settings": {"tally": {}}}))
    check_passage(conn, "file:///soak/final.md", 1)
    check_passage(conn, URI_POOL[0], 10**6)
    # Close everything the soak may have opened, let checks finish, and measure.
    for u in URI_POOL + ["file:///soak/warm.md", "file:///soak/final.md"]:
        conn.send(note("textDocument/didClose", {"textDocument": td(u)}))
    settle(conn, "closed")
    time.sleep(1.0)
    rss_end = conn.rss()

    conn.send(request("bye", "shutdown", None))
    conn.send(note("exit", None))
    conn.flush()
    try:
        code = conn.p.wait(10)
    except subprocess.TimeoutExpired:
        conn.p.kill()
        code = "timeout"
    total = time.time() - start
    if conn.bad_output:
        fail("stray output on stdout: %r" % conn.bad_output)
    if code != 0:
        fail("exit code after shutdown and exit: %s" % code)
    answered = sum(1 for m in conn.msgs if "id" in m and "method" not in m)
    cancelled = sum(1 for m in conn.msgs if m.get("error", {}).get("code") == -32800)
    print("soak: %d messages (%.1f MB), %d answers (%d cancelled) in %.1f s (%.1f s total)"
          % (COUNT, sent_bytes / 1e6, answered, cancelled, elapsed_soak, total))
    print("soak: VmRSS after warm-up %.1f MiB, half-way %.1f MiB, at the end %.1f MiB"
          % (rss_warm / MIB, peak_first / MIB, rss_end / MIB))
    # Memory bounds hold an optimised build: under AddressSanitizer freed memory sits in its quarantine
    # (up to 256 MiB), so resident memory says nothing about leaks there (LeakSanitizer checks those).
    if OPTIMIZED and rss_end > rss_warm + 32 * MIB:
        fail("memory grew from %.1f to %.1f MiB" % (rss_warm / MIB, rss_end / MIB))
    if OPTIMIZED and rss_end > peak_first + 24 * MIB:
        fail("memory grew in the second half: %.1f -> %.1f MiB" % (peak_first / MIB, rss_end / MIB))
    if OPTIMIZED and total > 60:
        fail("took %.1f s (limit 60 s in an optimised build)" % total)


if __name__ == "__main__":
    main()
    print("ok" if not FAILS else "%d failure(s)" % len(FAILS))
    sys.exit(1 if FAILS else 0)
