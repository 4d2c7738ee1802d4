import Crypto
import DossierConcurrency
import DossierGit
import Foundation

/// The pipeline step that looks for credentials in every file a bundle would ship (the evidence the controls
/// use, the control map, the narratives controls name and `evidence/collected.yaml`), so CI catches a leaked
/// key the day it is committed rather than at audit time.
///
/// Committed, unchanged files are scanned once per git blob (``SecretScanCache``); the others (the control map,
/// narratives, registers, modified files) are read each run but scanned only when their SHA-256 is new.
/// Findings are matched against `.dossier-secrets` (``SecretAcknowledgements``); each unacknowledged one is a
/// `secret.found` warning naming file, line and kind, never the secret, with the acknowledgement line to
/// copy if it may ship.
public struct SecretScan: Sendable {
    /// Unacknowledged findings listed per file before the rest are summed up in one line.
    public static let findingsPerFile = 5
    static let readSize = 64 << 10

    public var files: WorkspaceFiles
    public var useCache: Bool

    public init(files: WorkspaceFiles, useCache: Bool = true) {
        self.files = files
        self.useCache = useCache
    }

    /// One file to scan: its path, and its blob id when git says the working copy is the committed one.
    struct Target: Sendable {
        var path: [UInt8]
        var size: Int64
        var blob: String?
        /// The path as shown; computed when needed (a finding is rare, a target is not).
        var display: String { EvidenceFile.display(path) }
        var isCSV: Bool {
            guard path.count >= 4 else { return false }
            let tail = path.suffix(4).map { $0 | 0x20 }
            return tail == Array(".csv".utf8)
        }
    }

    public func run(
        _ map: ControlMap, _ readiness: Readiness, registers: RegisterResults = RegisterResults(),
        requests: RequestBook? = nil, workspace: Workspace, into log: DiagnosticLog
    ) -> SecretScanResults {
        let acknowledgements = loadAcknowledgements(workspace, log)
        let targets = Self.targets(map, readiness, registers: registers, requests: requests, workspace: workspace)
        let gitDirectory = useCache ? readiness.inventory.git.gitDirectory : nil
        var cache = gitDirectory.map { SecretScanCache.load(gitDirectory: $0) } ?? SecretScanCache()
        var results = SecretScanResults()
        var perTarget = [[SecretScanner.Finding]?](repeating: nil, count: targets.count)
        var used = Set<String>()
        var toRead: [Int] = []
        for (index, target) in targets.enumerated() {
            if let blob = target.blob {
                let key = SecretScanCache.key(blob: blob, size: target.size, isCSV: target.isCSV)
                used.insert(key)
                if let remembered = cache[key] {
                    perTarget[index] = remembered
                    results.remembered += 1
                    continue
                }
            }
            toRead.append(index)
        }
        let scanned = scanAll(toRead.map { targets[$0] }, remembered: cache.entries)
        for (k, index) in toRead.enumerated() {
            guard let outcome = scanned[k] else { continue }  // unreadable: the evidence scan reports it
            perTarget[index] = outcome.findings
            if outcome.wasRemembered {
                results.remembered += 1
            } else {
                results.scanned += 1
            }
            let key =
                outcome.contentKey
                ?? targets[index].blob.map {
                    SecretScanCache.key(blob: $0, size: targets[index].size, isCSV: targets[index].isCSV)
                }
            if let key {
                used.insert(key)
                cache.learn(key, outcome.findings)
            }
        }
        if let gitDirectory, cache.changed { cache.save(gitDirectory: gitDirectory, used: used) }

        var usedEntries = Set<Int>()
        for (index, target) in targets.enumerated() {
            for finding in perTarget[index] ?? [] {
                var result = SecretFinding(path: target.display, line: finding.line, kind: finding.kind)
                if let (reason, entry) = acknowledgements.acknowledgement(of: result) {
                    result.acknowledgement = reason
                    usedEntries.insert(entry)
                }
                results.findings.append(result)
            }
        }
        results.findings.sort(by: SecretFinding.displayOrder)
        report(results, acknowledgements, usedEntries, into: log)
        return results
    }

