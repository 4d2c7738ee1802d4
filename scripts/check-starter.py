#!/usr/bin/env python3
"""Check Dossier's SOC 2 starter kit for consistency.

Usage: python3 scripts/check-starter.py [--catalog PATH/TO/SOC2Catalog.swift] [--root STARTER_DIR]

Loads controls.yaml (after substituting the {{organization}} and {{system}}
placeholders), reads the 61 criterion ids from the Swift catalog, and checks the
control map, the narratives, the evidence READMEs and the CI templates against
the rules of the starter kit. Prints counts and exits 1 on any failure.
"""

import argparse
import collections
import glob
import os
import re
import sys

import yaml

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CATALOG = os.path.join(REPO, "Sources", "DossierCore", "Catalog", "SOC2Catalog.swift")

TOP_KEYS_REQUIRED = {"dossier", "organization", "system", "frameworks", "controls"}
TOP_KEYS_ALLOWED = TOP_KEYS_REQUIRED | {"scope", "period", "as_of", "grace_days", "max_collection_lag_days",
                                        "exclusions"}
CONTROL_KEYS_REQUIRED = {"id", "title", "owner", "frequency", "criteria", "status", "evidence"}
CONTROL_KEYS_ALLOWED = CONTROL_KEYS_REQUIRED | {"description", "narrative", "justification"}
EVIDENCE_KEYS_ALLOWED = {"path", "description", "frequency"}
FREQUENCIES = {"continuous", "daily", "weekly", "monthly", "quarterly", "semiannual", "annual", "once"}
SCOPES = {"security", "availability", "confidentiality", "processing-integrity", "privacy"}
PLACEHOLDERS = {"{{organization}}": "Example Org", "{{system}}": "Example System"}
ID_RE = re.compile(r"^[A-Z]{2,4}-\d{3}$")
OWNER_RE = re.compile(r"^[a-z][a-z0-9.-]*@example\.com$")
# Anything in square brackets that looks like a control id or a criterion id.
REF_RE = re.compile(r"\[([A-Z]{1,4}(?:-\d+|\d+\.\d+))\]")
CATALOG_RE = re.compile(r'Criterion\(\s*"([A-Z]+\d+\.\d+)",\s*\.(\w+)')
CATEGORY_NAMES = {"security": "security", "availability": "availability", "confidentiality": "confidentiality",
                  "processingIntegrity": "processing-integrity", "privacy": "privacy"}
SECRET_WARNING_RE = re.compile(r"secret", re.IGNORECASE)

failures = []


def fail(msg):
    failures.append(msg)


def glob_to_regex(pattern):
    """Dossier glob semantics: * and ? stay in one segment, ** spans segments, [...] is a class."""
    out, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif ch == "*":
            out.append("[^/]*")
            i += 1
        elif ch == "?":
            out.append("[^/]")
            i += 1
        elif ch == "[":
            j = pattern.find("]", i + 1)
            if j == -1:
                out.append(re.escape(ch))
                i += 1
            else:
                body = pattern[i + 1:j]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append("[" + body + "]")
                i = j + 1
        else:
            out.append(re.escape(ch))
            i += 1
    return re.compile("^" + "".join(out) + "$")


def is_glob(path):
    return any(c in path for c in "*?[")


def load_catalog(path):
    text = open(path, encoding="utf-8").read()
    found = CATALOG_RE.findall(text)
    ids = {}
    for cid, cat in found:
        if cid in ids:
            fail(f"catalog: duplicate criterion {cid}")
        ids[cid] = CATEGORY_NAMES.get(cat, cat)
    if len(ids) != 61:
        fail(f"catalog: expected 61 criteria, found {len(ids)} in {path}")
    return ids


