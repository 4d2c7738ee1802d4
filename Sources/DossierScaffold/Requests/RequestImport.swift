import DossierCore
import DossierGit

/// `dossier requests import`: reads the auditor's CSV request list and writes `requests.yaml`.
///
/// Importing again (the auditor sends an updated list) keeps what the team linked: for every request id
/// already in the existing file, its controls, evidence globs, note and date range are carried over (controls
/// named in the CSV are added to them). Nothing is written while the CSV has any error.
public struct RequestImport {
    public struct Outcome: Sendable {
        public var path: String
        public var requests: Int
        /// Requests whose links were carried over from the existing file.
        public var kept: Int
        /// Warnings about the CSV (errors stop the import).
        public var diagnostics: [Diagnostic]
    }

    public var assessment: Assessment
    /// The CSV, as given on the command line.
    public var csvPath: String
    /// Where to write; nil for `requests.yaml` in the workspace.
    public var output: String?

    public init(assessment: Assessment, csvPath: String, output: String? = nil) {
        self.assessment = assessment
        self.csvPath = csvPath
        self.output = output
    }

    public var outputPath: String { output ?? assessment.workspace.root + "/" + RequestList.file }

    public func run() throws(RequestImportError) -> Outcome {
        let bytes = try readCSV()
        let log = DiagnosticLog()
        let map = assessment.controlMap
        let name = csvPath.split(separator: "/").last.map(String.init) ?? csvPath
        let reader = RequestCSVImport(
            file: csvPath, controls: map.controls.map(\.id), invalidControls: map.invalidControlIDs)
        guard var list = reader.read(bytes, into: log) else { throw .invalid(log.diagnostics) }
        var kept = 0
        if output == nil, let existing = try existingList() {
            let old = Dictionary(existing.requests.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for index in list.requests.indices {
                guard let before = old[list.requests[index].id] else { continue }
                var request = list.requests[index]
                request.controls = before.controls + request.controls.filter { !before.controls.contains($0) }
                request.evidence = before.evidence
                request.note = before.note
                request.period = request.period ?? before.period
                list.requests[index] = request
                kept += 1
            }
        }
        let text = RequestListWriter.yaml(list, source: name)
        do {
            try OutputFile.write(Array(text.utf8), to: outputPath)
        } catch {
            throw .unwritable(error.description)
        }
        return Outcome(path: outputPath, requests: list.requests.count, kept: kept, diagnostics: log.diagnostics)
    }

    private func readCSV() throws(RequestImportError) -> [UInt8] {
        do {
            guard let bytes = try Self.read(csv: csvPath) else {
                throw RequestImportError.unreadable("\(csvPath) does not exist")
            }
            return bytes
        } catch let error as RequestImportError {
            throw error
        } catch {
            throw .unreadable("\(csvPath) \(error)")
        }
    }

    /// The CSV's bytes (at most one byte over the size bound), read without following links; nil when missing.
    public static func read(csv csvPath: String) throws -> [UInt8]? {
        let slash = csvPath.lastIndex(of: "/")
        let folder = slash.map { String(csvPath[..<$0]) } ?? "."
        let name = slash.map { String(csvPath[csvPath.index(after: $0)...]) } ?? csvPath
        return try Workspace(path: folder.isEmpty ? "/" : folder).read(name, limit: RequestCSVImport.maxBytes + 1)
    }

    /// The request list already in the workspace (nil when there is none). One with errors is not replaced:
    /// the links in it would be lost.
    private func existingList() throws(RequestImportError) -> RequestList? {
        guard let bytes = try? assessment.workspace.read(RequestList.file) else { return nil }
        let log = DiagnosticLog()
        let map = assessment.controlMap
        let list = RequestListLoader(controls: map.controls.map(\.id), invalidControls: map.invalidControlIDs)
            .load(bytes, into: log)
        guard !log.diagnostics.hasErrors else { throw .existingInvalid(log.diagnostics) }
        return list
    }
}