    // MARK: - What ships

    /// The files `dossier bundle` would ship (`BundlePlan`), each once, in path order.
    static func targets(
        _ map: ControlMap, _ readiness: Readiness, registers: RegisterResults, requests: RequestBook?,
        workspace: Workspace
    ) -> [Target] {
        var byPath: [PathKey: Target] = [:]
        func add(_ file: EvidenceFile) {
            let key = PathKey(file.path)
            guard byPath[key] == nil else { return }
            byPath[key] = Target(
                path: file.path, size: file.size, blob: EvidenceDigest.cacheableBlob(file))
        }
        for control in readiness.controls {
            for requirement in control.requirements {
                for file in requirement.files { add(file) }
                for file in requirement.later { add(file) }
            }
        }
        for file in registers.evidenceFiles { add(file) }
        for status in requests?.statuses ?? [] {
            for file in status.files { add(file) }
        }
        var documents = [Workspace.controlMapFile]
        documents += map.controls.compactMap(\.narrative)
        documents.append(EvidenceScanner.collectionDatesFile)
        documents += registers.documentPaths
        if requests != nil { documents.append(RequestList.file) }
        for document in documents {
            let path = Array(document.utf8)
            guard byPath[PathKey(path)] == nil, workspace.isFile(document) else { continue }
            byPath[PathKey(path)] = Target(path: path, size: -1, blob: nil)
        }
        return byPath.values.filter { !Precompressed.contains($0.path) }
            .sorted { $0.path.lexicographicallyPrecedes($1.path) }
    }

    /// Path bytes hashed in one go (an `[UInt8]` key hashes byte by byte, which showed in profiles).
    struct PathKey: Hashable {
        let bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
    }

    // MARK: - Reading

    /// What reading one file gave: its findings, the cache key of its content when it has no blob id, and
    /// whether the findings were remembered under that key rather than scanned.
    struct Scanned: Sendable {
        var findings: [SecretScanner.Finding]
        var contentKey: String?
        var wasRemembered: Bool
    }

    /// Files without a blob id up to this size are held while their SHA-256 is computed, so a remembered
    /// result spares the scan; larger ones are scanned as they are read.
    static let maxHeldBytes = 8 << 20

