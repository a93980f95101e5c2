#!/usr/bin/env python3
"""Checks the Dockerfile and action.yml without a container engine (tests/cli/test_dockerfile.sh).

  dist_check.py dockerfile SRC        the Dockerfile's structure: stages, the build steps CI takes,
                                      the runtime stage; prints the build stage's targets as
                                      "targets: A B C" and its configure flags as "configure: ..."
  dist_check.py action SRC            action.yml's structure: inputs, their use, the SARIF upload
  dist_check.py run-action SRC WORKSPACE NAME=VALUE...
                                      runs the composite action's steps like the runner does (bash
                                      steps with their env and $GITHUB_OUTPUT, `if:` conditions
                                      evaluated, `uses:` steps recorded, not run); prints the steps
                                      taken and the outputs, exits with the action's exit code

Prints "ok: …" and "FAIL: …" lines; exits 1 when something failed (dockerfile, action).
"""
import fnmatch
import glob
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

failed = 0


def ok(what):
    print("ok: " + what)


def bad(what):
    global failed
    failed += 1
    print("FAIL: " + what)


def check(cond, what):
    (ok if cond else bad)(what)
    return cond


# ---------------------------------------------------------------- Dockerfile ---------------------

def parse_dockerfile(text):
    """Instructions as (KEYWORD, argument) with continuation lines joined and comments dropped."""
    out, cur = [], ""
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("#") or (not s and not cur):
            continue
        if s.endswith("\\"):
            cur += s[:-1] + " "
            continue
        cur += s
        if cur.strip():
            kw, _, arg = cur.strip().partition(" ")
            out.append((kw.upper(), arg.strip()))
        cur = ""
    return out


def dockerignore_patterns(src):
    path = os.path.join(src, ".dockerignore")
    if not os.path.exists(path):
        return []
    return [l.strip() for l in open(path, encoding="utf-8") if l.strip() and not l.startswith("#")]


def ignored(rel, patterns):
    """Whether .dockerignore leaves rel (or a folder above it) out of the build context."""
    parts = rel.strip("/").split("/")
    for i in range(1, len(parts) + 1):
        prefix = "/".join(parts[:i])
        for p in patterns:
            p = p.rstrip("/")
            if fnmatch.fnmatchcase(prefix, p) or (p.startswith("**/") and fnmatch.fnmatchcase(parts[i - 1], p[3:])):
                return True
    return False


def make_recipe_commands(src, target):
    """The shell lines of a Makefile target (their commands, $(BUILD) left as is)."""
    lines, inside = [], False
    for line in open(os.path.join(src, "Makefile"), encoding="utf-8"):
        if re.match(r"^%s:" % re.escape(target), line):
            inside = True
            continue
        if inside:
            if line.startswith("\t"):
                lines.append(line.strip())
            else:
                break
    return lines


