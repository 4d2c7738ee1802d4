#!/usr/bin/env python3
"""Writes a synthetic Dossier workspace as a git repository with a realistic history.

Seeded, so every run with the same --size and --seed builds the same repository (same commits, same bytes):
N controls mapped over all 61 criteria, M evidence files of mixed kinds (text exports that compress well,
PNG/PDF bytes that do not, one large recording), K narratives with tables and lists, and commits spread over
18 months so that fresh, stale, missing and Type II gaps all occur. History is written with `git fast-import`.

    scripts/gen-workspace.py --size medium --out /tmp/ws-medium
"""
import argparse
import os
import random
import subprocess
import sys
import time

SIZES = {
    #         controls, files,  total bytes,        commits, narratives, recording bytes
    "small": (40, 400, 8 << 20, 120, 8, 1 << 20),
    "medium": (150, 3000, 150 << 20, 600, 20, 16 << 20),
    "large": (500, 20000, 1 << 30, 2000, 40, 100 << 20),
    # medium's controls and text, with a 512 MiB recording: shows what one very large file costs.
    "medium-bigfile": (150, 3000, (134 << 20) + (512 << 20), 600, 20, 512 << 20),
}

CRITERIA = (
    [f"CC1.{i}" for i in range(1, 6)] + [f"CC2.{i}" for i in range(1, 4)] + [f"CC3.{i}" for i in range(1, 5)]
    + [f"CC4.{i}" for i in range(1, 3)] + [f"CC5.{i}" for i in range(1, 4)] + [f"CC6.{i}" for i in range(1, 9)]
    + [f"CC7.{i}" for i in range(1, 6)] + ["CC8.1", "CC9.1", "CC9.2"] + [f"A1.{i}" for i in range(1, 4)]
    + ["C1.1", "C1.2"] + [f"PI1.{i}" for i in range(1, 6)]
    + ["P1.1", "P2.1", "P3.1", "P3.2", "P4.1", "P4.2", "P4.3", "P5.1", "P5.2"]
    + [f"P6.{i}" for i in range(1, 8)] + ["P7.1", "P8.1"]
)
AREAS = ["access", "change", "operations", "incident", "continuity", "vendors", "people", "data", "privacy", "risk"]
FREQUENCIES = ["daily", "weekly", "monthly", "monthly", "quarterly", "quarterly", "semiannual", "annual", "once"]
# (extension, compressible): text exports compress well; images and PDFs do not.
KINDS = [("csv", True), ("json", True), ("log", True), ("png", False), ("pdf", False), ("txt", True)]
START = 1746057600  # 2025-05-01T00:00:00Z
SPAN = 548 * 86400  # 18 months
AS_OF = "2026-11-01"
PEOPLE = ["Ann Lee", "Bo Chen", "Cara Diaz", "Dev Patel", "Eli Novak", "Fay Ortiz"]


def text_bytes(rng, size, kind):
    words = ["user", "mfa", "true", "false", "admin", "review", "approved", "prod", "okta", "aws", "2026", "ok"]
    lines = []
    total = 0
    header = {"csv": "id,user,system,result,reviewed_at\n", "json": "[\n", "log": "", "txt": ""}[kind]
    lines.append(header)
    total += len(header)
    n = 0
    while total < size:
        n += 1
        if kind == "csv":
            line = f"{n},{rng.choice(words)}.{rng.randrange(999)},{rng.choice(words)},{rng.choice(words)},2026-0{rng.randrange(1, 10)}-1{rng.randrange(10)}\n"
        elif kind == "json":
            line = f'  {{"id": {n}, "name": "{rng.choice(words)}", "enabled": {rng.choice(["true", "false"])}}},\n'
        else:
            line = f"2026-0{rng.randrange(1, 10)}-1{rng.randrange(10)}T0{rng.randrange(10)}:00:00Z {rng.choice(words)} {rng.choice(words)} status={rng.choice(words)}\n"
        lines.append(line)
        total += len(line)
    return "".join(lines).encode()[:size]


