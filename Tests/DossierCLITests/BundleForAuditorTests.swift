import DossierTestSupport
import Foundation
import Testing

/// What an auditor meets inside a bundle: a README, a site whose evidence paths open the files beside it, stock
/// tools that check it, and a `verify` that says how it was made and what a damaged file is.
@Suite struct BundleForAuditorTests {
    static let bagName = "acme-cloud-inc-soc2-20260331T120000Z"

    /// Unpacks a bundle with Python's zipfile/tarfile and returns the bag's folder.
    func unpack(_ bundled: BundledWorkspace, into directory: TemporaryDirectory) -> String {
        let run = BundleWorkspace.python(unpackScript, [bundled.path, directory.path])
        #expect(run.status == 0, "\(run.stderr)")
        return directory.path + "/" + Self.bagName
    }

    @Test(arguments: ["zip", "tar.gz"])
    func theBagHasAReadmeAndChecksWithStockTools(_ format: String) throws {
        let bundled = bundleCLI(format: format)
        #expect(bundled.result.status == 0, "\(bundled.result.stderr)")
        let unpacked = TemporaryDirectory("dossier-unpacked")
        let bag = unpack(bundled, into: unpacked)
        let readme = try #require(unpacked.read(Self.bagName + "/README.txt"))
        for expected in [
            Self.bagName, "Acme Cloud, Inc.", "as of 2026-03-31", "Working tree: clean.", "data/site/index.html",
            "data/evidence/", "sha256sum -c manifest-sha256.txt", "sha256sum -c tagmanifest-sha256.txt",
            "bagit.py --validate .", "dossier verify",
        ] {
            #expect(readme.contains(expected), "\(expected)")
        }
        let tags = try #require(unpacked.read(Self.bagName + "/tagmanifest-sha256.txt"))
        #expect(tags.contains("  README.txt\n"), "README.txt is a tag file, checked like bag-info.txt")
        for manifest in ["manifest-sha256.txt", "tagmanifest-sha256.txt", "manifest-sha512.txt"] {
            let program = manifest.hasSuffix("512.txt") ? "sha512sum" : "sha256sum"
            let run = tool(program, ["-c", "--strict", "--quiet", manifest], in: bag, package: "coreutils")
            #expect(run.status == 0, "\(manifest): \(run.stdout)\(run.stderr)")
        }
        let validate = Command.run("/usr/bin/env", ["python3", "-m", "bagit", "--validate", bag])
        #expect(validate.status == 0 && validate.stderr.contains("is valid"), "\(validate.stderr)")
    }

    @Test func theSiteLinksEachEvidencePathToTheFileInTheBag() throws {
        let bundled = bundleCLI(format: "zip")
        #expect(bundled.result.status == 0, "\(bundled.result.stderr)")
        let unpacked = TemporaryDirectory("dossier-unpacked")
        let bag = unpack(bundled, into: unpacked)
        let inventory = try #require(unpacked.read(Self.bagName + "/data/site/evidence.html"))
        #expect(inventory.contains("<a class=\"path\" href=\"../evidence/access/mfa-2026-01.csv\">"))
        #expect(inventory.contains("href=\"../evidence/access/Zo%C3%AB%20r%C3%A9sum%C3%A9.txt\""))
        #expect(inventory.contains("The files the controls use are in this bundle beside the site"))
        let control = try #require(unpacked.read(Self.bagName + "/data/site/controls/AC-001.html"))
        #expect(control.contains("<a href=\"../../evidence/access/mfa-2026-01.csv\">open</a>"))
        // Every link of every page resolves inside the bag's data/ folder: evidence, pages and anchors.
        let problems = SiteLinkChecker.check(SiteLinkChecker.load(bag + "/data"))
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func verifySaysWhetherTheBundleWasMadeFromADirtyTree() throws {
        let clean = bundleCLI()
        let summary = Dossier.run(["verify", clean.path], in: clean.output.path)
        #expect(summary.stdout.contains("Working tree  clean\n"), "\(summary.stdout)")

        let repo = BundleWorkspace.make()
        repo.write("evidence/access/mfa-2026-01.csv", "edited\n")
        let dirty = bundleCLI(repo: repo, extra: ["--allow-dirty"])
        #expect(dirty.result.status == 0, "\(dirty.result.stderr)")
        let run = Dossier.run(["verify", dirty.path], in: repo.path)
        #expect(run.status == 0)
        #expect(run.stdout.contains("Working tree  dirty (--allow-dirty): 1 file(s) differ from the commit"))
        #expect(run.stdout.contains("  - evidence/access/mfa-2026-01.csv (modified)\n"), "\(run.stdout)")
        let json = Dossier.run(["verify", dirty.path, "--json"], in: repo.path)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdoutBytes)) as? [String: Any])
        #expect((document["working_tree"] as? String)?.hasPrefix("dirty") == true)
        #expect(document["dirty_files"] as? [String] == ["evidence/access/mfa-2026-01.csv (modified)"])
        let unpacked = TemporaryDirectory("dossier-unpacked")
        _ = unpack(dirty, into: unpacked)
        #expect(unpacked.read(Self.bagName + "/README.txt")?.contains("Working tree: dirty (--allow-dirty)") == true)
    }

    @Test(arguments: ["zip", "tar.gz"])
    func aTruncatedBundleIsCalledThatNotAnUnrecognizedFormat(_ format: String) throws {
        let bundled = bundleCLI(format: format)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: bundled.path))
        let cut = bundled.output.path + "/cut." + format
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: cut))
        let run = Dossier.run(["verify", cut], in: bundled.output.path)
        #expect(run.status != 0)
        let said = run.stdout + run.stderr
        if format == "zip" {
            // A zip's table of contents is at its end: half a zip cannot be opened at all.
            #expect(run.status == 2)
            #expect(said.contains("looks truncated or is not a Dossier bundle"), "\(said)")
            #expect(!said.hasPrefix("error: cannot read \(cut): archive_read_open"), "\(said)")
        } else {
            // A tar.gz streams: the entries before the cut are checked, then the damage is named.
            #expect(run.status == 1 && said.contains("truncated"), "\(said)")
        }
    }
}
