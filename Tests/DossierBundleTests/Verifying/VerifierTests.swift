import DossierArchive
import DossierTestSupport
import Foundation
import Testing

@testable import DossierBundle

@Suite struct VerifierTests {
    func verify(_ path: String, limits: VerifyLimits = VerifyLimits()) throws(VerifyError) -> VerificationReport {
        try BundleVerifier(limits: limits).verify(path: path)
    }

    /// The problems of a tampered copy of a fresh bundle.
    func problems(_ format: ArchiveFormat = .zip, _ transform: ([ReadEntry]) -> [ReadEntry]) throws -> [String] {
        let original = try bundle(BundleWorkspace.make(), format: format).path
        let report = try verify(try rewrite(original, format: format, transform))
        #expect(!report.intact)
        return report.problems
    }

    @Test(arguments: [ArchiveFormat.zip, .tarGzip])
    func anIntactBundleVerifiesWithItsSummary(_ format: ArchiveFormat) throws {
        let repo = BundleWorkspace.make()
        let result = try bundle(repo, format: format)
        let report = try verify(result.path)
        #expect(report.problems == [])
        #expect(report.intact)
        #expect(report.sha256 == result.sha256)
        #expect(report.size == result.size)
        #expect(report.bundle == result.name.fileName(format))
        #expect(report.name == result.name.description)
        #expect(report.organization == "Acme Cloud, Inc.")
        #expect(report.commit == repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(report.asOf == "2026-03-31")
        #expect(report.files == result.payloadFiles)
        #expect(report.bytes == result.payloadBytes)
    }

    @Test(arguments: [ArchiveFormat.zip, .tarGzip])
    func aChangedByteIsCaughtByBothManifests(_ format: ArchiveFormat) throws {
        let found = try problems(format) { entries in
            entries.map { entry in
                guard entry.relative == "data/evidence/hr/training.csv" else { return entry }
                var changed = entry
                changed.bytes[0] ^= 0x20
                return changed
            }
        }
        #expect(found.contains { $0.contains("data/evidence/hr/training.csv") && $0.contains("SHA-256") })
        #expect(found.contains { $0.contains("data/evidence/hr/training.csv") && $0.contains("SHA-512") })
    }