def binary_bytes(rng, size, kind):
    magic = b"\x89PNG\r\n\x1a\n" if kind == "png" else b"%PDF-1.7\n" if kind == "pdf" else b"\x00\x00\x00\x18ftypmp42"
    n = max(0, size - len(magic))
    # randbytes takes at most 2**31 bits at once; smaller files keep their single call (and their bytes).
    piece = 128 << 20
    body = rng.randbytes(n) if n <= piece else b"".join(rng.randbytes(min(piece, n - i)) for i in range(0, n, piece))
    return (magic + body)[:size]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=SIZES, default="small")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    n_controls, n_files, total_bytes, n_commits, n_narratives, recording = SIZES[args.size]
    rng = random.Random(args.seed)
    if os.path.exists(args.out) and os.listdir(args.out):
        sys.exit(f"{args.out} is not empty")
    os.makedirs(args.out, exist_ok=True)

    # Controls: every criterion mapped at least once, then random extra mappings.
    controls = []
    for i in range(n_controls):
        area = AREAS[i % len(AREAS)]
        cid = f"{area[:3].upper()}-{i + 1:03d}"
        criteria = sorted({CRITERIA[i % len(CRITERIA)], rng.choice(CRITERIA)}, key=CRITERIA.index)
        status = rng.choices(["implemented", "planned", "not-applicable"], [88, 9, 3])[0]
        reqs = []
        for r in range(rng.choice([1, 1, 2, 3])):
            ext, _ = rng.choice(KINDS)
            reqs.append((f"evidence/{area}/{cid}/export{r}-*.{ext}", ext, rng.choice(FREQUENCIES)))
        controls.append(dict(id=cid, area=area, criteria=criteria, status=status, reqs=reqs,
                             frequency=rng.choice(FREQUENCIES), narrative=f"narratives/{area}-{i % n_narratives:02d}.md"))

    # Evidence files: assigned to requirements; about 6% of requirements get none (missing).
    slots = [(c, req) for c in controls for req in c["reqs"] if rng.random() > 0.06]
    # The recording is evidence of a disaster-recovery test, so every bundle carries the one large file.
    controls.append(dict(id="CON-900", area="continuity", criteria=["A1.3"], status="implemented",
                         reqs=[("evidence/operations/recordings/*.mp4", "mp4", "annual")], frequency="annual",
                         narrative=f"narratives/continuity-{4 % n_narratives:02d}.md"))
    files = []  # (time, path, bytes-size, kind, compressible)
    text_budget = total_bytes - recording
    average = max(256, text_budget // n_files)
    for k in range(n_files - 1):
        c, (glob, ext, freq) = slots[k % len(slots)]
        compressible = ext in ("csv", "json", "log", "txt")
        size = max(64, int(rng.expovariate(1 / average)))
        # Some requirements stop early (stale), some skip months (Type II gaps).
        horizon = SPAN if rng.random() > 0.15 else SPAN // 2
        t = START + rng.randrange(horizon)
        path = glob.replace("*", f"{k:05d}")
        files.append((t, path, size, ext, compressible))
    files.append((START + SPAN - 20 * 86400, "evidence/operations/recordings/dr-test-recording.mp4", recording, "mp4", False))
    files.sort()

    # Commits: files grouped into n_commits batches in time order.
    git = ["git", "-C", args.out, "-c", "core.fsmonitor=false"]
    subprocess.run(git + ["init", "-q", "-b", "main"], check=True)
    importer = subprocess.Popen(git + ["fast-import", "--quiet"], stdin=subprocess.PIPE)
    out = importer.stdin

    def commit(mark, when, message, entries):
        who = PEOPLE[mark % len(PEOPLE)]
        email = who.lower().replace(" ", ".") + "@example.com"
        out.write(f"commit refs/heads/main\nmark :{mark}\n".encode())
        out.write(f"author {who} <{email}> {when} +0000\ncommitter {who} <{email}> {when} +0000\n".encode())
        msg = message.encode()
        out.write(b"data %d\n%s\n" % (len(msg), msg))
        if mark > 1:
            out.write(f"from :{mark - 1}\n".encode())
        for path, data in entries:
            out.write(f"M 100644 inline {path}\n".encode())
            out.write(b"data %d\n" % len(data))
            out.write(data)
            out.write(b"\n")

    commit(1, START - 86400, "Control map and narratives", [("controls.yaml", control_map(args, controls)),
                                                            *narratives(rng, controls, n_narratives)])
    per = max(1, len(files) // (n_commits - 1))
    mark = 1
    for start in range(0, len(files), per):
        batch = files[start:start + per]
        entries = []
        for t, path, size, ext, compressible in batch:
            data = text_bytes(rng, size, ext) if compressible else binary_bytes(rng, size, ext)
            entries.append((path, data))
        mark += 1
        commit(mark, batch[-1][0], f"Evidence batch {mark - 1}: {len(batch)} files", entries)
    out.close()
    if importer.wait() != 0:
        sys.exit("git fast-import failed")
    subprocess.run(git + ["reset", "-q", "--hard", "main"], check=True)
    # Files written in the same second as the index are "racily clean": git re-hashes them on every status
    # until the index is refreshed. A real checkout is long past that; refresh so benchmarks see that state.
    time.sleep(1.1)
    subprocess.run(git + ["update-index", "-q", "--refresh"], check=True)
    print(f"{args.out}: {len(controls)} controls, {len(files)} files, {mark} commits, size {args.size}")


def control_map(args, controls):
    lines = [
        "dossier: 1", f"organization: Synthetic {args.size.title()} Co.", "system: Benchmark Platform",
        "scope: [security, availability, confidentiality, processing-integrity, privacy]",
        "period: {start: 2026-01-01, end: 2026-06-30}", f"as_of: {AS_OF}", "controls:",
    ]
    for c in controls:
        lines += [
            f"  - id: {c['id']}", f"    title: Synthetic control {c['id']} for {c['area']}",
            f"    owner: {c['area']}@example.com", f"    frequency: {c['frequency']}",
            f"    criteria: [{', '.join(c['criteria'])}]", f"    narrative: {c['narrative']}",
            f"    status: {c['status']}",
        ]
        if c["status"] == "not-applicable":
            lines.append("    justification: Not used by this synthetic system.")
        lines.append("    evidence:")
        for glob, _, freq in c["reqs"]:
            lines += [f"      - path: {glob}", f"        frequency: {freq}"]
    return ("\n".join(lines) + "\n").encode()


def narratives(rng, controls, count):
    result = []
    by_file = {}
    for c in controls:
        by_file.setdefault(c["narrative"], []).append(c)
    for path, members in sorted(by_file.items()):
        body = [f"# {path.split('/')[-1][:-3].replace('-', ' ').title()}", "", "## Controls", "",
                "| Control | Criteria | Owner |", "|---|---|---|"]
        for c in members:
            body.append(f"| [{c['id']}] | {', '.join('[' + x + ']' for x in c['criteria'])} | {c['area']}@example.com |")
        body += ["", "## How it works", ""]
        for _ in range(rng.randrange(5, 15)):
            body.append("- " + " ".join(rng.choice(["access", "is", "reviewed", "quarterly", "by", "owners", "and",
                                                    "logged", "in", "the", "ticketing", "system"]) for _ in range(12)))
        body += ["", "- [x] Documented", "- [ ] Reviewed by the auditor", ""]
        result.append((path, ("\n".join(body) + "\n").encode()))
    return result


if __name__ == "__main__":
    main()
