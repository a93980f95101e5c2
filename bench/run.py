#!/usr/bin/env python3
"""`make bench`: every row of issue #15 in one run, as ratios to a plain RE2 scan.

    python3 bench/run.py BUILD_DIR [--sizes 1,10,100] [--reports 2000] [--edits 40]

Inputs are generated under BUILD_DIR/bench-inputs (never in the tree) from the
reports in examples/ and, when present, ../shared/corpus: a folder of N reports
and single documents of 1, 10 and 100 MB made by repeating them. Each tally
figure is a whole process (`tally check --format json --no-config`, output to
/dev/null) timed by wall clock; the RE2 scan (bench/re2_scan.cpp) reads the
same bytes with one number pattern and its captures. Peak RSS comes from
wait4(). The language server is driven over stdio: open a ~50 KB report, then
edit one figure at a time and time each edit until its publishDiagnostics.
"""
import argparse
import datetime
import json
import os
import platform
import queue
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sources():
    """The reports the inputs are made of, largest first (plain UTF-8 .txt only)."""
    dirs = [ROOT / "examples", ROOT.parent / "shared" / "corpus"]
    out = []
    for d in dirs:
        if not d.is_dir():
            continue
        for p in sorted(d.glob("*.txt")):
            data = p.read_bytes()
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                continue  # the GB18030 example: not comparable byte for byte with the RE2 scan
            out.append(data)
    return sorted(out, key=len, reverse=True)


def write_if_changed(path, data):
    if path.exists() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return
    path.write_bytes(data)


def make_inputs(base, reports, n_reports, sizes_mb):
    base.mkdir(parents=True, exist_ok=True)
    folder = base / "folder"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.txt"):
        if int(old.stem) >= n_reports:
            old.unlink()
    for i in range(n_reports):
        write_if_changed(folder / ("%04d.txt" % i), reports[i % len(reports)])
    docs = {}
    for mb in sizes_mb:
        target = int(mb * 1_000_000)
        parts, size, i = [], 0, 0
        while size < target:
            r = reports[i % len(reports)]
            parts.append(r)
            size += len(r) + 1
            i += 1
        path = base / ("doc-%gmb.txt" % mb)
        write_if_changed(path, b"\n".join(parts))
        docs[mb] = path
    one = base / "one-report.txt"
    write_if_changed(one, reports[0])
    lsp, k = reports[0], 1
    while len(lsp) < 50_000:
        lsp += b"\n" + reports[k % len(reports)]
        k += 1
    lsp = lsp[:lsp.rfind(b"\n", 0, 52_000) + 1]  # about 50 KB, whole lines
    lsp_doc = base / "lsp-50kb.txt"
    write_if_changed(lsp_doc, lsp)
    return folder, docs, one, lsp_doc


