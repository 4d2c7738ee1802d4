import DossierTestSupport
import Foundation
import Testing

@Suite struct VerifyCommandTests {
    /// A tampered copy of a fresh bundle, made with Python's zipfile/tarfile.
    func tampered(_ format: String, _ action: String) -> (BundledWorkspace, String) {
        let bundled = bundleCLI(format: format)
        let copy = bundled.output.path + "/tampered." + format
        let run = Command.run(
            "/usr/bin/env", ["python3", "-W", "ignore", "-c", tamperScript, bundled.path, copy, action])
        #expect(run.status == 0, "\(run.stderr)")
        return (bundled, copy)
    }

    @Test(arguments: ["zip", "tar.gz"])
    func anIntactBundleExits0WithASummaryForTheWorkingPapers(_ format: String) throws {
        let bundled = bundleCLI(format: format)
        let run = Dossier.run(["verify", bundled.path], in: bundled.output.path)
        #expect(run.status == 0, "\(run.stdout)")
        let sha = tool("sha256sum", [bundled.path], package: "coreutils").stdout.prefix(64)
        let head = bundled.repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        for line in [
            "Bundle        acme-cloud-inc-soc2-20260331T120000Z.\(format)", "SHA-256       \(sha)",
            "Organisation  Acme Cloud, Inc.", "Commit        \(head)", "As of         2026-03-31",
        ] {
            #expect(run.stdout.contains(line + "\n"), "\(line)\n\(run.stdout)")
        }
        let payload = listing(bundled.path).payload
        #expect(run.stdout.contains("Files         \(payload) payload files, "))
        #expect(run.stdout.contains("Result        intact"))

        let json = Dossier.run(["verify", bundled.path, "--json"], in: bundled.output.path)
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdoutBytes)) as? [String: Any])
        #expect(document["intact"] as? Bool == true)
        #expect(document["sha256"] as? String == String(sha))
        #expect(document["commit"] as? String == head)
        #expect(document["files"] as? Int == payload)
        #expect((document["problems"] as? [Any])?.isEmpty == true)
    }

    static let tampering: [(String, String)] = [
        ("change-byte", "data/evidence/hr/training.csv` does not match its SHA-256"),
        ("missing", "data/evidence/hr/training.csv` is listed in manifest-sha256.txt but missing"),
        ("extra", "data/evidence/planted.txt` is in the bundle but not listed in manifest-sha256.txt"),
        ("edit-tag", "bag-info.txt` does not match its SHA-256 in tagmanifest-sha256.txt"),
        ("traversal", "contains a `..` segment (path traversal)"),
        ("absolute", "`/tmp/evil.txt` is an absolute path"),
        ("symlink", "data/evidence/link.csv` is a symbolic link (to `/etc/passwd`)"),
        ("duplicate", "data/evidence/hr/training.csv` appears more than once"),
        ("twin", "résumé.txt` appears more than once"),
    ]

    @Test(arguments: ["zip", "tar.gz"])
    func eachKindOfTamperingExits1WithTheProblemListed(_ format: String) throws {
        for (action, expected) in Self.tampering {
            let (bundled, copy) = tampered(format, action)
            let run = Dossier.run(["verify", copy], in: bundled.output.path)
            #expect(run.status == 1, "\(format) \(action): \(run.stdout)\(run.stderr)")
            #expect(run.stdout.contains("Result        NOT INTACT"), "\(format) \(action)")
            #expect(run.stdout.contains(expected), "\(format) \(action): expected \(expected)\n\(run.stdout)")
        }
    }

    @Test func aHardLinkEntryIsRefused() {
        let (bundled, copy) = tampered("tar.gz", "hardlink")
        let run = Dossier.run(["verify", copy, "--json"], in: bundled.output.path)
        #expect(run.status == 1)
        #expect(run.stdout.contains("is a hard link"))
    }

    @Test(arguments: ["zip", "tar.gz"])
    func aFlippedByteInTheArchiveItselfIsNotIntact(_ format: String) throws {
        let bundled = bundleCLI(format: format)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: bundled.path)))
        // Inside okta.png's stored or compressed data, far from any header.
        let offset = format == "zip" ? Self.offset(of: "okta.png", in: bytes) + 5_000 : bytes.count / 2
        bytes[offset] ^= 0xFF
        let damaged = bundled.output.path + "/damaged." + format
        try Data(bytes).write(to: URL(fileURLWithPath: damaged))
        let run = Dossier.run(["verify", damaged], in: bundled.output.path)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("NOT INTACT"))
    }

    static func offset(of name: String, in bytes: [UInt8]) -> Int {
        bytes.firstRange(of: Array(name.utf8))!.upperBound
    }

    @Test func unreadableFilesAndMisuseExit2() throws {
        let dir = TemporaryDirectory()
        let garbage = dir.write("garbage.zip", "not an archive\n")
        for arguments in [
            ["verify", garbage], ["verify", dir.path + "/missing.zip"], ["verify", dir.path], ["verify"],
        ] {
            let run = Dossier.run(arguments, in: dir.path)
            #expect(run.status == 2, "\(arguments): \(run.stdout)\(run.stderr)")
        }
        let json = Dossier.run(["verify", garbage, "--json"], in: dir.path)
        #expect(json.status == 2)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdoutBytes)) as? [String: Any])
        #expect(document["intact"] as? Bool == false)
        #expect(document["error"] is String)
    }
}
