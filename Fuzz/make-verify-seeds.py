#!/usr/bin/env python3
"""Writes the seed bundles of the `verify` fuzz target into corpus/verify/: a small intact bag as zip and as
tar.gz, and one whose payload no longer matches its manifests. Deterministic (fixed times, sorted entries),
so running it again changes nothing."""
import gzip, hashlib, io, os, tarfile, zipfile

ROOT = "acme-2026-12-01"
PAYLOAD = {
    "data/evidence/access/mfa.csv": b"user,mfa\nana,yes\nbo,yes\n",
    "data/site/index.html": b"<!doctype html><title>Acme</title><p>Ready.\n",
}


def bag(payload):
    files = {"bagit.txt": b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"}
    size = sum(len(v) for v in payload.values())
    files["bag-info.txt"] = (
        f"Source-Organization: Acme\nExternal-Identifier: {ROOT}\nPayload-Oxum: {size}.{len(payload)}\n".encode()
    )
    for name, algorithm in (("sha256", hashlib.sha256), ("sha512", hashlib.sha512)):
        files[f"manifest-{name}.txt"] = "".join(
            f"{algorithm(v).hexdigest()}  {k}\n" for k, v in sorted(payload.items())
        ).encode()
    tags = dict(files)
    for name, algorithm in (("sha256", hashlib.sha256), ("sha512", hashlib.sha512)):
        files[f"tagmanifest-{name}.txt"] = "".join(
            f"{algorithm(v).hexdigest()}  {k}\n" for k, v in sorted(tags.items())
        ).encode()
    files.update(payload)
    return {f"{ROOT}/{k}": v for k, v in sorted(files.items())}


def write_zip(path, files):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 12, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def write_tgz(path, files):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as t:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), 1764547200, 0o644
            t.addfile(info, io.BytesIO(data))
    with open(path, "wb") as out:
        out.write(gzip.compress(raw.getvalue(), mtime=0))


here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "verify")
intact = bag(PAYLOAD)
write_zip(os.path.join(here, "intact.zip"), intact)
write_tgz(os.path.join(here, "intact.tar.gz"), intact)
tampered = dict(intact)
tampered[f"{ROOT}/data/evidence/access/mfa.csv"] = b"user,mfa\nana,yes\nbo,no\n"
write_zip(os.path.join(here, "tampered.zip"), tampered)
write_tgz(os.path.join(here, "tampered.tar.gz"), tampered)
