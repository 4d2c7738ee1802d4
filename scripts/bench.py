#!/usr/bin/env python3
"""Dossier's benchmark: each figure is the median of several runs after a warm-up, measured side by side
with the baseline a user would otherwise script, and printed as a ratio. Writes BENCHMARKS.md.

    scripts/bench.py --dossier .build/release/dossier --sizes small-spread,medium-spread,large-spread --runs 3

Baselines: `git log -z --no-renames --name-only` for check; hugo on the narratives alone for an unchanged build
and hugo on an equivalent site (pages for controls, criteria, evidence, gaps, built from `check --json`) for a
full one; `tar czf` + `sha256sum` for bundle; `unzip -t` for verify. Each size's load average is recorded.
Workspaces come from scripts/gen-workspace.py (seeded, any of its sizes) and are cached in --cache.
"""
import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
STORED = (".png", ".jpg", ".jpeg", ".pdf", ".zip", ".gz", ".mp4", ".docx", ".xlsx", ".pptx", ".mov", ".webp")
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1793491200", NO_COLOR="1", LC_ALL="C.UTF-8", TZ="UTC")


def run(cmd, cwd=None, stdin=None):
    """Runs a command, returns (seconds, peak RSS of the process itself in KiB). Raises on failure."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, shell=isinstance(cmd, str))
    peak = [0]

    def watch():  # VmHWM is the process's own peak RSS (children such as git are not included)
        path = f"/proc/{proc.pid}/status"
        while proc.poll() is None:
            try:
                with open(path) as f:
                    for line in f:
                        if line.startswith("VmHWM:"):
                            peak[0] = max(peak[0], int(line.split()[1]))
            except OSError:
                pass
            time.sleep(0.005)

    watcher = threading.Thread(target=watch)
    watcher.start()
    _, err = proc.communicate(stdin)
    watcher.join()
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"failed ({proc.returncode}): {cmd}\n{err.decode(errors='replace')[-2000:]}")
    return elapsed, peak[0]


def interleaved(measures, runs, warmup=1):
    """Runs every measure once per round, warmup+runs rounds, so that a machine that speeds up or slows down
    during the run weighs on Dossier and its baselines alike. Returns name → (median seconds, max peak KiB)."""
    results = {name: [] for name in measures}
    for round in range(warmup + runs):
        for name, sample in measures.items():
            result = sample()
            if round >= warmup:
                results[name].append(result)
    return {name: (statistics.median(r[0] for r in rs), max(r[1] for r in rs)) for name, rs in results.items()}


def workspace(cache, size):
    path = os.path.join(cache, f"ws-{size}")
    if not os.path.isdir(os.path.join(path, ".git")):
        shutil.rmtree(path, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(HERE, "gen-workspace.py"), "--size", size, "--out", path], check=True)
    return path


def load():
    """The load average right now (1, 5 and 15 minutes), for the record next to each size's figures."""
    return " ".join(open("/proc/loadavg").read().split()[:3])


def counts(ws):
    """Files, narratives and commits of a workspace: the three things the scaling table divides by."""
    git = ["git", "-C", ws, "-c", "core.quotepath=false"]
    files = subprocess.run(git + ["ls-files", "-z", "evidence"], capture_output=True, check=True).stdout.count(b"\0")
    narratives = sum(1 for _, _, names in os.walk(os.path.join(ws, "narratives")) for n in names if n.endswith(".md"))
    commits = int(subprocess.run(git + ["rev-list", "--count", "HEAD"], capture_output=True, text=True, check=True).stdout)
    return files, narratives, commits


