import DossierTestSupport
import Foundation
import Testing

@Suite struct BundleCommandTests {
    @Test(arguments: ["zip", "tar.gz"])
    func printsPathSizeFileCountAndItsOwnSHA256(_ format: String) throws {
        let bundled = bundleCLI(format: format)
        #expect(bundled.result.status == 0, "\(bundled.result.stderr)")
        let lines = bundled.result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "bundle  \(bundled.path)")
        let size = try #require(FileManager.default.attributesOfItem(atPath: bundled.path)[.size] as? Int)
        #expect(lines.contains { $0.hasPrefix("size    \(size) bytes") })
        let counted = listing(bundled.path)
        #expect(counted.payload > 12, "the site's pages are payload too")
        let filesLine = "files   \(counted.files) (\(counted.payload) payload files,"
        #expect(lines.contains { $0.hasPrefix(filesLine) }, "\(lines)")
        let sha = tool("sha256sum", [bundled.path], package: "coreutils").stdout.prefix(64)
        #expect(lines.contains("sha256  \(sha)"))
        #expect(!bundled.result.stderr.contains("\u{1B}["), "no progress bar when stderr is not a terminal")
        #expect(Dossier.run(["verify", bundled.path], in: bundled.output.path).status == 0)
    }

    @Test func theSiteIsInTheBagAndShowsTheManifestDigests() throws {
        let bundled = bundleCLI(format: "tar.gz")
        #expect(bundled.result.status == 0, "\(bundled.result.stderr)")
        let check = BundleWorkspace.python(
            """
            import re, sys, tarfile
            t = tarfile.open(sys.argv[1])
            root = t.getmembers()[0].name
            read = lambda name: t.extractfile(root + "/" + name).read().decode()
            names = t.getnames()
            assert root + "/data/site/index.html" in names, names
            assert root + "/data/site/evidence.html" in names, names
            assert not any("/data/site/files/" in n for n in names), "evidence is not copied into the site"
            evidence = {l.split("  ", 1)[1]: l.split("  ", 1)[0] for l in read("manifest-sha256.txt").splitlines()
                        if l.split("  ", 1)[1].startswith("data/evidence/") or l.split("  ", 1)[1].startswith("data/reports/")}
            shown = set(re.findall(r"[0-9a-f]{64}", read("data/site/evidence.html")))
            assert set(evidence.values()) <= shown, (evidence, shown)
            """, [bundled.path])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func zipOpensCleanlyWithUnzipBsdtarAndPythonWithNamesIntact() throws {
        let bundled = bundleCLI(format: "zip")
        let name = "acme-cloud-inc-soc2-20260331T120000Z/data/evidence/access/Zoë résumé.txt"
        #expect(tool("unzip", ["-t", bundled.path], package: "unzip").stdout.contains("No errors detected"))
        #expect(
            tool("bsdtar", ["-tf", bundled.path], package: "libarchive-tools").stdout.split(separator: "\n").contains(
                Substring(name)))
        let python = BundleWorkspace.python(
            """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            names = z.namelist()
            assert sys.argv[2] in names, names
            stored = {i.filename.rsplit("/", 1)[-1]: i.compress_type for i in z.infolist()}
            assert stored["okta.png"] == zipfile.ZIP_STORED and stored["restore-test.pdf"] == zipfile.ZIP_STORED, stored
            assert stored["mfa-2026-01.csv"] == zipfile.ZIP_DEFLATED, stored
            print(len(names))
            """, [bundled.path, name])
        #expect(python.status == 0, "\(python.stderr)")
    }

    @Test func tarGzOpensCleanlyWithGNUTarBsdtarAndPythonWithNamesIntact() throws {
        let bundled = bundleCLI(format: "tar.gz")
        let name = "acme-cloud-inc-soc2-20260331T120000Z/data/evidence/access/Zoë résumé.txt"
        #expect(
            tool("tar", ["-tzf", bundled.path], package: "tar").stdout.split(separator: "\n").contains(Substring(name)))
        #expect(
            tool("bsdtar", ["-tf", bundled.path], package: "libarchive-tools").stdout.split(separator: "\n").contains(
                Substring(name)))
        let listing = tool("tar", ["-tvzf", bundled.path], package: "tar").stdout
        #expect(listing.split(separator: "\n").allSatisfy { $0.contains(" root/root ") })
        let python = BundleWorkspace.python(
            """
            import sys, tarfile
            t = tarfile.open(sys.argv[1])
            members = t.getmembers()
            assert sys.argv[2] in [m.name for m in members]
            assert all(m.isfile() or m.isdir() for m in members)
            assert all(m.uid == 0 and m.gid == 0 for m in members)
            assert all(m.mode in (0o644, 0o755) for m in members)
            assert all("atime" not in m.pax_headers and "ctime" not in m.pax_headers for m in members)
            for m in members:
                if m.isfile():
                    t.extractfile(m).read()
            """, [bundled.path, name])
        #expect(python.status == 0, "\(python.stderr)")
    }

    @Test(arguments: ["zip", "tar.gz"])
    func theUnpackedBagValidatesWithTheLibraryOfCongressValidator(_ format: String) throws {
        let repo = BundleWorkspace.make()
        repo.write("evidence/hr/Zoe\u{308} NFD.csv", "name\nzoe\n")  // as committed from a Mac
        repo.commit("an NFD name", date: "2026-03-02")
        let bundled = bundleCLI(format: format, repo: repo)
        #expect(bundled.result.status == 0, "\(bundled.result.stderr)")
        let unpacked = TemporaryDirectory("dossier-unpacked")
        let unpack = BundleWorkspace.python(unpackScript, [bundled.path, unpacked.path])
        #expect(unpack.status == 0, "\(unpack.stderr)")
        let bag = unpacked.path + "/acme-cloud-inc-soc2-20260331T120000Z"
        let validate = Command.run("/usr/bin/env", ["python3", "-m", "bagit", "--validate", bag])
        #expect(
            validate.status == 0, "bagit --validate failed (is bagit installed? `make test-deps`): \(validate.stderr)")
        #expect(validate.stderr.contains("is valid"))
    }

    static let environments: [[String: String]] = [
        ["TZ": "UTC", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "UMASK": "022"],
        ["TZ": "Pacific/Kiritimati", "LANG": "C", "LC_ALL": "C", "UMASK": "077"],
        ["TZ": "America/St_Johns", "LANG": "fr_FR.UTF-8", "LC_ALL": "", "UMASK": "002"],
        ["TZ": "Asia/Kolkata", "LANG": "", "LC_ALL": "POSIX", "UMASK": "027"],
    ]

    @Test(arguments: ["zip", "tar.gz"])
    func sameCommitAndSourceDateEpochGiveTheSameBytesWhateverTheEnvironment(_ format: String) throws {
        let repo = BundleWorkspace.make()
        var digests = Set<String>()
        for environment in Self.environments {
            let output = TemporaryDirectory("dossier-repro")
            var env = ProcessInfo.processInfo.environment
            for (k, v) in environment where k != "UMASK" { env[k] = v }
            env["SOURCE_DATE_EPOCH"] = sourceDateEpoch
            let run = Command.run(
                "/bin/sh",
                [
                    "-c", "umask \(environment["UMASK"]!); exec \"$0\" \"$@\"", Dossier.executable,
                    "bundle", repo.path, "-o", output.path, "--format", format, "--quiet",
                ],
                in: repo.path, environment: env)
            #expect(run.status == 0, "\(environment): \(run.stderr)")
            let file = output.path + "/acme-cloud-inc-soc2-20260331T120000Z." + format
            digests.insert(tool("sha256sum", [file], package: "coreutils").stdout.prefix(64).description)
        }
        #expect(digests.count == 1, "\(digests)")
    }

    @Test func dirtyEvidenceExits2NamingEachFileUnlessAllowed() throws {
        let repo = BundleWorkspace.make()
        repo.write("evidence/access/mfa-2026-01.csv", "edited\n")
        repo.write("evidence/ops/new-export.csv", "untracked\n")
        let refused = bundleCLI(repo: repo)
        #expect(refused.result.status == 2)
        #expect(refused.result.stderr.contains("evidence/access/mfa-2026-01.csv"))
        #expect(refused.result.stderr.contains("evidence/ops/new-export.csv"))
        #expect(refused.result.stderr.contains("--allow-dirty"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: refused.output.path).isEmpty)

        let allowed = bundleCLI(repo: repo, extra: ["--allow-dirty"])
        #expect(allowed.result.status == 0, "\(allowed.result.stderr)")
        #expect(
            allowed.result.stderr.contains("evidence/access/mfa-2026-01.csv: warning: shipped with uncommitted changes")
        )
        // An untracked file cannot be shipped: the console says it was left out, not only bag-info.txt.
        #expect(allowed.result.stderr.contains("evidence/ops/new-export.csv: warning: left out of the bundle"))
        let verify = Dossier.run(["verify", allowed.path], in: repo.path)
        #expect(verify.status == 0)
    }

    @Test func aMalformedSourceDateEpochIsMisuse() {
        let bundled = bundleCLI(environment: ["SOURCE_DATE_EPOCH": "2026-03-31"])
        #expect(bundled.result.status == 2)
        #expect(bundled.result.stderr.contains("SOURCE_DATE_EPOCH"))
    }

    @Test func anInvalidWorkspaceExits2WithItsDiagnostics() {
        let repo = BundleWorkspace.make()
        repo.write("controls.yaml", "dossier: 1\norganization: Acme\ncontrols: [oops\n")
        repo.commit("broken", date: "2026-03-02")
        let bundled = bundleCLI(repo: repo)
        #expect(bundled.result.status == 2)
        #expect(bundled.result.stderr.contains("controls.yaml:"))
        #expect(bundled.result.stderr.contains("fix them before bundling"))
    }

    @Test func theDefaultOutputFolderIsAGitIgnoredDist() throws {
        let repo = BundleWorkspace.make()
        repo.git("rm", "-q", ".gitignore")
        repo.commit("no ignore file", date: "2026-03-02")
        let run = Dossier.run(["bundle"], in: repo.path, environment: ["SOURCE_DATE_EPOCH": sourceDateEpoch])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(repo.directory.exists("dist/acme-cloud-inc-soc2-20260331T120000Z.zip"))
        #expect(repo.git("status", "--porcelain", "--untracked-files=all").isEmpty)
        // A second bundle of the same commit is not refused as dirty because of the first.
        #expect(
            Dossier.run(
                ["bundle", "--format", "tar.gz"], in: repo.path, environment: ["SOURCE_DATE_EPOCH": sourceDateEpoch]
            ).status == 0)
    }

    /// `check` warns, `bundle` refuses, `--allow-secrets` ships with a warning: each names file, line and
    /// kind, and none prints the secret or its source line.
    @Test func secretsAreNamedByFileAndLineButNeverPrinted() throws {
        let repo = BundleWorkspace.make()
        repo.write("evidence/ops/env-export.txt", "REGION=eu-west-1\nAWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n")
        repo.commit("env export", date: "2026-03-02")
        let checked = Dossier.run(["check", repo.path], in: repo.path)
        #expect(checked.stdout.contains("evidence/ops/env-export.txt:2: warning:"))
        #expect(checked.stdout.contains("[secret.found]"))
        #expect(checked.stdout.contains("evidence/ops/env-export.txt:2:aws-access-key <reason>"))
        #expect(!(checked.stdout + checked.stderr).contains("AKIAIOSFODNN7EXAMPLE"))

        let refused = bundleCLI(repo: repo)
        #expect(refused.result.status == 2)
        #expect(refused.result.stderr.contains("evidence/ops/env-export.txt:2: error:"))
        #expect(refused.result.stderr.contains("[bundle.secret-unacknowledged]"))
        #expect(refused.result.stderr.contains("--allow-secrets"))
        #expect(!refused.result.stderr.contains("AKIAIOSFODNN7EXAMPLE"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: refused.output.path).isEmpty)

        let allowed = bundleCLI(repo: repo, extra: ["--allow-secrets"])
        #expect(allowed.result.status == 0)
        #expect(allowed.result.stderr.contains("evidence/ops/env-export.txt:2: warning:"))
        #expect(allowed.result.stderr.contains("AWS access key"))
        #expect(!allowed.result.stderr.contains("AKIAIOSFODNN7EXAMPLE"))
        // The auditor's side: verify says what was shipped unacknowledged.
        let archive = try #require(
            try FileManager.default.contentsOfDirectory(atPath: allowed.output.path).first { $0.hasSuffix(".zip") })
        let verified = Dossier.run(["verify", allowed.output.path + "/" + archive], in: repo.path)
        #expect(verified.status == 0)
        #expect(verified.stdout.contains("Secrets       1 shipped unacknowledged (--allow-secrets)"))
        #expect(verified.stdout.contains("allowed: evidence/ops/env-export.txt:2:aws-access-key"))
    }
}
