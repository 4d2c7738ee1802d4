#!/usr/bin/env python3
"""Dossier's benchmark: each figure is the median of several runs after a warm-up, measured side by side
with the baseline a user would otherwise script, and printed as a ratio. Writes BENCHMARKS.md.

    scripts/bench.py --dossier .build/release/dossier --sizes small,medium,large --runs 5

Workspaces come from scripts/gen-workspace.py (seeded) and are cached in --cache.
"""
import argparse
import os
import re
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

    # Set-up: one bundle tells which workspace files a bundle carries; `zip -6` of exactly what it holds.
    bundle(out_zip, "zip")
    unpacked = fresh(os.path.join(scratch, "unpacked"))
    subprocess.run(["unzip", "-q", produced(out_zip), "-d", unpacked], check=True)
    ref = os.path.join(scratch, "ref.zip")
    if os.path.exists(ref):
        os.remove(ref)
    subprocess.run(["zip", "-q", "-r", "-6", "-n", ":".join(STORED), ref, "."], cwd=unpacked, check=True)
    ref_zip = os.path.getsize(ref)
    files, nbytes = bundle_files(ws, produced(out_zip))
    largest = max(os.path.getsize(os.path.join(ws, f)) for f in files)
    listing = os.path.join(scratch, f"{size}.list")
    with open(listing, "w") as f:
        f.write("\n".join(files) + "\n")
    site = os.path.join(scratch, "site")
    cache = os.path.join(ws, ".git", "dossier")  # the digest cache and site stamp `build` keeps
    hugo = os.path.join(scratch, "hugo")
    shutil.rmtree(hugo, ignore_errors=True)
    os.makedirs(os.path.join(hugo, "layouts", "_default"))
    shutil.copytree(os.path.join(ws, "narratives"), os.path.join(hugo, "content"))
    for name in ("single", "list"):
        with open(os.path.join(hugo, "layouts", "_default", name + ".html"), "w") as f:
            f.write("<!doctype html><title>{{ .Title }}</title>{{ .Content }}\n")
    with open(os.path.join(hugo, "config.toml"), "w") as f:
        f.write('baseURL = "/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')

    def baseline():  # tar czf of the workspace files the bundle carries, then sha256sum of them
        t1, _ = run(["tar", "czf", os.path.join(scratch, "b.tar.gz"), "-T", listing], cwd=ws)
        t2, _ = run(f"tr '\\n' '\\0' < {listing} | xargs -0 sha256sum > /dev/null", cwd=ws)
        return t1 + t2, 0

    def bundle_cold():  # no digest or history cache (.git/dossier): the first bundle of a new commit
        shutil.rmtree(cache, ignore_errors=True)
        return bundle(out_zip, "zip")

    def check_cold():  # the first check after a commit: the history is walked again
        history = os.path.join(cache, "history-cache")
        if os.path.exists(history):
            os.remove(history)
        return run([args.dossier, "check", ws])

    def build_first():  # no site, no digest cache, no stamp: everything is read, hashed and rendered
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        return run([args.dossier, "build", ws, "-o", site])

    rows = interleaved({
        "baseline": baseline,
        "bundle-zip": lambda: bundle(out_zip, "zip"),
        "bundle-zip-cold": bundle_cold,
        "bundle-tar.gz": lambda: bundle(out_tar, "tar.gz"),
        "check": lambda: run([args.dossier, "check", ws]),
        "check-cold": check_cold,
        "git-log": lambda: run(["git", "-C", ws, "log", "--name-only"]),
        "build-cold": build_first,
        # After a change (a commit, an edited narrative): every page rendered again, unchanged digests cached.
        "build": lambda: run([args.dossier, "build", ws, "-o", site, "--force"]),
        # Nothing changed since the last build: the inputs and the site are checked, nothing is rendered.
        "build-noop": lambda: run([args.dossier, "build", ws, "-o", site]),
        "hugo": lambda: run(["hugo", "--quiet", "-s", hugo, "-d", os.path.join(scratch, "hugo-out")]),
    }, args.runs)
    return dict(size=size, files=len(files), bytes=nbytes, largest=largest, rows=rows,
                tar_size=os.path.getsize(produced(out_tar)), zip_size=os.path.getsize(produced(out_zip)), ref_zip=ref_zip)