# A child forked from this (large) Python process inherits its peak RSS in ru_maxrss, so the peak is
# read from GNU time, whose own child starts small; wall and CPU time still come from wait4().
GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def run_timed(cmd):
    """Wall and CPU (user + system) seconds and peak RSS (bytes) of one process; output to /dev/null."""
    full = [GNU_TIME, "-f", "maxrss-kb %M"] + list(cmd) if GNU_TIME else list(cmd)
    t0 = time.perf_counter()
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen(full, stdout=null, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(p.pid, 0)
        err = p.stderr.read()
        p.stderr.close()
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit("bench: %s exited %d: %s" % (" ".join(map(str, cmd)), code, err.decode(errors="replace")[:300]))
    rss = usage.ru_maxrss * 1024
    for line in err.decode(errors="replace").splitlines():
        if line.startswith("maxrss-kb "):
            rss = int(line.split()[1]) * 1024
    return wall, usage.ru_utime + usage.ru_stime, rss


def best_of(cmd, runs):
    """Best wall, best CPU, median wall, peak RSS over `runs` runs."""
    walls, cpus, rss = [], [], 0
    for _ in range(runs):
        w, c, r = run_timed(cmd)
        walls.append(w)
        cpus.append(c)
        rss = max(rss, r)
    return min(walls), min(cpus), statistics.median(walls), rss


def re2_mb_s(scan, files):
    out = subprocess.run([scan] + [str(f) for f in files], capture_output=True, text=True, check=True).stdout.split()
    return int(out[0]) / 1e6 / float(out[1])


def folder_files(folder):
    return sorted(folder.glob("*.txt"))


# ---- the language server

def frame(msg):
    body = json.dumps(msg).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def reader(stream, q):
    while True:
        head = b""
        while not head.endswith(b"\r\n\r\n"):
            c = stream.read(1)
            if not c:
                q.put(None)
                return
            head += c
        n = int([l for l in head.split(b"\r\n") if l.lower().startswith(b"content-length")][0].split(b":")[1])
        q.put((time.perf_counter(), json.loads(stream.read(n))))


def lsp_latency(tally, doc, edits, debounce_ms, pack_args):
    """p50, p99 (ms) from each didChange to the publishDiagnostics of that version."""
    text = doc.read_text(encoding="utf-8")
    p = subprocess.Popen([tally, "lsp"] + pack_args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    q = queue.Queue()
    threading.Thread(target=reader, args=(p.stdout, q), daemon=True).start()

    def send(m):
        p.stdin.write(frame(m))
        p.stdin.flush()

    def wait_for(pred, timeout=60):
        end = time.perf_counter() + timeout
        while True:
            item = q.get(timeout=max(0.01, end - time.perf_counter()))
            if item is None:
                sys.exit("bench: the language server stopped")
            if pred(item[1]):
                return item[0]

    uri = "file://" + str(doc)
    init = {"capabilities": {}, "initializationOptions": {"debounceMs": debounce_ms}}
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": init})
    wait_for(lambda m: m.get("id") == 1)
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}})

    def published(version):
        return lambda m: (m.get("method") == "textDocument/publishDiagnostics"
                          and m["params"].get("version") == version)

    wait_for(published(1))
    # Edit the digits of figures spread over the document, one per version.
    lines = text.split("\n")
    spots = [(i, j) for i, l in enumerate(lines) for j, ch in enumerate(l) if ch.isdigit() and ch not in "0"]
    step = max(1, len(spots) // max(1, edits))
    lat = []
    for k in range(edits):
        line, col = spots[(k * step) % len(spots)]
        ch = lines[line][col]
        new = str(int(ch) % 9 + 1)
        lines[line] = lines[line][:col] + new + lines[line][col + 1:]
        version = k + 2
        rng = {"start": {"line": line, "character": col}, "end": {"line": line, "character": col + 1}}
        t0 = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri, "version": version},
                         "contentChanges": [{"range": rng, "text": new}]}})
        t1 = wait_for(published(version))
        lat.append((t1 - t0) * 1000)
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    send({"jsonrpc": "2.0", "method": "exit"})
    p.wait(timeout=10)
    lat.sort()
    p99 = lat[min(len(lat) - 1, int(round(0.99 * (len(lat) - 1))))]
    return statistics.median(lat), p99


# ---- report