    /// The outcome for each target (nil where it cannot be read), split over up to two cores.
    private func scanAll(_ targets: [Target], remembered: [String: [SecretScanner.Finding]]) -> [Scanned?] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 2, targets.count / 8))
        let files = self.files
        @Sendable func share(_ worker: Int) -> [Scanned?] {
            stride(from: worker, to: targets.count, by: workers).map { Self.scan(targets[$0], files, remembered) }
        }
        let others = (1..<workers).map { worker in Future(name: "dossier-secrets") { share(worker) } }
        var results = [Scanned?](repeating: nil, count: targets.count)
        let shares = [share(0)] + others.map { (try? $0.value()) ?? [] }
        for (worker, found) in shares.enumerated() {
            for (k, outcome) in found.enumerated() { results[worker + k * workers] = outcome }
        }
        return results
    }

    static func scan(
        _ target: Target, _ files: WorkspaceFiles, _ remembered: [String: [SecretScanner.Finding]] = [:]
    ) -> Scanned? {
        guard let opened = try? files.open(target.path) else { return nil }
        var scanner = SecretScanner(isCSV: target.isCSV)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: readSize, alignment: 16)
        defer { buffer.deallocate() }
        let keyed = target.blob == nil
        var hasher = SHA256()
        var held: [UInt8] = []
        var size = 0
        var streaming = !keyed
        while true {
            guard let n = try? opened.read(into: buffer) else { return nil }
            if n == 0 { break }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[..<n])
            size += n
            if keyed { hasher.update(bufferPointer: chunk) }
            if streaming {
                scanner.scan(chunk)
            } else {
                held.append(contentsOf: chunk)
                if held.count > maxHeldBytes {
                    held.withUnsafeBytes { scanner.scan($0) }
                    held = []
                    streaming = true
                }
            }
        }
        var key: String?
        if keyed {
            let digest = "sha256:" + Hex.string(hasher.finalize())
            key = SecretScanCache.key(blob: digest, size: Int64(size), isCSV: target.isCSV)
            if !streaming, let findings = remembered[key!] {
                return Scanned(findings: findings, contentKey: key, wasRemembered: true)
            }
        }
        if !streaming { held.withUnsafeBytes { scanner.scan($0) } }
        let findings = scanner.findings.sorted { ($0.line, $0.kind) < ($1.line, $1.kind) }
        return Scanned(findings: findings, contentKey: key, wasRemembered: false)
    }

    // MARK: - Acknowledgements and diagnostics

    private func loadAcknowledgements(_ workspace: Workspace, _ log: DiagnosticLog) -> SecretAcknowledgements {
        let file = SecretAcknowledgements.fileName
        do {
            guard let bytes = try workspace.read(file, limit: SecretAcknowledgements.maxBytes) else {
                return SecretAcknowledgements()
            }
            return SecretAcknowledgements.parse(bytes, into: log)
        } catch {
            log.report(
                Diagnostic(
                    .warning, .secretAcknowledgementInvalid, "\(file) \(error); it acknowledges nothing", file: file,
                    hint: "keep it a regular text file of at most 1 MiB"))
            return SecretAcknowledgements()
        }
    }

    private func report(
        _ results: SecretScanResults, _ acknowledgements: SecretAcknowledgements, _ usedEntries: Set<Int>,
        into log: DiagnosticLog
    ) {
        var byFile: [String: [SecretFinding]] = [:]
        var order: [String] = []
        for finding in results.unacknowledged {
            if byFile[finding.path] == nil { order.append(finding.path) }
            byFile[finding.path, default: []].append(finding)
        }
        for path in order {
            log.report(
                Self.diagnostics(for: byFile[path]!, severity: .warning, code: .secretFound, more: .secretMoreFound))
        }
        for (index, entry) in acknowledgements.entries.enumerated() where !usedEntries.contains(index) {
            log.report(
                Diagnostic(
                    .warning, .secretAcknowledgementUnused,
                    "acknowledges `\(entry.path):\(entry.line.map(String.init) ?? "*"):\(entry.kind.rawValue)`, which no shipped file has",
                    file: SecretAcknowledgements.fileName, line: entry.sourceLine, column: 1,
                    hint: "the file changed or no longer ships; remove the line so it cannot hide a later finding"))
        }
    }

    /// The diagnostics for one file's unacknowledged findings: the first few, then one line for the rest.
    /// `bundle` uses the same lines, as errors, when it refuses.
    public static func diagnostics(
        for findings: [SecretFinding], severity: Diagnostic.Severity, code: DiagnosticCode, more: DiagnosticCode
    ) -> [Diagnostic] {
        guard let path = findings.first?.path else { return [] }
        var result = findings.prefix(findingsPerFile).map { finding in
            Diagnostic(
                severity, code,
                "this line looks like it holds \(finding.kind.phrase) [\(finding.kind.rawValue)]; it would reach the auditor",
                file: path, line: finding.line,
                hint:
                    "redact it and commit (rotate it if it is live); if it may ship, acknowledge it in \(SecretAcknowledgements.fileName): `\(finding.fingerprint) <reason>`"
            )
        }
        if findings.count > findingsPerFile {
            result.append(
                Diagnostic(
                    severity, more,
                    "\(findings.count - findingsPerFile) more lines look like they hold secrets", file: path))
        }
        return result
    }
}