    @Test func anExtraFileIsCaught() throws {
        let found = try problems { entries in
            var extra = entries.first { $0.relative == "data/readiness.json" }!
            extra.header.path = extra.header.path.replacingOccurrences(
                of: "readiness.json", with: "evidence/planted.pdf")
            return entries + [extra]
        }
        #expect(
            found.contains {
                $0.contains("data/evidence/planted.pdf") && $0.contains("not listed in manifest-sha256.txt")
            })
        #expect(found.contains { $0.contains("Payload-Oxum") })
    }

    @Test func aMissingFileIsCaught() throws {
        let found = try problems(.tarGzip) { $0.filter { $0.relative != "data/evidence/ops/backup.sh" } }
        #expect(found.contains { $0.contains("data/evidence/ops/backup.sh") && $0.contains("missing") })
        #expect(found.contains { $0.contains("Payload-Oxum") })
    }

    @Test func anEditedTagFileIsCaught() throws {
        let found = try problems { entries in
            entries.map { entry in
                guard entry.relative == "bag-info.txt" else { return entry }
                var edited = entry
                edited.bytes = Array(entry.text.replacingOccurrences(of: "Acme Cloud, Inc.", with: "Other Corp").utf8)
                return edited
            }
        }
        #expect(
            found.contains {
                $0.contains("bag-info.txt") && $0.contains("tagmanifest-sha256.txt") && $0.contains("edited")
            })
    }

    @Test func anEditedManifestIsCaughtByTheTagManifest() throws {
        let found = try problems { entries in
            entries.map { entry in
                guard entry.relative == "manifest-sha256.txt" else { return entry }
                var edited = entry
                edited.bytes = Array(entry.text.split(separator: "\n").dropLast().map { $0 + "\n" }.joined().utf8)
                return edited
            }
        }
        #expect(found.contains { $0.contains("manifest-sha256.txt") && $0.contains("tagmanifest") })
        #expect(found.contains { $0.contains("not listed in manifest-sha256.txt") })
    }

    @Test(arguments: [ArchiveFormat.zip, .tarGzip])
    func aDuplicateEntryIsCaught(_ format: ArchiveFormat) throws {
        let found = try problems(format) { entries in
            entries + [entries.first { $0.relative == "data/evidence/hr/training.csv" }!]
        }
        #expect(found.contains { $0.contains("data/evidence/hr/training.csv") && $0.contains("more than once") })
    }

    @Test func caseTwinsAreCaught() throws {
        let found = try problems { entries in
            var upper = entries.first { $0.relative == "data/evidence/hr/training.csv" }!
            upper.header.path = upper.header.path.replacingOccurrences(of: "training.csv", with: "TRAINING.csv")
            return entries + [upper]
        }
        #expect(
            found.contains { $0.contains("TRAINING.csv") && $0.contains("same name on macOS and Windows") }, "\(found)")
    }

    /// libarchive hands names back in NFC, so an NFD twin of a name arrives as an exact duplicate; either
    /// way it is refused. (The CLI tests build such an archive with Python.)
    @Test func normalisationTwinsAreCaught() throws {
        let found = try problems { entries in
            var nfd = entries.first { $0.relative == "data/evidence/access/Zoë résumé.txt" }!
            nfd.header.path = nfd.header.path.prefix { $0 != "/" } + "/data/evidence/access/Zoe\u{308} résumé.txt"
            return entries + [nfd]
        }
        #expect(
            found.contains { $0.contains("résumé.txt") && ($0.contains("more than once") || $0.contains("same name")) },
            "\(found)")
    }

    @Test func anEntryOutsideTheBagFolderIsCaught() throws {
        let found = try problems { entries in
            var stray = entries.first { $0.relative == "bagit.txt" }!
            stray.header.path = "elsewhere/bagit.txt"
            return entries + [stray]
        }
        #expect(found.contains { $0.contains("elsewhere/bagit.txt") && $0.contains("outside the bag's folder") })
    }

    @Test func overLargeEntriesStopVerification() throws {
        var limits = VerifyLimits()
        limits.maxEntryBytes = 100_000
        let report = try verify(try bundle(BundleWorkspace.make(), format: .tarGzip).path, limits: limits)
        #expect(!report.intact)
        #expect(report.problems.count == 1)
        #expect(report.problems[0].contains("okta.png") && report.problems[0].contains("over-large"))
    }

    @Test func overCompressedArchivesStopVerification() throws {
        let repo = BundleWorkspace.make()
        repo.directory.write("evidence/ops/zeros.log", bytes: [UInt8](repeating: 0x30, count: 4 << 20))
        repo.commit("a very repetitive log", date: "2026-03-02")
        let path = try bundle(repo).path
        #expect(try verify(path).intact)
        var limits = VerifyLimits()
        limits.maxCompressionRatio = 5
        limits.ratioAllowance = 0
        let report = try verify(path, limits: limits)
        #expect(report.problems.contains { $0.contains("over-compressed") })
    }

    @Test func aTruncatedArchiveIsNotIntactOrNotReadable() throws {
        let path = try bundle(BundleWorkspace.make(), format: .tarGzip).path
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let cut = path + ".cut.tar.gz"
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: cut))
        do {
            #expect(try !verify(cut).intact)
        } catch {
            #expect(error.message.contains("cannot read") || error.message.contains("not a zip"))
        }
    }

    @Test func filesThatAreNotArchivesAreUnreadable() throws {
        let dir = TemporaryDirectory()
        let garbage = dir.write("garbage.zip", "this is not an archive\n")
        #expect(throws: VerifyError.self) { try verify(garbage) }
        #expect(throws: VerifyError.self) { try verify(dir.path + "/missing.zip") }
        #expect(throws: VerifyError.self) { try verify(dir.path) }
    }
}
