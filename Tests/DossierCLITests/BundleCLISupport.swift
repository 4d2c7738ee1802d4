import DossierTestSupport
import Foundation
import Testing

/// 2026-03-31T12:00:00Z, after every commit of `BundleWorkspace`.
let sourceDateEpoch = "1774958400"

/// A bundled copy of `BundleWorkspace` and where it went.
struct BundledWorkspace {
    let repo: GitFixture
    let output: TemporaryDirectory
    let result: Command.Result
    var path: String { output.path + "/acme-cloud-inc-soc2-20260331T120000Z." + format }
    let format: String
}

func bundleCLI(
    format: String = "zip", repo: GitFixture = BundleWorkspace.make(), environment: [String: String] = [:],
    extra: [String] = []
) -> BundledWorkspace {
    let output = TemporaryDirectory("dossier-cli-bundle")
    var env = ["SOURCE_DATE_EPOCH": sourceDateEpoch]
    for (k, v) in environment { env[k] = v }
    let result = Dossier.run(
        ["bundle", repo.path, "-o", output.path, "--format", format] + extra, in: repo.path, environment: env)
    return BundledWorkspace(repo: repo, output: output, result: result, format: format)
}

/// Runs a tool and expects it to succeed; the message names the Debian package that provides it.
@discardableResult
func tool(
    _ name: String, _ arguments: [String], in directory: String? = nil, package: String,
    sourceLocation: SourceLocation = #_sourceLocation
) -> Command.Result {
    let result = Command.run("/usr/bin/env", [name] + arguments, in: directory)
    #expect(
        result.status == 0,
        "\(name) \(arguments.joined(separator: " ")) failed (is \(package) installed? `make test-deps`): \(result.stderr)",
        sourceLocation: sourceLocation)
    return result
}

/// Regular files in an archive and those under the bag's `data/`, counted by Python's zipfile/tarfile.
func listing(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> (files: Int, payload: Int) {
    let run = BundleWorkspace.python(
        """
        import sys, tarfile, zipfile
        src = sys.argv[1]
        if src.endswith(".zip"):
            names = [i.filename for i in zipfile.ZipFile(src).infolist() if not i.is_dir()]
        else:
            names = [m.name for m in tarfile.open(src).getmembers() if m.isfile()]
        print(len(names), sum(1 for n in names if n.split("/", 1)[1].startswith("data/")))
        """, [path])
    #expect(run.status == 0, "\(run.stderr)", sourceLocation: sourceLocation)
    let numbers = run.stdout.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
    return numbers.count == 2 ? (numbers[0], numbers[1]) : (0, 0)
}

/// Python that rewrites a bundle with one kind of tampering: `python3 -c tamperScript SRC DST ACTION`.
let tamperScript = #"""
    import io, sys, tarfile, zipfile

    src, dst, action = sys.argv[1:4]
    if src.endswith(".zip"):
        z = zipfile.ZipFile(src)
        items = [(i.filename.rstrip("/"), None if i.is_dir() else z.read(i)) for i in z.infolist()]
    else:
        t = tarfile.open(src)
        items = [(m.name.rstrip("/"), t.extractfile(m).read() if m.isfile() else None) for m in t.getmembers()]
    root = items[0][0]
    target = root + "/data/evidence/hr/training.csv"
    out, links = [], []
    for name, data in items:
        if name == target and action == "missing":
            continue
        if name == target and action == "change-byte":
            data = bytes([data[0] ^ 0x20]) + data[1:]
        if name == root + "/bag-info.txt" and action == "edit-tag":
            data = data.replace(b"Acme Cloud, Inc.", b"Other Corp")
        out.append((name, data))
    out += {
        "extra": [(root + "/data/evidence/planted.txt", b"planted\n")],
        "traversal": [(root + "/data/../../evil.txt", b"evil\n")],
        "absolute": [("/tmp/evil.txt", b"evil\n")],
        "duplicate": [(target, b"second copy\n")],
        "twin": [(root + "/data/evidence/access/Zoe\u0308 r\u00e9sum\u00e9.txt", b"twin\n")],
    }.get(action, [])
    if action in ("symlink", "hardlink"):
        links.append((root + "/data/evidence/link.csv", "/etc/passwd" if action == "symlink" else target))

    if dst.endswith(".zip"):
        with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in out:
                if data is None:
                    z.writestr(zipfile.ZipInfo(name + "/"), b"")
                else:
                    z.writestr(zipfile.ZipInfo(name), data)
            for name, link in links:
                info = zipfile.ZipInfo(name)
                info.create_system = 3
                info.external_attr = 0o120777 << 16
                z.writestr(info, link)
    else:
        with tarfile.open(dst, "w:gz", format=tarfile.PAX_FORMAT) as t:
            for name, data in out:
                info = tarfile.TarInfo(name)
                if data is None:
                    info.type = tarfile.DIRTYPE
                    t.addfile(info)
                else:
                    info.size = len(data)
                    t.addfile(info, io.BytesIO(data))
            for name, link in links:
                info = tarfile.TarInfo(name)
                info.type = tarfile.SYMTYPE if action == "symlink" else tarfile.LNKTYPE
                info.linkname = link
                t.addfile(info)
    """#

/// Unpacks an archive with Python's own zipfile/tarfile into `directory`.
let unpackScript = #"""
    import sys, tarfile, zipfile
    src, dst = sys.argv[1:3]
    (zipfile.ZipFile(src) if src.endswith(".zip") else tarfile.open(src)).extractall(dst)
    """#
