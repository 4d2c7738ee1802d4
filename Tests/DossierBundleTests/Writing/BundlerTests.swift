import DossierArchive
import DossierGit
import DossierTestSupport
import Foundation
import Testing

@testable import DossierBundle
@testable import DossierCore

@Suite struct BundlerTests {
    static let payload: Set<String> = Set(
        [
            "data/controls.yaml", "data/narratives/access.md", "data/readiness.json", "data/control-matrix.csv",
            "data/provenance.csv", "data/oscal/assessment-results.json",
        ]
            + BundleWorkspace.referenced.map { "data/" + $0 })

    @Test(arguments: [ArchiveFormat.zip, .tarGzip])
    func writesOneBagFolderWithEntriesInByteOrder(_ format: ArchiveFormat) throws {
        let repo = BundleWorkspace.make()
        let result = try bundle(repo, format: format)
        #expect(result.name.description == "acme-cloud-inc-soc2-20260331T120000Z")
        #expect(result.path.hasSuffix("/acme-cloud-inc-soc2-20260331T120000Z.\(format.fileExtension)"))
        let entries = try readArchive(result.path)
        #expect(entries.allSatisfy { $0.header.path.hasPrefix(result.name.description + "/") })
        let names = entries.map(\.header.pathBytes)
        #expect(names == names.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(entries.first?.header.type == .directory)
        let files = entries.filter { $0.header.type == .regularFile }
        #expect(
            Set(files.map(\.relative))
                == Self.payload.union([
                    "bagit.txt", "bag-info.txt", "README.txt", "manifest-sha256.txt",
                    "manifest-sha512.txt", "tagmanifest-sha256.txt", "tagmanifest-sha512.txt",
                ]))
        #expect(result.files == files.count)
        #expect(result.payloadFiles == Self.payload.count)
        #expect(result.evidenceFiles == BundleWorkspace.referenced.count)
        #expect(result.size == Int64(try Data(contentsOf: URL(fileURLWithPath: result.path)).count))
    }

    /// The OSCAL export is written before `data/reports/…` and `data/provenance.csv`, yet names the SHA-256
    /// of every evidence file as archived, also those that come after it.
    @Test func theOscalExportNamesTheDigestsOfTheArchivedBytes() throws {
        let entries = try readArchive(try bundle(BundleWorkspace.make()).path)
        let document = try #require(entries["data/oscal/assessment-results.json"])
        let root = try #require(
            (try JSONSerialization.jsonObject(with: Data(document.bytes)) as? [String: Any])?["assessment-results"]
                as? [String: Any])
        let resources = try #require((root["back-matter"] as? [String: Any])?["resources"] as? [[String: Any]])
        var checked = 0
        for resource in resources {
            guard let link = (resource["rlinks"] as? [[String: Any]])?.first,
                let hash = (link["hashes"] as? [[String: String]])?.first?["value"],
                let href = link["href"] as? String
            else { continue }
            let path = "data/" + href.replacingOccurrences(of: "../", with: "").removingPercentEncoding!
            let archived = try #require(entries[path], "\(path)")
            #expect(hash == DigestPair.of(archived.bytes)[.sha256], "\(path)")
            checked += 1
        }
        #expect(checked == BundleWorkspace.referenced.count)
        #expect(entries["data/reports/vendor-review.txt"] != nil)
    }

    @Test func leavesOutUnreferencedEvidence() throws {
        let entries = try readArchive(try bundle(BundleWorkspace.make()).path)
        #expect(entries["data/evidence/unreferenced.txt"] == nil)
        #expect(entries["data/evidence/access/Zoë résumé.txt"]?.text == "Zoë completed the access review.\n")
    }

    @Test func modesAndTimesAreFixed() throws {
        let entries = try readArchive(try bundle(BundleWorkspace.make(), format: .tarGzip).path)
        for entry in entries {
            let expected: UInt16 =
                entry.header.type == .directory || entry.relative == "data/evidence/ops/backup.sh" ? 0o755 : 0o644
            #expect(entry.header.permissions == expected, "\(entry.relative)")
        }
        // Evidence carries its commit time; generated files and folders the bundle time.
        let january15: Int64 = 1_768_478_400  // 2026-01-15T12:00Z
        let march1: Int64 = 1_772_366_400  // 2026-03-01T12:00Z
        #expect(entries["data/evidence/access/okta.png"]?.header.modificationTime == january15)
        #expect(entries["data/reports/vendor-review.txt"]?.header.modificationTime == march1)
        #expect(entries["data/readiness.json"]?.header.modificationTime == bundleTime)
        #expect(entries["data"]?.header.modificationTime == bundleTime)
    }

    @Test func commitTimesAreClampedToTheBundleTime() throws {
        let early: Int64 = 1_770_000_000  // 2026-02-02, before the last two commits
        let entries = try readArchive(try bundle(BundleWorkspace.make(), format: .tarGzip, time: early).path)
        #expect(entries.allSatisfy { $0.header.modificationTime <= early })
        #expect(entries["data/evidence/access/okta.png"]?.header.modificationTime == 1_768_478_400)
    }

    @Test func manifestsAndOxumDescribeTheBytesShipped() throws {
        let entries = try readArchive(try bundle(BundleWorkspace.make()).path)
        let payload = entries.filter { $0.header.type == .regularFile && $0.relative.hasPrefix("data/") }
        for algorithm in DigestAlgorithm.allCases {
            var problems: [String] = []
            let manifest = Manifest.parse(
                try #require(entries[algorithm.manifestName]).bytes, algorithm: algorithm, problems: &problems)
            #expect(problems.isEmpty)
            #expect(
                Dictionary(uniqueKeysWithValues: manifest.lines.map { ($0.path, $0.digest) })
                    == Dictionary(
                        uniqueKeysWithValues: payload.map { ($0.relative, DigestPair.of($0.bytes)[algorithm]) }))
            let tags = Manifest.parse(
                try #require(entries[algorithm.tagManifestName]).bytes, algorithm: algorithm, problems: &problems)
            #expect(
                tags.lines.map(\.path) == [
                    "README.txt", "bag-info.txt", "bagit.txt", "manifest-sha256.txt", "manifest-sha512.txt",
                ])
            for line in tags.lines {
                #expect(DigestPair.of(try #require(entries[line.path]).bytes)[algorithm] == line.digest)
            }
        }
        let info = BagInfo(fields: BagInfo.parse(try #require(entries["bag-info.txt"]).text))
        #expect(info["Payload-Oxum"] == "\(payload.reduce(0) { $0 + $1.bytes.count }).\(payload.count)")
        #expect(entries["bagit.txt"]?.text == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
    }

    @Test func bagInfoRecordsWhereTheBundleCameFrom() throws {
        let repo = BundleWorkspace.make()
        let head = repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try bundle(repo)
        let info = BagInfo(fields: BagInfo.parse(try #require(try readArchive(result.path)["bag-info.txt"]).text))
        #expect(info["Source-Organization"] == "Acme Cloud, Inc.")
        #expect(info["Bagging-Date"] == "2026-03-31")
        #expect(info["External-Identifier"] == result.name.description)
        #expect(info["Dossier-Git-Commit"] == head)
        #expect(info["Dossier-Git-Branch"] == "main")
        #expect(info["Dossier-As-Of"] == "2026-03-31")
        #expect(info["Dossier-Audit-Period"]?.contains("Type I") == true)
        #expect(info["Dossier-Scope"] == "security, availability")
        #expect(info["Dossier-Version"] == DossierVersion.current)
        #expect(info["Dossier-Working-Tree"] == "clean")
    }

    /// `dossier build` trusts the digest cache in the git folder; a bundle never does: it hashes what it packs.
    /// The site is first rendered with the digests the cache predicts; one wrong entry (a poisoned or stale
    /// cache) means a second rendering with the digests of the bytes read, and the entry is put right.
    @Test func aPoisonedDigestCacheDoesNotReachTheBundle() throws {
        let repo = BundleWorkspace.make()
        _ = try bundle(repo)  // fills the cache
        let assessment = assess(repo)
        let fake = String(repeating: "f", count: 64)
        let poisoned = try #require(
            assessment.readiness.inventory.files.first { $0.path == Array("evidence/hr/training.csv".utf8) })
        let cacheFile = ".git/\(GitFolderFile.folder)/\(DigestCache.fileName)"
        let lines = try #require(repo.directory.read(cacheFile)).split(separator: "\n").map {
            $0.hasPrefix(poisoned.blob! + " ") ? "\(poisoned.blob!) \(poisoned.size) \(fake)" : String($0)
        }
        repo.directory.write(cacheFile, lines.joined(separator: "\n") + "\n")
        #expect(
            EvidenceDigest.digests(of: assessment.readiness.inventory, files: WorkspaceFiles(root: repo.path)).values
                .contains(fake))
        let calls = Calls()
        let entries = try readArchive(
            try bundle(repo) { digests in
                calls.digests.append(digests)
                return sitePages([("index.html", Array(digests.values.sorted().joined(separator: "\n").utf8))])
            }.path)
        #expect(calls.digests.count == 2)
        #expect(calls.digests.first?.values.contains(fake) == true)
        #expect(entries.count > 10)
        #expect(entries.allSatisfy { !$0.text.contains(fake) })
        #expect(
            !EvidenceDigest.digests(of: assessment.readiness.inventory, files: WorkspaceFiles(root: repo.path)).values
                .contains(fake))
    }

    /// A bundle remembers the digests of the evidence it read, so the next one renders its site once, with
    /// digests that turn out to be the real ones.
    @Test func aBundleAfterABundleRendersTheSiteOnce() throws {
        let repo = BundleWorkspace.make()
        let calls = Calls()
        let site: SiteRendering = { digests in
            calls.digests.append(digests)
            let list = digests.keys.sorted { $0.lexicographicallyPrecedes($1) }
                .map { EvidenceFile.display($0) + " " + digests[$0]! }.joined(separator: "\n")
            return sitePages([("index.html", Array(list.utf8)), ("z/last.html", Array("end".utf8))])
        }
        let first = try bundle(repo, site: site)
        #expect(calls.digests.count == 2)  // nothing remembered yet: placeholders, then the real digests
        let second = try bundle(repo, site: site)
        try #require(calls.digests.count == 3)
        #expect(calls.digests[2] == calls.digests[1])
        let entries = try readArchive(second.path)
        for path in BundleWorkspace.referenced {
            let digest = DigestPair.of(try #require(entries["data/" + path]).bytes).sha256
            #expect(entries["data/site/index.html"]?.text.contains("\(path) \(digest)") == true)
        }
        #expect(entries["data/site/z/last.html"]?.text == "end")
        #expect(try readArchive(first.path).map(\.bytes) == entries.map(\.bytes))
        #expect(try BundleVerifier().verify(path: second.path).intact)
    }

    @Test func aSiteThatFailsToRenderFailsTheBundleAndLeavesNoFile() throws {
        struct Broken: Error, CustomStringConvertible { var description: String { "the layout is broken" } }
        let output = TemporaryDirectory("dossier-bundle-out")
        let repo = BundleWorkspace.make()
        let bundler = Bundler(
            assessment: assess(repo), options: BundleOptions(outputDirectory: output.path, time: bundleTime),
            renderSite: { _ in { _ in throw Broken() } })
        #expect {
            _ = try bundler.write()
        } throws: { error in
            "\(error)" == "rendering the site failed: the layout is broken"
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty)
    }

    @Test func reportsAreTheCheckDocumentAndSpreadsheetSafeTables() throws {
        let repo = BundleWorkspace.make()
        let entries = try readArchive(try bundle(repo).path)
        #expect(entries["data/readiness.json"]?.bytes == (try ReadinessReport(assess(repo)).encoded()))

        let matrix = try #require(entries["data/control-matrix.csv"]).text.dropFirst()  // BOM
        let rows = matrix.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == ControlMatrix.header.joined(separator: ","))
        #expect(rows.count == 1 + 5)  // AC-001 × 2 criteria, OPS-001 × 2, HR-001 × 1
        #expect(
            rows.contains {
                $0.hasPrefix("HR-001,Security training,hr@acme.example,annual,implemented,")
                    && $0.hasSuffix(",CC1.4,evidence/hr/training.csv,")  // no tests: an empty `tests` cell
            })

        let provenance = try #require(entries["data/provenance.csv"]).text.dropFirst().components(separatedBy: "\r\n")
            .filter { !$0.isEmpty }
        #expect(
            provenance.first
                == "path,size,sha256,commit,author,date,dated_by,dirty,collected_by,signature,signer,key_fingerprint,backdated"
        )
        #expect(provenance.count == 1 + BundleWorkspace.referenced.count)
        let okta = try #require(entries["data/evidence/access/okta.png"])
        let row = try #require(provenance.first { $0.hasPrefix("evidence/access/okta.png,") }).split(separator: ",")
            .map(String.init)
        #expect(row[1] == "200000")
        #expect(row[2] == DigestPair.of(okta.bytes).sha256)
        #expect(row[4] == "Ada Auditor <ada@example.com>")
        #expect(row[5] == "2026-01-15")
        #expect(row[6] == "commit")
        #expect(row[7] == "no")
    }

    @Test func theSiteGetsTheRealDigestsAndGoesUnderDataSite() throws {
        let calls = Calls()
        let result = try bundle(BundleWorkspace.make()) { digests in
            calls.digests.append(digests)
            let list = digests.keys.sorted { $0.lexicographicallyPrecedes($1) }
                .map { EvidenceFile.display($0) + " " + String(digests[$0]!.prefix(12)) }.joined(separator: "\n")
            return sitePages([
                ("index.html", Array("<pre>\(list)</pre>".utf8)), ("assets/site.css", Array("body{}".utf8)),
            ])
        }
        #expect(calls.digests.count == 2)
        let entries = try readArchive(result.path)
        let real = try #require(calls.digests.last)
        #expect(real.count == BundleWorkspace.referenced.count)
        for path in BundleWorkspace.referenced {
            #expect(real[Array(path.utf8)] == DigestPair.of(try #require(entries["data/" + path]).bytes).sha256)
            #expect(calls.digests[0][Array(path.utf8)] != real[Array(path.utf8)])
        }
        #expect(entries["data/site/index.html"]?.text.contains("evidence/ops/backup.sh ") == true)
        #expect(entries["data/site/assets/site.css"]?.text == "body{}")
        #expect(try BundleVerifier().verify(path: result.path).intact)
    }

    @Test func aSiteWhoseSizeDependsOnDigestValuesIsAnErrorAndLeavesNoFile() throws {
        let output = TemporaryDirectory("dossier-bundle-out")
        let repo = BundleWorkspace.make()
        let bundler = Bundler(
            assessment: assess(repo), options: BundleOptions(outputDirectory: output.path, time: bundleTime),
            renderSite: { digests in
                sitePages([("index.html", Array(digests.values.joined().filter { $0 == "a" }.utf8))])
            })
        #expect {
            _ = try bundler.write()
        } throws: { error in
            "\(error)".contains("Payload-Oxum would be wrong")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty)
    }

    /// A bundler of the fixture workspace into `output` whose site comes from `pages(pass)`: pass 1 is the
    /// placeholder pass that sizes the pages, pass 2 the one with real digests.
    func twoPassBundler(_ output: TemporaryDirectory, pages: @escaping @Sendable (_ pass: Int) -> SitePages) -> Bundler
    {
        let calls = Calls()
        let repo = BundleWorkspace.make()
        return Bundler(
            assessment: assess(repo),
            options: BundleOptions(outputDirectory: output.path, time: bundleTime),
            renderSite: { [repo] digests in
                withExtendedLifetime(repo) {}  // the workspace lives as long as the bundler that reads it
                calls.digests.append(digests)
                return pages(calls.digests.count)
            })
    }

    @Test(arguments: [
        // (first pass, second pass, the error it gives)
        (["b.html", "a.html"], ["b.html", "a.html"], "out of order"),
        (["a.html"], ["a.html", "b.html"], "gave more files"),
        (["a.html", "b.html"], ["a.html"], "Payload-Oxum would be wrong"),
        (["a.html", "b.html"], ["a.html", "c.html"], "Payload-Oxum would be wrong"),
    ])
    func siteFilesMustComeInOrderAndMatchBetweenPasses(first: [String], second: [String], error: String) throws {
        let output = TemporaryDirectory("dossier-bundle-out")
        let bundler = twoPassBundler(output) { pass in
            var remaining = (pass == 1 ? first : second)[...]
            return { sink in
                guard let path = remaining.popFirst() else { return nil }
                try sink(Array("page".utf8))
                return path
            }
        }
        #expect {
            _ = try bundler.write()
        } throws: { thrown in
            "\(thrown)".contains(error)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty)
    }

    /// Pages stream into the archive as they render, so a page that comes out longer or shorter than its
    /// first rendering is caught while it is written, in whatever pieces it arrives.
    @Test(arguments: [["pa", "ge"], ["pag", "es"], ["pa"], [], ["p", "a", "g", "e", "s"]])
    func aSitePageOfAnotherSizeOnTheSecondPassFails(pieces: [String]) throws {
        let output = TemporaryDirectory("dossier-bundle-out")
        let bundler = twoPassBundler(output) { pass in
            let contents = pass == 1 ? ["page"] : pieces
            var done = false
            return { sink in
                guard !done else { return nil }
                done = true
                for piece in contents { try sink(Array(piece.utf8)) }
                return "index.html"
            }
        }
        if pieces.joined() == "page" {
            _ = try bundler.write()
            return
        }
        #expect {
            _ = try bundler.write()
        } throws: { thrown in
            "\(thrown)".contains("Payload-Oxum would be wrong")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty)
    }

    @Test func dirtyEvidenceIsRefusedNamingEachFile() throws {
        let repo = BundleWorkspace.make()
        repo.write("evidence/access/mfa-2026-01.csv", "changed\n")
        repo.write("evidence/hr/new.csv", "untracked\n")
        repo.write("narratives/access.md", "# Edited\n")
        repo.write("evidence/hr/training.csv", "staged\n")
        repo.git("add", "evidence/hr/training.csv")
        let error = try #require(throws: BundleError.self) { try bundle(repo) }
        guard case .refused(let diagnostics) = error else {
            Issue.record("\(error)")
            return
        }
        let files = Set(diagnostics.compactMap(\.file))
        #expect(
            files == [
                "evidence/access/mfa-2026-01.csv", "evidence/hr/new.csv", "narratives/access.md",
                "evidence/hr/training.csv",
            ])
        #expect(diagnostics.allSatisfy { $0.hint?.contains("--allow-dirty") == true })
    }

    @Test func allowDirtyShipsTheWorkingCopyAndSaysSo() throws {
        let repo = BundleWorkspace.make()
        repo.write("evidence/access/mfa-2026-01.csv", "user,mfa\nada,changed\n")
        repo.write("evidence/access/untracked.csv", "new\n")
        let result = try bundle(repo, allowDirty: true)
        let entries = try readArchive(result.path)
        #expect(entries["data/evidence/access/mfa-2026-01.csv"]?.text == "user,mfa\nada,changed\n")
        #expect(entries["data/evidence/access/untracked.csv"] == nil)
        let info = BagInfo(fields: BagInfo.parse(try #require(entries["bag-info.txt"]).text))
        #expect(info["Dossier-Working-Tree"]?.hasPrefix("dirty") == true)
        let dirtyLines = info.fields.filter { $0.label == "Dossier-Dirty-File" }.map(\.value)
        #expect(
            dirtyLines.sorted() == [
                "evidence/access/mfa-2026-01.csv (modified)",
                "evidence/access/untracked.csv (untracked, not in the bundle)",
            ])
        #expect(entries["data/provenance.csv"]?.text.contains("evidence/access/mfa-2026-01.csv,21,") == true)
        #expect(entries["data/provenance.csv"]?.text.contains(",modified,") == true)
        #expect(result.warnings.contains { $0.file == "evidence/access/mfa-2026-01.csv" })
        #expect(try BundleVerifier().verify(path: result.path).intact)
    }

    @Test func namesABagCannotHoldAreRefused() throws {
        let repo = BundleWorkspace.make()
        repo.write("evidence/access/100%.csv", "x\n")
        repo.write("evidence/hr/Report.csv", "a\n")
        repo.write("evidence/hr/report.csv", "b\n")
        repo.commit("awkward names", date: "2026-03-02")
        let error = try #require(throws: BundleError.self) { try bundle(repo) }
        guard case .refused(let diagnostics) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(diagnostics.contains { $0.file == "evidence/access/100%.csv" && $0.code == .bundleUnshippableName })
        #expect(
            diagnostics.contains {
                $0.code == .bundleNameClash && $0.message.contains("evidence/hr/report.csv")
                    && $0.message.contains("evidence/hr/Report.csv")
            })
        #expect(diagnostics.count == 2)
    }

    @Test func namesCommittedInNFDShipInNFCInTheArchiveAndTheManifests() throws {
        let repo = BundleWorkspace.make()
        repo.write("evidence/hr/Zoe\u{308}.csv", "name\nzoe\n")
        repo.commit("a name typed on a Mac", date: "2026-03-02")
        let result = try bundle(repo)
        let entries = try readArchive(result.path)
        let nfc = Array("data/evidence/hr/Zo\u{EB}.csv".utf8)
        #expect(entries.contains { Array($0.relative.utf8) == nfc })
        let manifest = try #require(entries["manifest-sha256.txt"]).bytes
        #expect(manifest.firstRange(of: nfc) != nil)
        #expect(manifest.firstRange(of: Array("Zoe\u{308}".utf8)) == nil)
        #expect(try BundleVerifier().verify(path: result.path).intact)
    }

    @Test func aNarrativeThatIsAlsoEvidenceShipsOnce() throws {
        let repo = BundleWorkspace.make()
        repo.write("controls.yaml", BundleWorkspace.controls + "      - narratives/**\n")
        repo.commit("the narrative is evidence too", date: "2026-03-02")
        let result = try bundle(repo)
        let entries = try readArchive(result.path)
        #expect(entries.filter { $0.relative == "data/narratives/access.md" }.count == 1)
        #expect(entries["data/provenance.csv"]?.text.contains("narratives/access.md,") == true)
        #expect(try BundleVerifier().verify(path: result.path).intact)
    }

    @Test func linksSubmodulesAndLFSPointersNeverShip() throws {
        let repo = BundleWorkspace.make()
        symlink("/etc/passwd", repo.path + "/evidence/access/passwd.csv")
        repo.write(
            "evidence/access/big.csv",
            "version https://git-lfs.github.com/spec/v1\noid sha256:\(String(repeating: "0", count: 64))\nsize 123456\n"
        )
        repo.commit("a link and an LFS pointer", date: "2026-03-02")
        let entries = try readArchive(try bundle(repo).path)
        #expect(entries["data/evidence/access/passwd.csv"] == nil)
        #expect(entries["data/evidence/access/big.csv"] == nil)
        #expect(!entries.contains { $0.bytes.starts(with: Array("root:".utf8)) })
    }

    @Test func sameCommitAndTimeGiveTheSameBytes() throws {
        let repo = BundleWorkspace.make()
        for format in ArchiveFormat.allCases {
            let first = try bundle(repo, format: format)
            let second = try bundle(repo, format: format)
            #expect(first.sha256 == second.sha256)
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: first.path))
                    == Data(contentsOf: URL(fileURLWithPath: second.path)))
        }
    }

    @Test func progressCountsEveryWorkspaceFile() throws {
        let seen = Calls()
        _ = try bundle(BundleWorkspace.make()) { _ in
            sitePages([])
        } progress: {
            seen.progress.append($0)
        }
        let last = try #require(seen.progress.last)
        #expect(last.filesDone == last.filesTotal)
        #expect(last.bytesDone == last.bytesTotal)
        #expect(last.filesTotal == BundleWorkspace.referenced.count + 2)  // + controls.yaml and the narrative
    }

    /// A secret nobody acknowledged refuses the bundle, naming file, line and kind but never the secret, and
    /// nothing is written.
    @Test func anUnacknowledgedSecretRefusesTheBundle() throws {
        let repo = BundleWorkspace.make()
        repo.write("evidence/ops/config.txt", "region = eu-west-1\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n")
        repo.commit("config export", date: "2026-03-02")
        let output = outputFolder()
        let error = try #require(throws: BundleError.self) {
            try Bundler(
                assessment: assess(repo), options: BundleOptions(outputDirectory: output, time: bundleTime),
                renderSite: { _ in sitePages([]) }
            ).write()
        }
        guard case .refused(let diagnostics) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(diagnostics.map(\.code) == [.bundleSecretUnacknowledged])
        #expect(diagnostics.first?.file == "evidence/ops/config.txt")
        #expect(diagnostics.first?.line == 2)
        #expect(diagnostics.first?.message.contains("[aws-access-key]") == true)
        #expect(!"\(diagnostics)".contains("AKIAIOSFODNN7EXAMPLE"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).isEmpty)
    }

    @Test func acknowledgedSecretsShipAndAreListedInBagInfo() throws {
        let repo = BundleWorkspace.make()
        repo.write("evidence/ops/config.txt", "region = eu-west-1\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n")
        repo.write(".dossier-secrets", "evidence/ops/config.txt:2:aws-access-key  AWS's documented example key\n")
        repo.commit("config export", date: "2026-03-02")
        let result = try bundle(repo)
        #expect(!result.warnings.contains { $0.step == "secrets" })
        let entries = try readArchive(result.path)
        let info = BagInfo(fields: BagInfo.parse(try #require(entries["bag-info.txt"]).text))
        #expect(
            info.fields.filter { $0.label == "Dossier-Secret-Acknowledged" }.map(\.value) == [
                "evidence/ops/config.txt:2:aws-access-key (AWS's documented example key)"
            ])
        #expect(info["Dossier-Secret-Allowed"] == nil)
        let report = try BundleVerifier().verify(path: result.path)
        #expect(
            report.secretsAcknowledged == ["evidence/ops/config.txt:2:aws-access-key (AWS's documented example key)"])
        #expect(report.secretsAllowed.isEmpty)
    }

    @Test func allowSecretsShipsThemWarnedAndListed() throws {
        let repo = BundleWorkspace.make()
        repo.write("evidence/ops/config.txt", "region = eu-west-1\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n")
        repo.commit("config export", date: "2026-03-02")
        let result = try bundle(repo, allowSecrets: true)
        let warning = try #require(result.warnings.first { $0.step == "secrets" })
        #expect(warning.code == .secretFound)
        #expect(warning.file == "evidence/ops/config.txt")
        #expect(warning.line == 2)
        #expect(!warning.message.contains("AKIAIOSFODNN7EXAMPLE"))
        let entries = try readArchive(result.path)
        let info = BagInfo(fields: BagInfo.parse(try #require(entries["bag-info.txt"]).text))
        #expect(info["Dossier-Secret-Allowed"]?.hasPrefix("evidence/ops/config.txt:2:aws-access-key") == true)
        #expect(try BundleVerifier().verify(path: result.path).intact)
    }

    /// The pipeline's scan and the reader's scan must agree: a secret that appears after the assessment (the
    /// file changed, same size) stops the bundle and leaves nothing.
    @Test func aSecretThatAppearsWhilePackingStopsTheBundle() throws {
        let repo = BundleWorkspace.make()
        repo.write("evidence/ops/config.txt", "aws_access_key_id = akiaiosfodnn7example\n")
        repo.commit("config export", date: "2026-03-02")
        let assessment = assess(repo)
        #expect(assessment.secrets.findings.isEmpty)
        repo.write("evidence/ops/config.txt", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n")
        let output = outputFolder()
        let error = try #require(throws: BundleError.self) {
            try Bundler(
                assessment: assessment, options: BundleOptions(outputDirectory: output, time: bundleTime),
                renderSite: { _ in sitePages([]) }
            ).write()
        }
        guard case .refused(let diagnostics) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(diagnostics.map(\.code) == [.bundleSecretChanged])
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).isEmpty)
    }

    /// Files are read on another thread ahead of the archive; one that changed after the workspace was
    /// assessed stops the bundle with its name, and nothing is left in the output folder.
    @Test(arguments: [ArchiveFormat.zip, .tarGzip])
    func aFileChangedAfterTheAssessmentFailsTheBundleAndLeavesNoFile(_ format: ArchiveFormat) throws {
        let repo = BundleWorkspace.make()
        let assessment = assess(repo)
        repo.write("reports/vendor-review.txt", "Vendor review: all vendors assessed, and one more line.\n")
        let output = TemporaryDirectory("dossier-bundle-out")
        let bundler = Bundler(
            assessment: assessment,
            options: BundleOptions(format: format, outputDirectory: output.path, time: bundleTime),
            renderSite: { _ in sitePages([]) })
        #expect {
            _ = try bundler.write()
        } throws: { error in
            "\(error)".contains("reports/vendor-review.txt changed while the bundle was being written")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty)
    }

    @Test func anEmptyRepositoryCannotBeBundled() throws {
        let repo = GitFixture("dossier-bundle")
        repo.write("controls.yaml", BundleWorkspace.controls)
        repo.write("narratives/access.md", "# Access\n")
        let error = try #require(throws: BundleError.self) { try bundle(repo) }
        #expect("\(error)".contains("git work tree with commits"))
    }

    @Test func theDefaultOutputFolderIsDistAndIgnored() throws {
        let repo = BundleWorkspace.make()
        let result = try Bundler(
            assessment: assess(repo), options: BundleOptions(time: bundleTime), renderSite: { _ in sitePages([]) }
        ).write()
        #expect(result.path == repo.path + "/dist/" + result.name.fileName(.zip))
        #expect(repo.directory.read("dist/.gitignore")?.contains("*") == true)
        #expect(repo.git("status", "--porcelain", "--untracked-files=all").isEmpty)
    }
}

/// Collects what closures saw.
final class Calls: @unchecked Sendable {
    var digests: [[[UInt8]: String]] = []
    var progress: [BundleProgress] = []
}
