#!/usr/bin/env python3
"""Measures evidence tests on a 1 GiB CSV and a 15 MiB JSON export: wall time and peak RSS of `dossier check`.

Builds a git workspace in a temporary folder (seeded content, fixed commit dates), runs the release binary
under `/usr/bin/time -v` with no tests cache, then again with the cache, and writes the section
"## Evidence tests" of BENCHMARKS.md (`scripts/bench.py` keeps that section when it rewrites the file).

    swift build -c release --product dossier && scripts/bench-evidence-tests.py
"""
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOSSIER = os.path.join(ROOT, ".build", "release", "dossier")
CSV_TESTS = """          - columns: [user, email, mfa_enrolled, last_sign_in]
          - rows: {min: 1}
          - every: {column: mfa_enrolled, equals: "true"}
          - every: {column: email, matches: "[a-z0-9.]+@example\\\\.com"}
          - none: {column: status, in: [SUSPENDED]}"""
JSON_TESTS = """          - every: {at: /Buckets, where: {at: /Encrypted, equals: true}}
          - rows: {at: /Buckets, min: 1}"""


def workspace(path, name, tests, write):
    os.makedirs(os.path.join(path, "evidence"))
    with open(os.path.join(path, "controls.yaml"), "w") as f:
        f.write("dossier: 1\norganization: Bench\nsystem: Bench\nas_of: 2026-06-30\ncontrols:\n"
                "  - id: AC-001\n    title: T\n    owner: it@example.com\n    frequency: monthly\n"
                "    criteria: [CC6.1]\n    status: implemented\n    evidence:\n"
                f"      - path: evidence/{name}\n        tests:\n{tests}\n")
    write(os.path.join(path, "evidence", name))
    env = dict(os.environ, GIT_AUTHOR_DATE="2026-06-30T12:00:00Z", GIT_COMMITTER_DATE="2026-06-30T12:00:00Z",
               GIT_AUTHOR_NAME="b", GIT_AUTHOR_EMAIL="b@example.com", GIT_COMMITTER_NAME="b",
               GIT_COMMITTER_EMAIL="b@example.com")
    for args in (["init", "-q", "-b", "main"], ["-c", "core.compression=0", "add", "-A"], ["commit", "-qm", "bench"]):
        subprocess.run(["git", "-C", path] + args, check=True, env=env)


def write_csv(path):
    with open(path, "w") as out:
        out.write("user,email,mfa_enrolled,status,last_sign_in\n")
        size, n, rows = 0, 0, []
        while size < 1 << 30:
            row = f'user{n},"user{n}@example.com",true,ACTIVE,2026-06-{n % 28 + 1:02d}T10:00:00Z\n'
            rows.append(row)
            size += len(row)
            n += 1
            if len(rows) == 100_000:
                out.write("".join(rows))
                rows = []
        out.write("".join(rows))


def write_json(path):
    import json
    items = [{"Name": f"bucket-{i}", "Encrypted": True, "Tags": {"env": "prod", "owner": f"team-{i % 50}"}}
             for i in range(170_000)]
    with open(path, "w") as f:
        json.dump({"Buckets": items}, f)


def measure(path):
    run = subprocess.run(["/usr/bin/time", "-v", DOSSIER, "check", "--json", path], capture_output=True, text=True)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", run.stderr).group(1)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr).group(1))
    minutes, seconds = wall.rsplit(":", 1)
    return float(minutes) * 60 + float(seconds), rss / 1024


def main():
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, name, tests, write in [("CSV, 5 tests (one a regex on every row)", "big.csv", CSV_TESTS, write_csv),
                                          ("JSON, 2 pointer tests", "buckets.json", JSON_TESTS, write_json)]:
            path = os.path.join(tmp, name)
            workspace(path, name, tests, write)
            size = os.path.getsize(os.path.join(path, "evidence", name))
            cold = measure(path)
            warm = measure(path)
            rows.append(f"| {label} | {size / (1 << 20):,.0f} MiB | {cold[0]:.1f} s ({size / (1 << 20) / cold[0]:.0f} MiB/s) "
                        f"| {cold[1]:.0f} MiB | {warm[0]:.2f} s | {warm[1]:.0f} MiB |")
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short=12", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    section = (f"## Evidence tests\n\nMeasured at commit `{commit}` by `scripts/bench-evidence-tests.py` (release build, "
               "`dossier check --json` under `/usr/bin/time -v`; one run each, on a machine shared with other builds). "
               "CSV is streamed in 64 KiB reads: peak memory does not grow with the file. JSON is parsed whole and its "
               "tree takes about five times the file, hence the 16 MiB bound.\n\n"
               "| evidence | size | first check (no tests cache) | peak RSS | check again (cached) | peak RSS |\n"
               "|---|---|---|---|---|---|\n" + "\n".join(rows) + "\n")
    target = os.path.join(ROOT, "BENCHMARKS.md")
    text = open(target).read()
    text = re.sub(r"\n## Evidence tests\n.*?(?=\n## |\Z)", "", text, flags=re.S).rstrip("\n") + "\n\n" + section
    with open(target, "w") as f:
        f.write(text)
    print(section)


if __name__ == "__main__":
    sys.exit(main())