def check_dockerfile(src):
    text = open(os.path.join(src, "Dockerfile"), encoding="utf-8").read()
    ins = parse_dockerfile(text)
    args, stages = {}, []
    for kw, arg in ins:
        if kw == "ARG" and not stages:
            name, _, default = arg.partition("=")
            args[name] = default
        elif kw == "FROM":
            image = re.sub(r"\$\{(\w+)\}|\$(\w+)", lambda m: args.get(m.group(1) or m.group(2), ""), arg.split()[0])
            name = arg.split()[2] if len(arg.split()) >= 3 and arg.split()[1].upper() == "AS" else str(len(stages))
            stages.append({"image": image, "name": name, "ins": []})
        elif stages:
            stages[-1]["ins"].append((kw, arg))
    if not check(len(stages) >= 2, "Dockerfile: multi-stage (%d stages)" % len(stages)):
        return
    for s in stages:
        check(re.fullmatch(r"debian:(12|bookworm)(-slim)?", s["image"]) is not None,
              "Dockerfile: stage %s is Debian 12 (%s)" % (s["name"], s["image"]))
    build, runtime = stages[0], stages[-1]
    patterns = dockerignore_patterns(src)
    check(ignored(".git", patterns) and ignored("build/CMakeCache.txt", patterns),
          ".dockerignore leaves out .git and build folders")

    # Everything COPY takes from the context exists and is not dockerignored.
    for s in stages:
        for kw, arg in s["ins"]:
            if kw not in ("COPY", "ADD") or "--from=" in arg:
                continue
            words = [w for w in shlex.split(arg) if not w.startswith("--")]
            for source in words[:-1]:
                hits = glob.glob(os.path.join(src, source))
                check(bool(hits) and not (source != "." and ignored(source, patterns)),
                      "Dockerfile: COPY %s exists in the tree and is in the build context" % source)

    runs = [arg for kw, arg in build["ins"] if kw == "RUN"]
    build_run = " && ".join(runs)
    # 1. Dependencies: .ci/deps.sh build, as `make deps` / `make build` run it.
    deps = [r for r in runs if re.search(r"\.ci/deps\.sh\s+build\b", r)]
    check(bool(deps), "Dockerfile: the build stage installs its packages with .ci/deps.sh build")
    check("sh .ci/deps.sh build" in make_recipe_commands(src, "deps"), "Makefile: `make deps` runs .ci/deps.sh build too")
    copied_deps = any(kw == "COPY" and ".ci/deps.sh" in arg for kw, arg in build["ins"][:[a for _, a in build["ins"]].index(deps[0])]) if deps else False
    check(copied_deps, "Dockerfile: .ci/deps.sh is copied in before it runs")
    check(os.access(os.path.join(src, ".ci/deps.sh"), os.R_OK), ".ci/deps.sh exists")
    # 2. Configure: the flags `make build` uses.
    m = re.search(r"cmake\s+-S\s+(\S+)\s+-B\s+(\S+)([^&]*)", build_run)
    if check(m is not None, "Dockerfile: the build stage configures with cmake -S … -B …"):
        flags = m.group(3).split()
        make_cfg = next((l for l in make_recipe_commands(src, "build") if l.startswith("cmake -S")), "")
        for f in make_cfg.split()[5:]:  # after cmake -S . -B $(BUILD)
            check(f in " ".join(flags), "Dockerfile: configure passes %s like `make build`" % f)
        print("configure: " + " ".join(flags))
    # 3. Build: the program and its reader module (README: tally_readers.so beside it or in lib/tally).
    mb = re.search(r"cmake\s+--build\s+\S+\s+--target\s+([^&]*)", build_run)
    if check(mb is not None, "Dockerfile: cmake --build with a --target list"):
        targets = mb.group(1).split()
        check("tally" in targets and "tally_readers" in targets, "Dockerfile: builds tally and tally_readers")
        print("targets: " + " ".join(targets))
    # 4. Package: cpack -G DEB, as `make package`, and the .deb is put where the runtime takes it.
    check(re.search(r"cpack\s+-G\s+DEB", build_run) is not None and "cd $(BUILD) && cpack -G DEB" in make_recipe_commands(src, "package"),
          "Dockerfile: the package is built with cpack -G DEB, as `make package` does")
    mcp = re.search(r"cp\s+\S*tally_\*\.deb\s+(\S+)", build_run)
    deb = mcp.group(1) if mcp else None
    check(deb is not None, "Dockerfile: the build stage copies the .deb to a fixed name (%s)" % deb)

    # Runtime stage.
    rins = runtime["ins"]
    copies = [arg for kw, arg in rins if kw == "COPY" and re.search(r"--from=%s\b" % re.escape(build["name"]), arg)]
    check(any(deb and shlex.split(c)[1] == deb for c in copies),
          "Dockerfile: the runtime stage copies the build stage's package (%s)" % deb)
    rrun = " && ".join(arg for kw, arg in rins if kw == "RUN")
    dest = shlex.split(copies[0])[-1] if copies else "?"
    check(re.search(r"apt-get\s+install\b[^&]*\s%s(\s|$)" % re.escape(dest), rrun) is not None,
          "Dockerfile: the runtime stage installs the package with apt-get (its Depends come along)")
    check(re.search(r"apt-get\s+install\b[^&]*-dev\b", rrun) is None, "Dockerfile: no -dev package in the runtime stage")
    check(not any(kw == "COPY" and "--from" not in arg for kw, arg in rins), "Dockerfile: the runtime stage takes nothing else from the tree")
    entry = [arg for kw, arg in rins if kw == "ENTRYPOINT"]
    try:
        entry_json = json.loads(entry[-1]) if entry else None
    except ValueError:
        entry_json = None
    check(entry_json == ["tally"], "Dockerfile: ENTRYPOINT [\"tally\"] in exec form (got %s)" % (entry[-1] if entry else None))
    users = [arg for kw, arg in rins if kw == "USER"]
    user = users[-1].split(":")[0] if users else "root"
    check(user not in ("root", "0"), "Dockerfile: runs as a non-root user (%s)" % user)
    check(re.search(r"useradd\b.*\b%s\b" % re.escape(user), rrun) is not None, "Dockerfile: the user %s is created" % user)
    check(any(kw == "WORKDIR" for kw, _ in rins), "Dockerfile: a WORKDIR to mount the reports on")
    if deb:
        print("deb: " + deb)


