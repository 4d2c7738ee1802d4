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
# Realistic spread (issue #16): narratives per control 0 to 3 and 1 KB to 50 KB each with long tables of
# evidence links, controls with 1 to 40 evidence globs, folders of up to 5,000 files, commits touching 1 to 500
# files, names with spaces and non-ASCII letters. "xlarge-spread" is 4x large in files, narratives and commits
# (the same bytes), so a superlinear step shows; "medium-spread-1gfile" carries a 1 GiB recording.
SPREAD = {
    #                        controls, files, total bytes, commits, narratives, recording bytes
    "small-spread": (40, 400, 8 << 20, 120, 12, 1 << 20),
    "medium-spread": (150, 3000, 150 << 20, 600, 120, 16 << 20),
    "large-spread": (500, 20000, 1 << 30, 2000, 1000, 100 << 20),
    "xlarge-spread": (2000, 80000, 1 << 30, 8000, 4000, 100 << 20),
    "medium-spread-1gfile": (150, 3000, (134 << 20) + (1 << 30), 600, 120, 1 << 30),
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
    parser.add_argument("--size", choices=[*SIZES, *SPREAD], default="small")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    if args.size in SPREAD:
        return spread_main(args)
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


# MARK: realistic spread

# Folder and file words with spaces and non-ASCII letters, as real exports are named.
SPREAD_WORDS = ["export", "Zugriffsprüfung", "revisión trimestral", "screenshot", "rapport d'accès", "ログ", "review",
                "Übersicht", "evidence", "change log", "Kontrollnachweis", "audit trail"]
SECTIONS = ["Scope", "How it works", "Evidence", "Exceptions", "Review cadence", "Änderungen", "Ownership"]


def spread_text(pool, rng, size):
    """Text of `size` bytes cut from a pool of generated lines: as compressible as text_bytes, much faster."""
    start = rng.randrange(len(pool) - size) if size < len(pool) else 0
    data = pool[start:start + size]
    while len(data) < size:
        data += pool[:size - len(data)]
    return data


def commit_sizes(rng, n_files, n_commits):
    """Files per commit, 1 to 500 each, summing to n_files over about n_commits commits."""
    weights = [rng.lognormvariate(0, 1.6) for _ in range(n_commits)]
    total = sum(weights)
    sizes = [min(500, max(1, round(w * n_files / total))) for w in weights]
    sizes[rng.randrange(len(sizes))] = 500
    while sum(sizes) > n_files:
        i = rng.randrange(len(sizes))
        if sizes[i] > 1:
            sizes[i] -= 1
    while sum(sizes) < n_files:
        i = rng.randrange(len(sizes))
        if sizes[i] < 500:
            sizes[i] += 1
    return sizes


def spread_main(args):
    from urllib.parse import quote
    import math
    n_controls, n_files, total_bytes, n_commits, n_narratives, recording = SPREAD[args.size]
    rng = random.Random(args.seed)
    if os.path.exists(args.out) and os.listdir(args.out):
        sys.exit(f"{args.out} is not empty")
    os.makedirs(args.out, exist_ok=True)

    # Narratives: a folder per area, some names with spaces and non-ASCII letters.
    narrative_paths = []
    for k in range(n_narratives):
        area = AREAS[k % len(AREAS)]
        name = f"{area}-{k:04d}" if rng.random() < 0.7 else f"{rng.choice(SPREAD_WORDS)} {k:04d}"
        narrative_paths.append(f"narratives/{area}/{name}.md")

    # Shared folders hold many controls' files (up to 5,000 files); the rest have a folder per control.
    shared = {area: f"evidence/{area}/{rng.choice(SPREAD_WORDS)} {area}" for area in AREAS}
    controls = []
    for i in range(n_controls):
        area = AREAS[i % len(AREAS)]
        cid = f"{area[:3].upper()}-{i + 1:03d}"
        criteria = sorted({CRITERIA[i % len(CRITERIA)], rng.choice(CRITERIA), rng.choice(CRITERIA)}, key=CRITERIA.index)
        status = rng.choices(["implemented", "planned", "not-applicable"], [88, 9, 3])[0]
        n_globs = 40 if i == 7 else min(40, max(1, int(rng.paretovariate(1.1))))
        own = f"evidence/{area}/{cid} {rng.choice(SPREAD_WORDS)}"
        reqs = []
        for r in range(n_globs):
            ext, _ = rng.choice(KINDS)
            folder = shared[area] if rng.random() < 0.4 else own
            reqs.append((f"{folder}/{cid}-{r} {rng.choice(SPREAD_WORDS)}-*.{ext}", ext, rng.choice(FREQUENCIES)))
        mentioned = rng.sample(narrative_paths, rng.choices([0, 1, 2, 3], [15, 45, 25, 15])[0])
        controls.append(dict(id=cid, area=area, criteria=criteria, status=status, reqs=reqs,
                             frequency=rng.choice(FREQUENCIES), narrative=mentioned[0] if mentioned else None,
                             mentioned=mentioned))
    controls.append(dict(id="CON-900", area="continuity", criteria=["A1.3"], status="implemented",
                         reqs=[("evidence/operations/recordings/*.mp4", "mp4", "annual")], frequency="annual",
                         narrative=None, mentioned=[]))

    # Files: slots weighted so some globs collect many files; a shared folder is capped at 5,000 files.
    slots = [(c, req) for c in controls[:-1] for req in c["reqs"] if rng.random() > 0.06]
    weights = [rng.paretovariate(1.2) for _ in slots]
    per_folder = {}
    files = []
    text_budget = total_bytes - recording
    average = max(256, text_budget // n_files)
    for k in range(n_files - 1):
        while True:
            # Every requirement gets a file first; the rest go where the weights say.
            c, (glob, ext, freq) = slots[k] if k < len(slots) else rng.choices(slots, weights)[0]
            folder = glob.rsplit("/", 1)[0]
            if per_folder.get(folder, 0) < 5000:
                break
        per_folder[folder] = per_folder.get(folder, 0) + 1
        compressible = ext in ("csv", "json", "log", "txt")
        size = max(64, min(average * 40, int(rng.expovariate(1 / average))))
        horizon = SPAN if rng.random() > 0.15 else SPAN // 2
        files.append((START + rng.randrange(horizon), glob.replace("*", f"{k:05d}"), size, ext, compressible))
    files.append((START + SPAN - 20 * 86400, "evidence/operations/recordings/dr-test-recording.mp4", recording, "mp4", False))
    files.sort()
    paths = [f[1] for f in files]

    pool = b"".join(text_bytes(rng, 1 << 20, kind) for kind in ("csv", "json", "log", "txt"))
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
            out.write(b'M 100644 inline "' + path.encode().replace(b"\\", b"\\\\").replace(b'"', b'\\"') + b'"\n')
            out.write(b"data %d\n" % len(data))
            out.write(data)
            out.write(b"\n")

    texts = spread_narratives(rng, controls, narrative_paths, paths, quote, math)
    commit(1, START - 86400, "Control map and narratives", [("controls.yaml", spread_control_map(args, controls)), *texts])
    mark = 1
    at = 0
    for n in commit_sizes(rng, len(files), n_commits - 1):
        batch = files[at:at + n]
        at += n
        entries = []
        for t, path, size, ext, compressible in batch:
            data = spread_text(pool, rng, size) if compressible else binary_bytes(rng, size, ext)
            entries.append((path, data))
        mark += 1
        commit(mark, batch[-1][0], f"Evidence batch {mark - 1}: {len(batch)} files", entries)
    out.close()
    if importer.wait() != 0:
        sys.exit("git fast-import failed")
    subprocess.run(git + ["reset", "-q", "--hard", "main"], check=True)
    time.sleep(1.1)
    subprocess.run(git + ["update-index", "-q", "--refresh"], check=True)
    size = sum(len(d) for _, d in texts)
    print(f"{args.out}: {len(controls)} controls, {len(files)} files, {mark} commits, {len(texts)} narratives "
          f"({size / 1e6:.1f} MB), size {args.size}")


def spread_control_map(args, controls):
    def q(text):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    lines = [
        "dossier: 1", f"organization: Synthetic {args.size.title()} Co.", "system: Benchmark Platform",
        "scope: [security, availability, confidentiality, processing-integrity, privacy]",
        "period: {start: 2026-01-01, end: 2026-06-30}", f"as_of: {AS_OF}", "controls:",
    ]
    for c in controls:
        lines += [
            f"  - id: {c['id']}", f"    title: Synthetic control {c['id']} for {c['area']}",
            f"    owner: {c['area']}@example.com", f"    frequency: {c['frequency']}",
            f"    criteria: [{', '.join(c['criteria'])}]",
        ]
        if c["narrative"]:
            lines.append(f"    narrative: {q(c['narrative'])}")
        lines.append(f"    status: {c['status']}")
        if c["status"] == "not-applicable":
            lines.append("    justification: Not used by this synthetic system.")
        lines.append("    evidence:")
        for glob, _, freq in c["reqs"]:
            lines += [f"      - path: {q(glob)}", f"        frequency: {freq}"]
    return ("\n".join(lines) + "\n").encode()


def spread_narratives(rng, controls, narrative_paths, evidence, quote, math):
    """1 KB to 50 KB each (median about 6 KB): a table of the controls it covers, long tables of evidence
    links, prose with [CONTROL] and [CRITERION] references, links to other narratives' headings (a rare one to a
    heading that is missing: a warning, not an error, so the site builds)."""
    by_narrative = {p: [] for p in narrative_paths}
    for c in controls:
        for p in c["mentioned"]:
            by_narrative[p].append(c)
    words = ["access", "is", "reviewed", "quarterly", "by", "owners", "and", "logged", "in", "the", "ticketing",
             "system", "Prüfung", "revisión", "approved", "changes"]
    result = []
    for path in narrative_paths:
        target = min(50000, max(1000, int(rng.lognormvariate(math.log(6000), 0.9))))
        members = by_narrative[path]
        up = "../" * (path.count("/"))
        body = []
        if rng.random() < 0.3:
            body += ["---", f"title: {path.rsplit('/', 1)[1][:-3]} narrative", "---"]
        body += [f"# {path.rsplit('/', 1)[1][:-3]}", "",
                 "Covers " + ", ".join(f"[{c['id']}]" for c in members) + " under [CC6.1]." if members else "No control yet.",
                 "", "## Controls", "", "| Control | Criteria | Owner |", "|---|---|---|"]
        for c in members:
            body.append(f"| [{c['id']}] | {', '.join('[' + x + ']' for x in c['criteria'])} | {c['area']}@example.com |")
        size = sum(len(line.encode()) + 1 for line in body)
        section = 0
        while size < target:
            section += 1
            part = [""] + [f"## {SECTIONS[section % len(SECTIONS)]} {section}", ""]
            if rng.random() < 0.5:
                part += ["| File | Collected | Reviewer | Notes |", "|---|---|---|---|"]
                for _ in range(rng.randrange(5, 60)):
                    f = rng.choice(evidence)
                    part.append(f"| [{f.rsplit('/', 1)[1]}]({up}{quote(f)}) | 2026-0{rng.randrange(1, 10)}-1{rng.randrange(10)} "
                                f"| {rng.choice(PEOPLE)} | {' '.join(rng.choice(words) for _ in range(6))} |")
            else:
                for _ in range(rng.randrange(3, 12)):
                    line = "- " + " ".join(rng.choice(words) for _ in range(14))
                    r = rng.random()
                    if r < 0.3 and members:
                        line += f" ([{rng.choice(members)['id']}])"
                    elif r < 0.5:
                        other = rng.choice(narrative_paths)
                        rel = os.path.relpath(other, os.path.dirname(path))
                        # A rare link to a heading that is not there: a warning, as in real narratives.
                        anchor = "controls" if rng.random() > 0.02 else "retired-section"
                        line += f" (see [{other.rsplit('/', 1)[1][:-3]}]({quote(rel)}#{anchor}))"
                    elif r < 0.6:
                        line += f" [{rng.choice(CRITERIA)}]"
                    part.append(line)
            size += sum(len(line.encode()) + 1 for line in part)
            body += part
        body += ["", "- [x] Documented", "- [ ] Reviewed by the auditor", ""]
        result.append((path, ("\n".join(body) + "\n").encode()))
    return result


if __name__ == "__main__":
    main()