def report(results, args):
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True).stdout.strip()
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
    mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "?")
    lines = [
        "# Benchmarks", "",
        f"Measured {time.strftime('%Y-%m-%d', time.gmtime())} at commit `{commit}` on {os.cpu_count()} cores ({cpu}), "
        f"{int(mem) // 1048576} GiB, by `make bench` (`scripts/bench.py --runs {args.runs}`): each figure is the median of "
        f"{args.runs} runs after one warm-up, measured in rounds (every measure once per round, so a machine that speeds up or "
        "slows down weighs on Dossier and its baselines alike), and every ratio compares two figures from the same run. Release build. "
        "Workspaces come from `scripts/gen-workspace.py` (seeded).", "",
        "| size | files bundled | MiB | measure | Dossier | baseline | ratio | target |", "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        rows = r["rows"]
        mib = r["bytes"] / 1048576
        base = rows["baseline"][0]

        def line(name, ours, theirs, label, target):
            ratio = ours / theirs if theirs else float("nan")
            lines.append(f"| {r['size']} | {r['files']} | {mib:.0f} | {name} | {ours:.3f} s | {theirs:.3f} s ({label}) | {ratio:.2f} | {target} |")

        line("bundle tar.gz", rows["bundle-tar.gz"][0], base, "tar czf + sha256sum", "≤ 0.9")
        line("bundle zip", rows["bundle-zip"][0], base, "tar czf + sha256sum", "≤ 0.4")
        line("bundle zip, no caches (first after a commit)", rows["bundle-zip-cold"][0], base, "tar czf + sha256sum", "≤ 0.4")
        line("check", rows["check"][0], rows["git-log"][0], "git log --name-only", "≤ 3 (large)")
        line("check, history not cached (first after a commit)", rows["check-cold"][0], rows["git-log"][0], "git log --name-only", "≤ 3 (large)")
        line("build, first (no caches)", rows["build-cold"][0], rows["hugo"][0], "hugo, narratives only", "≤ 1.0 (medium)")
        line("build after a change (all pages, digests cached)", rows["build"][0], rows["hugo"][0], "hugo, narratives only", "≤ 1.0 (medium)")
        line("build, nothing changed", rows["build-noop"][0], rows["hugo"][0], "hugo, narratives only", "≤ 1.0 (medium)")
    lines += ["", "Archive size against `zip -6` of exactly what the bundle holds (same formats stored), and peak resident memory "
              "of the `dossier` process (VmHWM; git children excluded) against the bytes it packs and its largest file:", "",
              "| size | zip bytes | `zip -6` bytes | ratio (target ≤ 1.05) | tar.gz bytes | MiB packed | largest file | peak RSS zip / tar.gz (target ≤ 100 MiB) |",
              "|---|---|---|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['size']} | {r['zip_size']:,} | {r['ref_zip']:,} | {r['zip_size'] / r['ref_zip']:.3f} | {r['tar_size']:,} | "
                     f"{r['bytes'] / 1048576:.0f} | {r['largest'] / 1048576:.0f} MiB | "
                     f"{r['rows']['bundle-zip'][1] / 1024:.0f} MiB / {r['rows']['bundle-tar.gz'][1] / 1024:.0f} MiB |")
    lines += ["", "Scaling (time per file and per MiB; a superlinear step shows as a rising figure):", "",
              "| size | check ms/1k files | build (no cache) ms/1k files | bundle zip ms/MiB | bundle tar.gz ms/MiB |", "|---|---|---|---|---|"]
    for r in results:
        rows, k, mib = r["rows"], r["files"] / 1000, r["bytes"] / 1048576
        lines.append(f"| {r['size']} | {rows['check'][0] * 1000 / k:.1f} | {rows['build-cold'][0] * 1000 / k:.1f} | "
                     f"{rows['bundle-zip'][0] * 1000 / mib:.2f} | {rows['bundle-tar.gz'][0] * 1000 / mib:.2f} |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossier", default=os.path.join(ROOT, ".build/release/dossier"))
    parser.add_argument("--sizes", default="small,medium,medium-bigfile,large")
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
    # The evidence-tests section is written by scripts/bench-evidence-tests.py; keep it.
    if os.path.exists(args.output):
        kept = re.search(r"\n## Evidence tests\n.*?(?=\n## |\Z)", open(args.output).read(), re.S)
        if kept:
            text = text.rstrip("\n") + "\n" + kept.group(0).rstrip("\n") + "\n"
    print(text)
    with open(args.output, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