# ---------------------------------------------------------------- action.yml ---------------------

def load_action(src):
    import yaml  # python3-yaml (.ci/deps.sh test)
    return yaml.safe_load(open(os.path.join(src, "action.yml"), encoding="utf-8"))


EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def check_action(src):
    a = load_action(src)
    inputs = a.get("inputs", {})
    runs = a.get("runs", {})
    steps = runs.get("steps", [])
    check(runs.get("using") == "composite", "action.yml: a composite action (it calls upload-sarif)")
    want = {"paths": ".", "format": "github", "fail-on": "error", "upload-sarif": "false", "sarif-file": None, "args": None}
    for name, default in want.items():
        if check(name in inputs, "action.yml: input %s" % name) and default is not None:
            check(str(inputs[name].get("default")) == default, "action.yml: %s defaults to %s" % (name, default))
    text = json.dumps(steps)
    for name in inputs:
        check("inputs.%s" % name in text, "action.yml: input %s is used by a step" % name)
    ids = {s.get("id") for s in steps}
    for s in steps:
        label = s.get("name", s.get("uses", "?"))
        if "run" in s:
            check(s.get("shell") == "bash", "action.yml: step '%s' has shell: bash" % label)
            check("${{" not in s["run"], "action.yml: step '%s' takes inputs through env, not ${{ }} in the script" % label)
        for e in EXPR.findall(json.dumps(s)):
            for ref in re.findall(r"steps\.([\w-]+)\.", e):
                check(ref in ids, "action.yml: step '%s' refers to an existing step %s" % (label, ref))
    for name, o in a.get("outputs", {}).items():
        for ref in re.findall(r"steps\.([\w-]+)\.", o.get("value", "")):
            check(ref in ids, "action.yml: output %s refers to an existing step %s" % (name, ref))
    up = [s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@")]
    if check(len(up) == 1, "action.yml: one github/codeql-action/upload-sarif step"):
        check("inputs.upload-sarif" in up[0].get("if", ""), "action.yml: the upload runs only with upload-sarif")
        check("sarif_file" in up[0].get("with", {}), "action.yml: the upload names its sarif_file")
    check(any("docker build" in s.get("run", "") and "$GITHUB_ACTION_PATH" in s.get("run", "") for s in steps),
          "action.yml: builds the image from the Dockerfile at the action's own path")
    check(os.path.exists(os.path.join(src, "Dockerfile")), "action.yml: the Dockerfile it builds exists")


# ------------------------------------------------- running the composite action's steps ---------

class Expr:
    """The part of GitHub's expression language action.yml uses: contexts, literals, ==, !=, !, &&,
    ||, parentheses and the status functions."""

    TOKEN = re.compile(r"\s*(\|\||&&|==|!=|!|\(|\)|'(?:[^']|'')*'|[A-Za-z_][\w.\-]*(?:\(\))?|\d+)")

    def __init__(self, ctx, status):
        self.ctx, self.status = ctx, status

    def eval(self, s):
        self.toks, pos = [], 0
        s = s.strip()
        while pos < len(s):
            m = self.TOKEN.match(s, pos)
            if not m:
                raise ValueError("cannot read expression at: " + s[pos:])
            self.toks.append(m.group(1))
            pos = m.end()
        self.i = 0
        v = self.or_()
        if self.i != len(self.toks):
            raise ValueError("trailing tokens in " + s)
        return v

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self):
        self.i += 1
        return self.toks[self.i - 1]

    def or_(self):
        v = self.and_()
        while self.peek() == "||":
            self.take()
            r = self.and_()
            v = v or r
        return v

    def and_(self):
        v = self.cmp()
        while self.peek() == "&&":
            self.take()
            r = self.cmp()
            v = v and r
        return v

    def cmp(self):
        v = self.unary()
        while self.peek() in ("==", "!="):
            op = self.take()
            r = self.unary()
            eq = str(v).lower() == str(r).lower()  # GitHub compares strings case-insensitively
            v = eq if op == "==" else not eq
        return v

    def unary(self):
        t = self.take()
        if t == "!":
            return not self.unary()
        if t == "(":
            v = self.or_()
            self.take()
            return v
        if t.startswith("'"):
            return t[1:-1].replace("''", "'")
        if t in ("always()", "success()", "failure()", "cancelled()"):
            return {"always()": True, "success()": self.status == "success",
                    "failure()": self.status == "failure", "cancelled()": False}[t]
        if t in ("true", "false"):
            return t == "true"
        if re.fullmatch(r"\d+", t):
            return t
        v = self.ctx
        for part in t.split("."):
            v = v.get(part, "") if isinstance(v, dict) else ""
        return v