def front_matter(text):
    if not text.startswith("---\n"):
        return None, text
    end = text.find("\n---\n", 4)
    if end == -1:
        return None, text
    return yaml.safe_load(text[4:end]), text[end + 5:]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--catalog", default=os.environ.get("DOSSIER_CATALOG", DEFAULT_CATALOG))
    ap.add_argument("--root", default=os.path.join(REPO, "starter"))
    args = ap.parse_args()
    root = args.root

    catalog = load_catalog(args.catalog)

    # ---- controls.yaml ---------------------------------------------------------------
    raw = open(os.path.join(root, "controls.yaml"), encoding="utf-8").read()
    for ph in PLACEHOLDERS:
        if ph not in raw:
            fail(f"controls.yaml: placeholder {ph} not used")
    leftover = set(re.findall(r"\{\{[^}]*\}\}", raw)) - set(PLACEHOLDERS)
    if leftover:
        fail(f"controls.yaml: unknown placeholders {sorted(leftover)}")
    for ph, value in PLACEHOLDERS.items():
        raw = raw.replace(ph, value)
    doc = yaml.safe_load(raw)

    if not isinstance(doc, dict):
        fail("controls.yaml: not a mapping")
        return report(0, {}, catalog, 0, 0)
    if doc.get("dossier") != 1 or isinstance(doc.get("dossier"), bool):
        fail(f"controls.yaml: dossier must be 1, got {doc.get('dossier')!r}")
    missing = TOP_KEYS_REQUIRED - doc.keys()
    if missing:
        fail(f"controls.yaml: missing top-level keys {sorted(missing)}")
    extra = doc.keys() - TOP_KEYS_ALLOWED
    if extra:
        fail(f"controls.yaml: unknown top-level keys {sorted(extra)}")
    if doc.get("organization") != PLACEHOLDERS["{{organization}}"]:
        fail("controls.yaml: organization must be the {{organization}} placeholder")
    if doc.get("system") != PLACEHOLDERS["{{system}}"]:
        fail("controls.yaml: system must be the {{system}} placeholder")
    if doc.get("frameworks") != ["soc2"]:
        fail("controls.yaml: frameworks must be [soc2]")
    scope = doc.get("scope", ["security"])
    if not isinstance(scope, list) or not set(scope) <= SCOPES or "security" not in scope:
        fail(f"controls.yaml: bad scope {scope!r}")
    grace = doc.get("grace_days", 0)
    if not isinstance(grace, int) or isinstance(grace, bool) or grace < 0:
        fail(f"controls.yaml: grace_days must be a non-negative integer, got {grace!r}")
    for ex in doc.get("exclusions") or []:
        if not isinstance(ex, dict) or ex.get("criterion") not in catalog or not ex.get("reason"):
            fail(f"controls.yaml: bad exclusion {ex!r}")

    controls = doc.get("controls") or []
    ids = [c.get("id") for c in controls if isinstance(c, dict)]
    dupes = [i for i, n in collections.Counter(ids).items() if n > 1]
    if dupes:
        fail(f"controls: duplicate ids {dupes}")
    control_ids = set(ids)

    coverage = collections.defaultdict(set)  # criterion -> control ids
    globs = {}  # evidence path -> control id
    area_prefix = collections.defaultdict(set)  # area -> id prefixes
    area_controls = collections.defaultdict(set)  # area -> control ids
    readmes = 0

    for c in controls:
        if not isinstance(c, dict):
            fail(f"controls: entry is not a mapping: {c!r}")
            continue
        cid = c.get("id")
        where = f"control {cid}"
        if not isinstance(cid, str) or not ID_RE.match(cid):
            fail(f"{where}: id does not match {ID_RE.pattern}")
            continue
        missing = CONTROL_KEYS_REQUIRED - c.keys()
        if missing:
            fail(f"{where}: missing keys {sorted(missing)}")
        extra = c.keys() - CONTROL_KEYS_ALLOWED
        if extra:
            fail(f"{where}: unknown keys {sorted(extra)}")
        if not isinstance(c.get("title"), str) or not c["title"].strip():
            fail(f"{where}: title missing")
        if "description" in c and (not isinstance(c["description"], str) or not c["description"].strip()):
            fail(f"{where}: empty description")
        if not isinstance(c.get("owner"), str) or not OWNER_RE.match(c["owner"]):
            fail(f"{where}: owner {c.get('owner')!r} is not a role mailbox placeholder")
        if c.get("frequency") not in FREQUENCIES:
            fail(f"{where}: frequency {c.get('frequency')!r} not allowed")
        crit = c.get("criteria")
        if not isinstance(crit, list) or not 1 <= len(crit) <= 5:
            fail(f"{where}: needs 1-5 criteria, got {crit!r}")
            crit = crit if isinstance(crit, list) else []
        if len(set(crit)) != len(crit):
            fail(f"{where}: repeated criteria {crit}")
        for k in crit:
            if k not in catalog:
                fail(f"{where}: unknown criterion {k!r}")
            else:
                coverage[k].add(cid)
        if c.get("status") != "planned":
            fail(f"{where}: status must be planned, got {c.get('status')!r}")
        if "justification" in c:
            fail(f"{where}: planned controls need no justification")

        narrative = c.get("narrative")
        area = None
        m = re.fullmatch(r"narratives/([a-z][a-z0-9-]*)\.md", narrative or "")
        if not m:
            fail(f"{where}: narrative {narrative!r} is not narratives/<area>.md")
        else:
            area = m.group(1)
            if not os.path.isfile(os.path.join(root, narrative)):
                fail(f"{where}: narrative {narrative} does not exist")
            area_prefix[area].add(cid.split("-")[0])
            area_controls[area].add(cid)

        folder = f"evidence/{area}/{cid}/"
        ev = c.get("evidence")
        if not isinstance(ev, list) or not 1 <= len(ev) <= 3:
            fail(f"{where}: needs 1-3 evidence requirements")
            ev = ev if isinstance(ev, list) else []
        readme_rel = folder + "README.md"
        readme_re_target = readme_rel
        for e in ev:
            if not isinstance(e, dict):
                fail(f"{where}: evidence entry is not a mapping")
                continue
            extra = e.keys() - EVIDENCE_KEYS_ALLOWED
            if extra:
                fail(f"{where}: unknown evidence keys {sorted(extra)}")
            path = e.get("path")
            if not isinstance(path, str) or not path.startswith(folder):
                fail(f"{where}: evidence path {path!r} is not under {folder}")
                continue
            name = path[len(folder):]
            if "/" in name or not re.fullmatch(r"[a-z0-9][a-z0-9-]*-\*\.[a-z]{2,4}", name):
                fail(f"{where}: evidence file pattern {name!r} should look like 'what-*.ext'")
            if not is_glob(path):
                fail(f"{where}: evidence path {path!r} is not a glob")
            if glob_to_regex(path).match(readme_re_target):
                fail(f"{where}: evidence glob {path} matches its README.md")
            if not isinstance(e.get("description"), str) or not e["description"].strip():
                fail(f"{where}: evidence {path} has no description")
            if "frequency" in e and e["frequency"] not in FREQUENCIES:
                fail(f"{where}: evidence {path} frequency {e['frequency']!r} not allowed")
            if c.get("frequency") == "continuous" and "frequency" not in e:
                fail(f"{where}: continuous control needs an explicit evidence frequency for {path}")
            if path in globs:
                fail(f"{where}: evidence glob {path} also used by {globs[path]}")
            globs[path] = cid

        readme = os.path.join(root, readme_rel)
        if not os.path.isfile(readme):
            fail(f"{where}: {readme_rel} missing")
        else:
            readmes += 1
            text = open(readme, encoding="utf-8").read()
            n = len(text.splitlines())
            # A commented `collect:` example (docs/collectors.md) adds up to 15 lines.
            most = 40 if "**Collecting it automatically:**" in text else 25
            if not 10 <= n <= most:
                fail(f"{readme_rel}: {n} lines, expected 10-{most}")
            if cid not in text:
                fail(f"{readme_rel}: does not name {cid}")
            for e in ev:
                if isinstance(e, dict) and isinstance(e.get("path"), str):
                    if os.path.basename(e["path"]) not in text:
                        fail(f"{readme_rel}: does not show pattern {os.path.basename(e['path'])}")
            if not SECRET_WARNING_RE.search(text):
                fail(f"{readme_rel}: no warning about secrets")
            if "{{" in text:
                fail(f"{readme_rel}: contains a placeholder; READMEs are not substituted")
        others = [p for p in glob.glob(os.path.join(root, folder, "*")) if os.path.basename(p) != "README.md"]
        if others:
            fail(f"{folder}: unexpected files {others}")

    for area, prefixes in area_prefix.items():
        if len(prefixes) != 1:
            fail(f"area {area}: mixes id prefixes {sorted(prefixes)}")

    # Every criterion covered.
    for k in catalog:
        if k not in coverage:
            fail(f"criterion {k} is not mapped by any control")

    # Evidence folders without a control.
    for path in glob.glob(os.path.join(root, "evidence", "*", "*")):
        area, cid = path.split(os.sep)[-2:]
        if cid not in area_controls.get(area, set()):
            fail(f"evidence/{area}/{cid}: folder without a matching control")
    for path in glob.glob(os.path.join(root, "evidence", "*")):
        if os.path.basename(path) not in area_controls:
            fail(f"evidence/{os.path.basename(path)}: area without controls")

    # ---- narratives ---------------------------------------------------------------------
    narratives = sorted(glob.glob(os.path.join(root, "narratives", "*.md")))
    tables = tasks = 0
    for path in narratives:
        rel = os.path.relpath(path, root)
        area = os.path.splitext(os.path.basename(path))[0]
        text = open(path, encoding="utf-8").read()
        fm, body = front_matter(text)
        if not isinstance(fm, dict):
            fail(f"{rel}: no YAML front matter")
            fm = {}
        for key in ("title", "owner"):
            if not isinstance(fm.get(key), str) or not fm[key].strip():
                fail(f"{rel}: front matter lacks {key}")
        if "last_reviewed" not in fm:
            fail(f"{rel}: front matter lacks last_reviewed")
        if fm.get("owner") and not OWNER_RE.match(str(fm["owner"])):
            fail(f"{rel}: owner {fm['owner']!r} is not a role mailbox placeholder")
        n = len(text.splitlines())
        if not 60 <= n <= 200:
            fail(f"{rel}: {n} lines, expected 60-200")
        if area not in area_controls:
            fail(f"{rel}: no control points to this narrative")
        leftover = set(re.findall(r"\{\{[^}]*\}\}", text)) - set(PLACEHOLDERS)
        if leftover:
            fail(f"{rel}: unknown placeholders {sorted(leftover)}")
        if "TODO(owner):" not in body:
            fail(f"{rel}: no TODO(owner): placeholders")
        if not re.search(r"^> ", body, re.MULTILINE):
            fail(f"{rel}: no guidance blockquote")
        refs = REF_RE.findall(body)
        for ref in refs:
            if ref not in control_ids and ref not in catalog:
                fail(f"{rel}: reference [{ref}] resolves to no control or criterion")
        for cid in sorted(area_controls.get(area, ())):
            if f"[{cid}]" not in body:
                fail(f"{rel}: does not mention its control [{cid}]")
        # Bracketed things that look like ids but escaped REF_RE (e.g. lower-case typos).
        for odd in re.findall(r"\[([A-Za-z]{1,4}-?\d[\d.]*)\]", body):
            if odd not in control_ids and odd not in catalog:
                fail(f"{rel}: suspicious reference [{odd}]")
        if re.search(r"^\|.*\|\s*$\n^\|[\s:|-]+\|\s*$", body, re.MULTILINE):
            tables += 1
        if re.search(r"^\s*[-*] \[[ xX]\] ", body, re.MULTILINE):
            tasks += 1
    if tables == 0:
        fail("narratives: no Markdown table anywhere")
    if tasks == 0:
        fail("narratives: no task list anywhere")

    # ---- CI templates ---------------------------------------------------------------------
    for rel in ("ci/github-actions.yml", "ci/gitlab-ci.yml"):
        path = os.path.join(root, rel)
        if not os.path.isfile(path):
            fail(f"{rel} missing")
            continue
        text = open(path, encoding="utf-8").read()
        try:
            yaml.safe_load(text)
        except yaml.YAMLError as err:
            fail(f"{rel}: invalid YAML: {err}")
        for cmd in ("dossier check --strict", "dossier build"):
            if cmd not in text:
                fail(f"{rel}: does not run `{cmd}`")
        # Pull requests run plain `check` (invalid input fails them, gaps do not); --strict runs elsewhere.
        if not re.search(r"dossier check\s*$", text, re.MULTILINE):
            fail(f"{rel}: does not run plain `dossier check` for pull requests")
        if re.search(r"\b(main|master)\b", text):
            fail(f"{rel}: names a branch; use the repository's default branch")
        if "DOSSIER_PUBLISH_PAGES" not in text:
            fail(f"{rel}: publishes the site without an opt-in")
    if not os.path.isfile(os.path.join(root, "NOTES.md")):
        fail("NOTES.md missing")

    return report(len(controls), coverage, catalog, len(narratives), readmes, area_controls)


def report(n_controls, coverage, catalog, n_narratives, n_readmes, area_controls=None):
    print(f"controls:   {n_controls}")
    by_cat = collections.OrderedDict()
    for k, cat in catalog.items():
        total, covered = by_cat.get(cat, (0, 0))
        by_cat[cat] = (total + 1, covered + (1 if k in coverage else 0))
    print(f"criteria:   {sum(1 for k in catalog if k in coverage)}/{len(catalog)} mapped")
    for cat, (total, covered) in by_cat.items():
        print(f"  {cat:<22}{covered}/{total}")
    if area_controls:
        print("areas:      " + ", ".join(f"{a} ({len(v)})" for a, v in sorted(area_controls.items())))
    print(f"narratives: {n_narratives}")
    print(f"readmes:    {n_readmes}")
    if failures:
        print(f"\nFAILED: {len(failures)} problem(s)")
        for f in failures:
            print("  - " + f)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
