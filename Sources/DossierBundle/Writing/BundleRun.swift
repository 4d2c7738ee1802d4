import Crypto
import DossierArchive
import DossierCore
import DossierGit

/// One bundle being written: the state that lives from the first entry to the rename into place.
final class BundleRun {
    /// The buffer that copies scratch-file spans into the archive.
    static let copyBufferSize = 1 << 20
    private let bundler: Bundler
    private let plan: BundlePlan
    private let directory: String
    private let name: BundleName
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: BundleRun.copyBufferSize, alignment: 16)
    /// Reads, hashes and scans the workspace files on another thread; set once the entries are laid out.
    private var reader: SourceReadAhead?

    private var entries: [BundleEntry] = []
    /// Evidence path bytes → the SHA-256 the site was first rendered with: the digest cache's, where it
    /// has one, else a placeholder of the same length (SHA-256 of the path). Each entry goes once its file
    /// has been read; `predictionMissed` tells whether any was wrong.
    private var predicted: [[UInt8]: String] = [:]
    /// `oscal/assessment-results.json`: like provenance.csv it names every evidence digest, so it is rendered
    /// with the real ones just before its turn; its size, declared up front, does not depend on their values.
    private var oscal: [UInt8]?
    private var oscalSize: Int64 = 0
    private var predictionMissed = false
    /// That rendering, in a scratch file of its own: shipped as is when every prediction held.
    private var siteScratch: ScratchFile?
    private var sitePages: [SiteSpool.Page] = []
    /// Otherwise, the second rendering with real digests, pulled page by page as the archive reaches each.
    private var site: SitePages?
    private var provenance: [UInt8]?
    private var evidenceHashed = false
    private var provenanceSize: Int64 = 0
    /// Bag path → digests, for the payload manifests and the tag manifests.
    private var payloadDigests: [(path: String, digests: Digests)] = []
    private var tagDigests: [(path: String, digests: Digests)] = []
    /// Evidence path bytes → SHA-256 hex: what the site and provenance.csv show.
    private var evidenceSHA256: [[UInt8]: String] = [:]
    /// Reports, and evidence hashed before its place in the archive comes up.
    private var scratch: ScratchFile?
    private var spooled: [[UInt8]: Spooled] = [:]
    private var warnings: [Diagnostic] = []
    private var progress: BundleProgress

    init(bundler: Bundler, plan: BundlePlan, directory: String) {
        self.bundler = bundler
        self.plan = plan
        self.directory = directory
        self.name = BundleName(organization: bundler.assessment.controlMap.organization, time: bundler.options.time)
        self.progress = BundleProgress(
            bytesDone: 0, bytesTotal: plan.sources.reduce(0) { $0 + $1.size }, filesDone: 0,
            filesTotal: plan.sources.count)
    }

    deinit { buffer.deallocate() }

    func execute() throws -> BundleResult {
        let assessment = bundler.assessment
        let time = bundler.options.time

        // Everything whose size the bag declares up front (Payload-Oxum), before any evidence is read, is
        // generated once into scratch files: the site on a thread of its own while the reports are made here.
        // The site gets the digests the cache predicts; digests are fixed-length, so sizes hold either way.
        let inventory = plan.evidence.compactMap(\.evidence)
        predicted = EvidenceDigest.remembered(inventory, gitDirectory: assessment.readiness.inventory.git.gitDirectory)
        for source in plan.evidence where predicted[source.path] == nil {
            predicted[source.path] = Hex.string(SHA256.hash(data: source.path))
        }
        let renderSite = bundler.renderSite
        let siteSpool = SiteSpool(directory: directory) { [predicted] in try renderSite(predicted) }
        var reports: [BundleReport]
        do {
            oscalSize = Int64(try OscalExport(assessment: assessment, digests: predicted).encoded().count)
            provenanceSize = Int64(
                Provenance.csv(
                    plan.evidence, digests: predicted, maxLagDays: assessment.controlMap.maxCollectionLagDays
                ).count)
            let scratch = try ScratchFile(directory: directory)
            self.scratch = scratch
            var made = [
                BundleReport(
                    name: "readiness.json", spooled: try scratch.spool { try ReadinessReport.write(assessment, $0) }),
                BundleReport(
                    name: "control-matrix.csv",
                    spooled: try scratch.spool { try $0(ControlMatrix.csv(assessment.readiness)) }),
            ]
            if let risks = assessment.registers.risks {
                made.append(
                    BundleReport(
                        name: "risk-register.csv", spooled: try scratch.spool { try $0(RegisterTables.risks(risks)) }))
            }
            if let vendors = assessment.registers.vendors {
                made.append(
                    BundleReport(
                        name: "vendor-register.csv",
                        spooled: try scratch.spool { try $0(RegisterTables.vendors(vendors)) }))
            }
            if let book = assessment.requests {
                made.append(
                    BundleReport(
                        name: "requests.csv",
                        spooled: try scratch.spool {
                            try $0(RequestExport.csv(columns: book.columns, statuses: book.statuses))
                        }))
            }
            reports = made.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        } catch {
            _ = try? siteSpool.wait()
            throw error
        }
        (siteScratch, sitePages) = try siteSpool.wait()
        ReleaseMemory.now()
        let payloadFiles = plan.sources.count + reports.count + 2 + sitePages.count
        let payloadBytes =
            progress.bytesTotal + reports.reduce(0) { $0 + $1.spooled.size } + provenanceSize + oscalSize
            + sitePages.reduce(0) { $0 + $1.spooled.size }
        let shipped = Set(plan.sources.filter { $0.dirty != nil }.map(\.displayPath))
        let bagInfo = BundleMetadata.bagInfo(
            assessment, name: name, payloadBytes: payloadBytes, payloadFiles: payloadFiles,
            dirty: plan.dirty, shipped: shipped, secrets: plan.secrets(assessment.secrets),
            signer: bundler.options.signerFingerprint)
        entries = BundleLayout.entries(
            plan: plan,
            tagFiles: [
                (BagDeclaration.fileName, BagDeclaration.bytes), (BagInfo.fileName, bagInfo.bytes),
                (
                    BagReadme.fileName,
                    BagReadme.bytes(assessment, name: name, workingTree: bagInfo[BundleMetadata.workingTree] ?? "")
                ),
            ],
            reports: reports, provenanceSize: provenanceSize, oscalSize: oscalSize, site: sitePages, time: time)

        let reader = SourceReadAhead(
            files: WorkspaceFiles(root: assessment.workspace.root),
            sources: Self.readingOrder(entries, plan.sources).map { plan.sources[$0] })
        self.reader = reader
        defer { reader.stop() }
        let output = try BundleOutput(directory: directory, fileName: name.fileName(bundler.options.format))
        let writer = try ArchiveWriter(format: bundler.options.format) { try output.write($0) }
        for index in entries.indices { try write(index, writer) }
        try finishSite()
        try writer.finish()
        let sha256 = try output.commit()
        // The next bundle's site is then rendered once, like this one's when the cache was right.
        EvidenceDigest.remember(
            evidenceSHA256, of: inventory, gitDirectory: assessment.readiness.inventory.git.gitDirectory)

        for source in plan.sources where source.dirty != nil {
            warnings.append(
                Diagnostic(
                    .warning,
                    .bundleShippedDirty,
                    "shipped with uncommitted changes (\(source.dirty!.rawValue)), marked dirty in bag-info.txt and provenance.csv",
                    file: source.displayPath))
        }
        // Untracked or deleted files have no committed version to ship: say so here, not only in bag-info.txt.
        for (path, problem) in plan.dirty where !shipped.contains(path) {
            warnings.append(
                Diagnostic(
                    .warning, .bundleLeftOut,
                    "left out of the bundle: \(BundlePlan.describe(problem)); listed as dirty in bag-info.txt",
                    file: path, hint: "commit it to ship it"))
        }
        return BundleResult(
            path: output.finalPath, name: name, size: output.size, sha256: sha256,
            files: entries.filter { !$0.isDirectory }.count, payloadFiles: payloadFiles, payloadBytes: payloadBytes,
            evidenceFiles: plan.evidence.count, warnings: warnings)
    }

    /// The order in which `write` asks for workspace files (indices into `sources`): the files before the
    /// first entry that shows evidence digests, then the evidence after it (hashed into the spool then), then
    /// the other files after it.
    static func readingOrder(_ entries: [BundleEntry], _ sources: [PlannedSource]) -> [Int] {
        let split = entries.firstIndex(where: \.needsEvidenceDigests) ?? entries.count
        func files(_ range: Range<Int>, _ include: (PlannedSource) -> Bool) -> [Int] {
            entries[range].compactMap { entry in
                guard case .source(let index) = entry.content, include(sources[index]) else { return nil }
                return index
            }
        }
        return files(0..<split) { _ in true } + files(split..<entries.count) { $0.isEvidence }
            + files(split..<entries.count) { !$0.isEvidence }
    }

    // MARK: - Entries

    private func archivePath(_ entry: BundleEntry) -> String {
        entry.path.isEmpty ? name.description : "\(name)/\(entry.path)"
    }

    private func write(_ index: Int, _ writer: ArchiveWriter) throws {
        let entry = entries[index]
        let path = archivePath(entry)
        if entry.needsEvidenceDigests { try hashRemainingEvidence(from: index) }
        switch entry.content {
        case .directory:
            try writer.addDirectory(path: path, modificationTime: entry.modificationTime)
        case .bytes(let bytes):
            try add(entry, bytes, writer)
        case .spooled(let spooled):
            try addSpooled(entry, spooled, from: scratch!, writer)
            ReleaseMemory.afterLarge(entry.size)
        case .provenance:
            try add(entry, provenance!, writer)
            provenance = nil
        case .oscal:
            try add(entry, oscal!, writer)
            oscal = nil
        case .sitePage(let page):
            // Every evidence file has been read by now (see `hashRemainingEvidence`).
            if !predictionMissed && predicted.isEmpty {
                try addSpooled(entry, sitePages[page].spooled, from: siteScratch!, writer)
            } else {
                try writeSitePage(entry, sitePages[page], writer)
                if page == sitePages.count - 1 { try finishSite() }
            }
            ReleaseMemory.afterLarge(entry.size)
        case .manifest(let algorithm):
            try addManifest(entry, payloadDigests.map { ($0.path, $0.digests[algorithm]) }, writer)
        case .tagManifest(let algorithm):
            try addManifest(entry, tagDigests.map { ($0.path, $0.digests[algorithm]) }, writer)
        case .source(let index):
            let source = plan.sources[index]
            try writer.beginFile(attributes(entry, path))
            let digests: Digests
            if let spot = spooled[source.path] {
                try copy(spot, from: scratch!, into: writer)
                digests = spot.digests
            } else {
                digests = try stream(source) { try writer.write($0) }
            }
            try writer.endFile()
            record(entry, digests)
        }
    }

    private func add(_ entry: BundleEntry, _ bytes: [UInt8], _ writer: ArchiveWriter) throws {
        precondition(Int64(bytes.count) == entry.size, "the layout declared \(entry.size) bytes for \(entry.path)")
        try writer.beginFile(attributes(entry, archivePath(entry), size: Int64(bytes.count)))
        try bytes.withUnsafeBytes { try writer.write($0) }
        try writer.endFile()
        record(entry, DigestPair.of(bytes))
    }

    /// A manifest is sized from its lines, then written in pieces.
    private func addManifest(_ entry: BundleEntry, _ lines: [(path: String, digest: String)], _ writer: ArchiveWriter)
        throws
    {
        let sorted = Manifest.sorted(lines)
        let size = Manifest.size(sorted)
        try writeInPieces(entry, size: size, writer) {
            try Manifest.write(sorted, $0)
        } check: { _, written in
            written == size
                ? nil : "\(entry.path) came out at \(written) bytes, not the \(size) counted (a Dossier bug)"
        }
    }

    /// An entry whose bytes (and digests) are in a scratch file.
    private func addSpooled(
        _ entry: BundleEntry, _ spooled: Spooled, from scratch: ScratchFile, _ writer: ArchiveWriter
    )
        throws
    {
        try writer.beginFile(attributes(entry, archivePath(entry), size: spooled.size))
        try copy(spooled, from: scratch, into: writer)
        try writer.endFile()
        record(entry, spooled.digests)
    }

    /// One entry of `size` bytes written as `produce` hands them over: each piece is hashed and archived, and
    /// nothing past `size` is written. `check` gets what `produce` returned and the bytes it offered, and
    /// names the problem if they are not what was declared; the entry ends only if there is none. An error of
    /// `produce` itself is reported as `failing: error` when `failing` is given; archive errors pass unchanged.
    private func writeInPieces<Result>(
        _ entry: BundleEntry, size: Int64, _ writer: ArchiveWriter, failing: String? = nil,
        _ produce: (_ sink: ([UInt8]) throws -> Void) throws -> Result,
        check: (Result, _ written: Int64) -> String?
    ) throws {
        try writer.beginFile(attributes(entry, archivePath(entry), size: size))
        var digests = DigestPair()
        var written: Int64 = 0
        var archiveFailure: (any Error)?
        let result: Result
        do {
            result = try produce { piece in
                written += Int64(piece.count)
                guard written <= size else { return }
                digests.update(piece)
                do {
                    try piece.withUnsafeBytes { try writer.write($0) }
                } catch {
                    archiveFailure = error
                    throw error
                }
            }
        } catch {
            if let archiveFailure { throw archiveFailure }
            throw failing.map { BundleError.failed("\($0): \(error)") } ?? error
        }
        if let problem = check(result, written) { throw BundleError.failed(problem) }
        try writer.endFile()
        record(entry, digests.finalize())
    }

    private func attributes(_ entry: BundleEntry, _ path: String, size: Int64? = nil) -> ArchiveFileAttributes {
        ArchiveFileAttributes(
            path: path, isExecutable: entry.isExecutable, modificationTime: entry.modificationTime,
            size: size ?? entry.size, compress: !Precompressed.contains(Array(entry.path.utf8)))
    }

    /// Remembers an entry's digests for the manifests; a tag manifest is not listed anywhere.
    private func record(_ entry: BundleEntry, _ digests: Digests) {
        if case .tagManifest = entry.content { return }
        if entry.isPayload {
            payloadDigests.append((entry.path, digests))
        } else {
            tagDigests.append((entry.path, digests))
        }
    }

    // MARK: - Evidence digests before their place in the archive

    /// Before the first entry that shows evidence digests: hashes (into the spool) every evidence file not
    /// yet written, then renders provenance.csv and the OSCAL export with the real digests and checks that
    /// their sizes are the ones bag-info.txt declared (site pages are checked one by one as they are written).
    private func hashRemainingEvidence(from index: Int) throws {
        guard !evidenceHashed else { return }
        evidenceHashed = true
        for entry in entries[index...] {
            guard case .source(let i) = entry.content, plan.sources[i].isEvidence else { continue }
            let source = plan.sources[i]
            let offset = scratch!.size
            let digests = try stream(source) { try scratch!.append($0) }
            spooled[source.path] = Spooled(offset: offset, size: source.size, digests: digests)
        }
        let csv = Provenance.csv(
            plan.evidence, digests: evidenceSHA256,
            maxLagDays: bundler.assessment.controlMap.maxCollectionLagDays)
        guard Int64(csv.count) == provenanceSize else {
            throw BundleError.failed(
                "provenance.csv came out at \(csv.count) bytes, not the \(provenanceSize) declared (a Dossier bug)")
        }
        provenance = csv
        let document = try OscalExport(assessment: bundler.assessment, digests: evidenceSHA256).encoded()
        guard Int64(document.count) == oscalSize else {
            throw BundleError.failed(
                "the OSCAL export came out at \(document.count) bytes, not the \(oscalSize) declared (a Dossier bug)")
        }
        oscal = document
    }

    /// Writes the next page of the real-digest pass into the archive as it renders; it must be the page the
    /// first rendering announced, with the same size (the bag declared it), or the bundle fails.
    private func writeSitePage(_ entry: BundleEntry, _ expected: SiteSpool.Page, _ writer: ArchiveWriter) throws {
        do {
            // Started at the first page, not with the digests: the reports before it are built without the
            // site's data alive beside them.
            if site == nil { site = try bundler.renderSite(evidenceSHA256) }
        } catch {
            throw BundleError.failed("rendering the site failed: \(error)")
        }
        try writeInPieces(entry, size: expected.spooled.size, writer, failing: "rendering the site failed", site!) {
            path, written in
            path == expected.path && written == expected.spooled.size
                ? nil
                : "the site renderer gave different files or sizes once real digests replaced the placeholders (site/\(expected.path)); the bundle's Payload-Oxum would be wrong"
        }
    }

    /// After the last page: the renderer must have no more, and its data (the site's view of every file) goes.
    private func finishSite() throws {
        if try site?({ _ in }) != nil {
            throw BundleError.failed("the site renderer gave more files once real digests replaced the placeholders")
        }
        site = nil
    }

    private func copy(_ spooled: Spooled, from scratch: ScratchFile, into writer: ArchiveWriter) throws {
        var position = spooled.offset
        var remaining = spooled.size
        while remaining > 0 {
            let n = try scratch.read(
                at: position,
                into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<Int(min(Int64(buffer.count), remaining))]))
            guard n > 0 else { throw BundleError.failed("the scratch file ended early") }
            try writer.write(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
            position += Int64(n)
            remaining -= Int64(n)
        }
    }

    // MARK: - Reading a workspace file once

    /// Hands `source`'s bytes to `sink` chunk by chunk as the reader thread delivers them (read, hashed and
    /// scanned there; a file whose size differs from the plan fails the bundle, so the manifest always
    /// describes the bytes archived), and reports what the secret scanner found.
    private func stream(_ source: PlannedSource, into sink: (UnsafeRawBufferPointer) throws -> Void) throws -> Digests {
        while true {
            switch try reader!.next(of: source) {
            case .chunk(let bytes):
                try sink(bytes)
                progress.bytesDone += Int64(bytes.count)
                bundler.progress?(progress)
            case .end(let digests, let findings):
                progress.filesDone += 1
                bundler.progress?(progress)
                if source.isEvidence {
                    evidenceSHA256[source.path] = digests.sha256
                    if predicted.removeValue(forKey: source.path) != digests.sha256 { predictionMissed = true }
                }
                try report(findings, in: source.displayPath)
                return digests
            }
        }
    }

    /// Compares what the reader's scanner found in the bytes archived with what the pipeline's scan found in
    /// the same file: a finding it did not see means the file changed in between, which refuses the bundle
    /// unless `--allow-secrets`. Unacknowledged findings that ship (only with `--allow-secrets`) are warnings.
    private func report(_ findings: Set<SecretScanner.Finding>, in file: String) throws {
        let known = bundler.assessment.secrets.findings(in: file)
        guard !findings.isEmpty || !known.isEmpty else { return }
        let seen = Set(known.map { SecretScanner.Finding(line: $0.line, kind: $0.kind) })
        let unexpected = findings.subtracting(seen).sorted { ($0.line, $0.kind) < ($1.line, $1.kind) }
        if !unexpected.isEmpty && !bundler.options.allowSecrets {
            throw BundleError.refused(
                unexpected.prefix(SecretScan.findingsPerFile).map {
                    Diagnostic(
                        .error, .bundleSecretChanged,
                        "this line looks like it holds \($0.kind.phrase) [\($0.kind.rawValue)], which the scan before packing did not see; the file changed meanwhile",
                        file: file, line: $0.line, hint: "run the bundle again once the file is settled")
                })
        }
        let shipped =
            known.filter { !$0.isAcknowledged }
            + unexpected.map { SecretFinding(path: file, line: $0.line, kind: $0.kind) }
        warnings += SecretScan.diagnostics(for: shipped, severity: .warning, code: .secretFound, more: .secretMoreFound)
    }
}