def substitute(value, ev):
    return EXPR.sub(lambda m: str(ev.eval(m.group(1))), str(value))


def run_action(src, workspace, pairs):
    a = load_action(src)
    given = dict(p.split("=", 1) for p in pairs)
    inputs = {k: given.get(k, str(v.get("default", ""))) for k, v in a.get("inputs", {}).items()}
    unknown = set(given) - set(inputs)
    if unknown:
        print("FAIL: no such input: " + ", ".join(sorted(unknown)))
        return 1
    ctx = {"inputs": inputs, "steps": {},
           "github": {"action_ref": "v0.1.0", "action_repository": "OWNER/tally", "server_url": "https://github.com"}}
    status = "success"
    last_rc = 0
    tmp = tempfile.mkdtemp()
    for n, s in enumerate(a["runs"]["steps"]):
        label = s.get("name", s.get("uses"))
        ev = Expr(ctx, status)
        cond = s.get("if", "success()")
        cond = EXPR.sub(lambda m: m.group(1), cond) if isinstance(cond, str) else cond
        if not re.search(r"\b(always|success|failure|cancelled)\(\)", str(cond)):
            cond = "success() && (%s)" % cond
        if not ev.eval(str(cond)):
            print("step skipped: %s" % label)
            continue
        if "uses" in s:
            w = {k: substitute(v, ev) for k, v in s.get("with", {}).items()}
            print("step uses: %s %s" % (s["uses"], json.dumps(w, ensure_ascii=False, sort_keys=True)))
            continue
        out_file = os.path.join(tmp, "output%d" % n)
        open(out_file, "w").close()
        env = dict(os.environ)
        env.update({k: substitute(v, ev) for k, v in s.get("env", {}).items()})
        env.update({"GITHUB_OUTPUT": out_file, "GITHUB_WORKSPACE": workspace, "GITHUB_ACTION_PATH": src})
        script = os.path.join(tmp, "step%d.sh" % n)
        with open(script, "w", encoding="utf-8") as f:
            f.write(s["run"])
        # The runner's command line for shell: bash.
        rc = subprocess.call(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], cwd=workspace, env=env)
        outputs = {}
        for line in open(out_file, encoding="utf-8"):
            k, _, v = line.rstrip("\n").partition("=")
            outputs[k] = v
        if s.get("id"):
            ctx["steps"][s["id"]] = {"outputs": outputs, "outcome": "success" if rc == 0 else "failure"}
        print("step ran: %s (exit %d) %s" % (label, rc, json.dumps(outputs, ensure_ascii=False, sort_keys=True)))
        if rc != 0:
            status, last_rc = "failure", rc
    ev = Expr(ctx, status)
    for k, o in a.get("outputs", {}).items():
        print("output %s=%s" % (k, substitute(o.get("value", ""), ev)))
    return last_rc


def main():
    mode, src = sys.argv[1], os.path.abspath(sys.argv[2])
    if mode == "dockerfile":
        check_dockerfile(src)
    elif mode == "action":
        check_action(src)
    elif mode == "run-action":
        sys.exit(run_action(src, os.path.abspath(sys.argv[3]), sys.argv[4:]))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