def machine():
    cpu = platform.processor() or "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return "%s, %d CPU threads, %s" % (cpu, os.cpu_count(), platform.platform(terse=True))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build")
    ap.add_argument("--sizes", default="1,10,100", help="single-document sizes in MB")
    ap.add_argument("--reports", type=int, default=2000, help="reports in the folder")
    ap.add_argument("--edits", type=int, default=40, help="LSP edits to time")
    ap.add_argument("--debounce", type=int, default=150, help="LSP debounce (ms) sent in initializationOptions")
    ap.add_argument("--runs", type=int, default=15, help="runs of the one-report process (best and median)")
    ap.add_argument("--rules", help="check with the packs in this folder instead of the built-in ones")
    a = ap.parse_args()
    build = Path(a.build).resolve()
    tally, scan = build / "tally", build / "tally_re2_scan"
    for exe in (tally, scan):
        if not exe.exists():
            sys.exit("bench: %s is missing (build it first)" % exe)
    reports = sources()
    if not reports:
        sys.exit("bench: no reports in examples/")
    sizes = [float(s) for s in a.sizes.split(",") if s]
    folder, docs, one, lsp_doc = make_inputs(build / "bench-inputs", reports, a.reports, sizes)
    pack_args = ["--no-default-rules", "--rules", a.rules] if a.rules else []
    check = [str(tally), "check", "--format", "json", "--no-config"] + pack_args
    jobs = os.cpu_count() or 1

    print("tally bench, %s" % datetime.date.today().isoformat())
    print("machine: %s" % machine())
    print("inputs: %d reports (%s), under %s" % (len(reports), "examples/ + ../shared/corpus"
          if (ROOT.parent / "shared" / "corpus").is_dir() else "examples/", build / "bench-inputs"))
    print()
    rows, verdicts = [], []

    def row(name, size, wall, cpu, rss, re2, extra=""):
        """MB/s by CPU time (a single-threaded run's wall time on an idle machine), wall shown beside."""
        mbs = size / 1e6 / cpu
        rows.append("| %s | %s | %.3f s | %.3f s | %.1f MB/s | %.1f MB/s | %.2f | %s | %s |" % (
            name, human(size), wall, cpu, mbs, re2, mbs / re2,
            "%.0f MB (%.1f×)" % (rss / 1e6, rss / size) if rss else "", extra))
        return mbs

    v_wall, v_cpu, _, _ = best_of([str(tally), "--version"], a.runs)
    one_size = one.stat().st_size
    one_wall, one_cpu, one_med, one_rss = best_of(check + [str(one)], a.runs)
    row("one report (whole process)", one_size, one_wall, one_cpu, one_rss, re2_mb_s(scan, [one]),
        "best of %d (median wall %.1f ms); `tally --version` %.1f ms" % (a.runs, one_med * 1000, v_wall * 1000))

    files = folder_files(folder)
    fsize = sum(f.stat().st_size for f in files)
    re2_folder = re2_mb_s(scan, files)
    w1, c1, _, rss1 = best_of(check + ["-j1", str(folder)], 1)
    mb1 = row("%d reports, -j1" % len(files), fsize, w1, c1, rss1, re2_folder)
    wn, cn, _, rssn = best_of(check + ["-j%d" % jobs, str(folder)], 1)
    rows.append("| %d reports, -j%d | %s | %.3f s | %.3f s | %.1f MB/s (wall) | %.1f MB/s | %.2f | %s | %.2f× -j1 (wall) |" % (
        len(files), jobs, human(fsize), wn, cn, fsize / 1e6 / wn, re2_folder, fsize / 1e6 / wn / re2_folder,
        "%.0f MB (%.1f×)" % (rssn / 1e6, rssn / fsize), w1 / wn))

    doc_times = {}
    for mb, path in sorted(docs.items()):
        size = path.stat().st_size
        w, c, _, rss = best_of(check + [str(path)], 1)
        doc_times[mb] = (c, rss, size)
        row("one %g MB document" % mb, size, w, c, rss, re2_mb_s(scan, [path]))

    p50, p99 = lsp_latency(str(tally), lsp_doc, a.edits, a.debounce, pack_args)

    print("| input | size | wall | CPU | tally | RE2 scan | tally ÷ RE2 | peak RSS (× input) | |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    print("\n".join(rows))
    print("| LSP edit → diagnostics, %s report | | p50 %.0f ms | p99 %.0f ms | | | | | debounce %d ms |" % (
        human(lsp_doc.stat().st_size), p50, p99, a.debounce))
    print()
    print("load average now: %s" % " ".join(open("/proc/loadavg").read().split()[:3]))
    print()

    def verdict(ok, text):
        verdicts.append(ok)
        print("%s  %s" % ("PASS" if ok else "FAIL", text))

    if 1 in doc_times and 10 in doc_times:
        (t1m, _, s1), (t10, rss10, s10) = doc_times[1], doc_times[10]
        verdict(t10 <= 12 * t1m, "10 MB document in %.1f× the time of 1 MB (≤ 12×)" % (t10 / t1m))
        verdict(rss10 <= 20 * s10, "10 MB document peak RSS %.1f× input (≤ 20×)" % (rss10 / s10))
    verdict(mb1 >= 50 or mb1 >= re2_folder / 4,
            "folder at -j1: %.1f MB/s, %.2f of the RE2 scan (≥ 50 MB/s or ≥ 0.25)" % (mb1, mb1 / re2_folder))
    if jobs >= 2:
        verdict(w1 / wn >= 1.8, "folder at -j%d: %.2f× -j1 by wall time (≥ 1.8×)" % (jobs, w1 / wn))
    verdict(one_cpu <= 0.010, "one %s report, whole process: %.1f ms CPU, %.1f ms wall (≤ 10 ms)" % (
        human(one_size), one_cpu * 1000, one_wall * 1000))
    verdict(p99 <= 20 + a.debounce, "LSP p99 %.0f ms ≤ 20 ms + %d ms debounce" % (p99, a.debounce))
    return 0


def human(n):
    return "%.0f KB" % (n / 1e3) if n < 1e6 else "%.1f MB" % (n / 1e6)


if __name__ == "__main__":
    sys.exit(main())