def hugo_sites(ws, scratch, dossier):
    """Two hugo sites: the narratives alone (what an unchanged build is compared with), and an equivalent of
    Dossier's site (what a full build is compared with): the same narratives, one page per control with its
    evidence table, one per criterion, an evidence inventory listing every file, a gaps page and an index, all
    with one-line layouts. The facts come from `dossier check --json`."""
    import json
    out = subprocess.run([dossier, "check", ws, "--json"], env=ENV, capture_output=True, check=False).stdout
    report = json.loads(out)
    sites = {}
    for name in ("hugo-narratives", "hugo-site"):
        root = os.path.join(scratch, name)
        shutil.rmtree(root, ignore_errors=True)
        os.makedirs(os.path.join(root, "layouts", "_default"))
        shutil.copytree(os.path.join(ws, "narratives"), os.path.join(root, "content", "narratives"))
        for layout in ("single", "list"):
            with open(os.path.join(root, "layouts", "_default", layout + ".html"), "w") as f:
                f.write("<!doctype html><title>{{ .Title }}</title>{{ .Content }}\n")
        with open(os.path.join(root, "config.toml"), "w") as f:
            f.write('baseURL = "/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
        sites[name] = root
    content = os.path.join(sites["hugo-site"], "content")

    def page(path, title, lines):
        full = os.path.join(content, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(f"---\ntitle: {json.dumps(title)}\n---\n" + "\n".join(lines) + "\n")

    def cell(text):
        return str(text).replace("|", "\\|")

    gaps = []
    for c in report.get("controls", []):
        lines = [f"Owner {cell(c['owner'])}, {c['frequency']}, {c['state']}.", "", "| Requirement | State | Newest | Files |",
                 "|---|---|---|---|"]
        for e in c["evidence"]:
            lines.append(f"| {cell(e['path'])} | {e['state']} | {e.get('newest') or '-'} | {len(e['files'])} |")
            if e["state"] != "fresh":
                gaps.append(f"| {c['id']} | {cell(e['path'])} | {e['state']} |")
        lines += ["", "| File |", "|---|"] + [f"| {cell(f)} |" for e in c["evidence"] for f in e["files"]]
        page(f"controls/{c['id']}.md", f"{c['id']} {c['title']}", lines)
    for k in report.get("criteria", []):
        page(f"criteria/{k['id']}.md", f"{k['id']} {k['title']}",
             [f"State {k['state']}.", "", "| Control |", "|---|"] + [f"| {x} |" for x in k["controls"]])
    page("evidence.md", "Evidence inventory", ["| File | Size | Date | Source | Commit |", "|---|---|---|---|---|"] + [
        f"| {cell(f['path'])} | {f['size']} | {f.get('date') or '-'} | {f.get('date_source') or '-'} | {(f.get('commit') or '-')[:12]} |"
        for f in report.get("evidence_files", [])])
    page("gaps.md", "Gaps", ["| Control | Requirement | State |", "|---|---|---|"] + gaps)
    page("_index.md", report.get("organization", "Readiness"), [
        f"{len(report.get('controls', []))} controls, {len(report.get('evidence_files', []))} files."])
    return sites


def bundle_files(ws, bundle):
    """The workspace files a bundle carries (its data/ entries that are workspace files), and their bytes."""
    names = subprocess.run(["unzip", "-Z1", bundle], check=True, capture_output=True, text=True).stdout.splitlines()
    files = []
    for name in names:
        parts = name.split("/", 2)
        if len(parts) == 3 and parts[1] == "data" and parts[2] and not parts[2].startswith("site/"):
            if os.path.isfile(os.path.join(ws, parts[2])):
                files.append(parts[2])
    return files, sum(os.path.getsize(os.path.join(ws, f)) for f in files)


def bench_size(args, size, scratch):
    ws = workspace(args.cache, size)
    out_zip, out_tar = os.path.join(scratch, "out-zip"), os.path.join(scratch, "out-tar")

    def fresh(path):
        shutil.rmtree(path, ignore_errors=True)
        os.makedirs(path)
        return path

    def produced(out):
        return os.path.join(out, os.listdir(out)[0])

    def bundle(out, fmt):
        return run([args.dossier, "bundle", ws, "-o", fresh(out), "--format", fmt, "--quiet"])

    fresh(out_tar)

    # Set-up: one bundle tells which workspace files a bundle carries; `zip -6` of exactly what it holds.
    fresh(out_zip)
    files, nbytes, largest, ref_zip, listing = [], 0, 0, 0, None
    if not args.no_bundle:
        bundle(out_zip, "zip")
        unpacked = fresh(os.path.join(scratch, "unpacked"))
        subprocess.run(["unzip", "-q", produced(out_zip), "-d", unpacked], check=True)
        ref = os.path.join(scratch, "ref.zip")
        if os.path.exists(ref):
            os.remove(ref)
        subprocess.run(["zip", "-q", "-r", "-6", "-n", ":".join(STORED), ref, "."], cwd=unpacked, check=True)
        ref_zip = os.path.getsize(ref)
        shutil.rmtree(unpacked)
        files, nbytes = bundle_files(ws, produced(out_zip))
        largest = max(os.path.getsize(os.path.join(ws, f)) for f in files)
        listing = os.path.join(scratch, f"{size}.list")
        with open(listing, "w") as f:
            f.write("\n".join(files) + "\n")
    site = os.path.join(scratch, "site")
    cache = os.path.join(ws, ".git", "dossier")  # the digest cache and site stamp `build` keeps
    hugo = hugo_sites(ws, scratch, args.dossier)

    def baseline():  # tar czf of the workspace files the bundle carries, then sha256sum of them
        t1, _ = run(["tar", "czf", os.path.join(scratch, "b.tar.gz"), "-T", listing], cwd=ws)
        t2, _ = run(f"tr '\\n' '\\0' < {listing} | xargs -0 sha256sum > /dev/null", cwd=ws)
        return t1 + t2, 0

    def bundle_cold():  # no digest or history cache (.git/dossier): the first bundle of a new commit
        shutil.rmtree(cache, ignore_errors=True)
        return bundle(out_zip, "zip")

    def check_nocache():  # no .git/dossier at all: history, tests and narrative caches all cold
        shutil.rmtree(cache, ignore_errors=True)
        return run([args.dossier, "check", ws])

    def verify():
        return run([args.dossier, "verify", produced(out_zip)])

    def check_cold():  # the first check after a commit: the history is walked again
        history = os.path.join(cache, "history-cache")
        if os.path.exists(history):
            os.remove(history)
        return run([args.dossier, "check", ws])

    def build_first():  # no site, no digest cache, no stamp: everything is read, hashed and rendered
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        return run([args.dossier, "build", ws, "-o", site])

    measures = {}
    if not args.no_bundle:
        measures.update({
            "baseline": baseline,
            "bundle-zip": lambda: bundle(out_zip, "zip"),
            "bundle-zip-cold": bundle_cold,
            "bundle-tar.gz": lambda: bundle(out_tar, "tar.gz"),
            "verify": verify,
            "unzip-t": lambda: run(["unzip", "-tq", produced(out_zip)]),
        })
    load_before = load()
    rows = interleaved(measures | {
        "check": lambda: run([args.dossier, "check", ws]),
        "check-cold": check_cold,
        "check-nocache": check_nocache,
        "git-log": lambda: run(["git", "-C", ws, "log", "-z", "--no-renames", "--name-only"]),
        "build-cold": build_first,
        # After a change (a commit, an edited narrative): every page rendered again, unchanged digests cached.
        "build": lambda: run([args.dossier, "build", ws, "-o", site, "--force"]),
        # Nothing changed since the last build: the inputs and the site are checked, nothing is rendered.
        "build-noop": lambda: run([args.dossier, "build", ws, "-o", site]),
        "hugo": lambda: run(["hugo", "--quiet", "-s", hugo["hugo-narratives"], "-d", os.path.join(scratch, "hugo-out")]),
        "hugo-site": lambda: run(["hugo", "--quiet", "-s", hugo["hugo-site"], "-d", os.path.join(scratch, "hugo-site-out")]),
    }, args.runs)
    n_files, n_narratives, n_commits = counts(ws)
    return dict(size=size, files=len(files), bytes=nbytes, largest=largest, rows=rows, load=f"{load_before} → {load()}",
                tar_size=os.path.getsize(produced(out_tar)) if os.listdir(out_tar) else 0,
                zip_size=os.path.getsize(produced(out_zip)) if os.listdir(out_zip) else 0, ref_zip=ref_zip,
                n_files=n_files, n_narratives=n_narratives, n_commits=n_commits)


def report(results, args):
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True).stdout.strip()
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
    mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "?")
    lines = [
        "# Benchmarks", "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} at commit `{commit}` on {os.cpu_count()} cores ({cpu}), "
        f"{int(mem) // 1048576} GiB, by `make bench` (`scripts/bench.py --runs {args.runs}`): each figure is the median of "
        f"{args.runs} runs after one warm-up, measured in rounds (every measure once per round, so a machine that speeds up or "
        "slows down weighs on Dossier and its baselines alike), and every ratio compares two figures from the same run. Release build. "
        "Workspaces come from `scripts/gen-workspace.py` (seeded); the load average (1, 5, 15 min) before and after each size "
        "is in the last column, since the machine may be shared.", "",
        "| size | measure | Dossier | baseline | ratio | target | load |", "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        rows = r["rows"]

        def line(name, ours, theirs, label, target):
            if ours not in rows or theirs not in rows:
                return
            a, b = rows[ours][0], rows[theirs][0]
            ratio = a / b if b else float("nan")
            lines.append(f"| {r['size']} | {name} | {a:.3f} s | {b:.3f} s ({label}) | {ratio:.2f} | {target} | {r['load']} |")

        log = "git log -z --no-renames --name-only"
        line("check", "check", "git-log", log, "≤ 3 (large)")
        line("check, history not cached (first after a commit)", "check-cold", "git-log", log, "≤ 5 (large)")
        line("check, no caches at all", "check-nocache", "git-log", log, "-")
        line("build, full (`--force`, digests cached)", "build", "hugo-site", "hugo, equivalent site", "≤ 1.0 (medium)")
        line("build, first (no caches)", "build-cold", "hugo-site", "hugo, equivalent site", "-")
        line("build, nothing changed", "build-noop", "hugo", "hugo, narratives only", "≤ 1.0 (medium)")
        line("bundle zip", "bundle-zip", "baseline", "tar czf + sha256sum", "≤ 0.4")
        line("bundle zip, no caches (first after a commit)", "bundle-zip-cold", "baseline", "tar czf + sha256sum", "≤ 0.4")
        line("bundle tar.gz", "bundle-tar.gz", "baseline", "tar czf + sha256sum", "≤ 0.9")
        line("verify (zip)", "verify", "unzip-t", "unzip -t", "≤ 1.3")
    lines += ["", "Peak resident memory of the `dossier` process (VmHWM, git children excluded; target ≤ 100 MiB on large, "
              "flat as files, commits and narratives grow), and archive size against `zip -6` of exactly what the bundle holds:", "",
              "| size | files | narratives | commits | MiB packed | largest file | check | build `--force` | bundle zip | bundle tar.gz | zip / `zip -6` bytes |",
              "|---|---|---|---|---|---|---|---|---|---|---|"]

    def peak(rows, name):
        return f"{rows[name][1] / 1024:.0f} MiB" if name in rows else "-"

    for r in results:
        rows = r["rows"]
        ratio = f"{r['zip_size'] / r['ref_zip']:.3f}" if r["ref_zip"] else "-"
        lines.append(f"| {r['size']} | {r['n_files']:,} | {r['n_narratives']:,} | {r['n_commits']:,} | {r['bytes'] / 1048576:.0f} | "
                     f"{r['largest'] / 1048576:.0f} MiB | {peak(rows, 'check')} | {peak(rows, 'build')} | {peak(rows, 'bundle-zip')} | "
                     f"{peak(rows, 'bundle-tar.gz')} | {ratio} |")
    lines += ["", "Scaling: the time of each command divided by the workspace's files, narratives and commits (a superlinear "
              "step shows as a figure that rises with size; each figure charges the whole time to one of the three):", "",
              "| size | check ms | per 1k files | per 100 narratives | per 1k commits | build `--force` ms | per 1k files | "
              "per 100 narratives | bundle zip ms/MiB |", "|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        rows = r["rows"]
        c, b = rows["check"][0] * 1000, rows["build"][0] * 1000
        z = f"{rows['bundle-zip'][0] * 1000 / (r['bytes'] / 1048576):.2f}" if "bundle-zip" in rows else "-"
        lines.append(f"| {r['size']} | {c:.0f} | {c / (r['n_files'] / 1000):.1f} | {c / max(1, r['n_narratives']) * 100:.1f} | "
                     f"{c / (r['n_commits'] / 1000):.1f} | {b:.0f} | {b / (r['n_files'] / 1000):.1f} | "
                     f"{b / max(1, r['n_narratives']) * 100:.1f} | {z} |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossier", default=os.path.join(ROOT, ".build/release/dossier"))
    # xlarge-spread (4x large) is left to `--sizes xlarge-spread --no-bundle`: its rounds take most of an hour.
    parser.add_argument("--sizes", default="small-spread,medium-spread,large-spread")
    parser.add_argument("--no-bundle", action="store_true", help="leave out bundle, verify and their baselines")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cache", default=os.path.join(ROOT, ".bench"))
    parser.add_argument("--output", default=os.path.join(ROOT, "BENCHMARKS.md"))
    args = parser.parse_args()
    args.dossier = os.path.abspath(args.dossier)
    os.makedirs(args.cache, exist_ok=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as scratch:
        for size in args.sizes.split(","):
            print(f"benchmarking {size}…", file=sys.stderr)
            results.append(bench_size(args, size, scratch))
    text = report(results, args)
    # Every `## ` section after the generated tables is kept: the evidence tests (written by
    # scripts/bench-evidence-tests.py), the profile notes and the figures of the old profiles.
    if os.path.exists(args.output):
        old = open(args.output).read()
        start = old.find("\n## ")
        if start >= 0:
            text = text.rstrip("\n") + "\n" + old[start:].rstrip("\n") + "\n"
    print(text)
    with open(args.output, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
