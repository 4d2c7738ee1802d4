import Foundation

/// Load → scan evidence → apply collection dates → judge readiness → narratives → secrets: the steps every
/// command shares.
public struct AssessmentPipeline: Sendable {
    public var workspace: Workspace
    /// `--as-of` from the command line; wins over `as_of` in the control map.
    public var asOfOverride: CalendarDay?
    /// "Today" when nothing else sets the as-of date.
    public var today: CalendarDay

    public init(workspace: Workspace, asOfOverride: CalendarDay? = nil, today: CalendarDay = Clock.today()) {
        self.workspace = workspace
        self.asOfOverride = asOfOverride
        self.today = today
    }

    /// Runs every step, each reporting into `log`; the assessment keeps what was reported.
    public func run(log: DiagnosticLog = DiagnosticLog()) -> Assessment {
        let map = loadControlMap(log)
        log.report(PlaceholderOwners.diagnostics(map, file: Workspace.controlMapFile))
        let sources = RegisterLoader(workspace: workspace, map: map).load(into: log)
        let requestList = loadRequests(map, log)
        // A request's evidence globs name files as a control's do: they are scanned, dated and shipped alike.
        let requirements =
            map.controls.flatMap(\.evidence) + sources.evidenceRequirements
            + (requestList?.requests ?? []).flatMap(\.evidence).map {
                EvidenceRequirement(path: $0)
            }
        var inventory = EvidenceScanner(files: workspace.files, requirements: requirements).scan(into: log)
        applyCollectionDates(&inventory, log)
        FileNameDates.apply(to: &inventory, maxLagDays: map.maxCollectionLagDays, into: log)
        CommitTrust.apply(to: &inventory, map: map, into: log)
        let asOf = asOfOverride ?? map.asOf ?? today
        let tests = EvidenceTestRunner(files: workspace.files).run(
            map, inventory, also: sources.evidenceRequirements)
        var readiness = ReadinessEngine(asOf: asOf).evaluate(map, inventory, tests: tests)
        EvidenceReport.report(readiness, into: log)
        let narratives = NarrativeCatalog.load(
            workspace: workspace, readiness: readiness, invalidControlIDs: map.invalidControlIDs,
            policies: sources.policies.map(\.path), into: log)
        let registers = RegisterSteps(workspace: workspace, asOf: asOf, map: map).judge(
            sources, readiness: readiness, tests: tests, narratives: narratives, into: log)
        // Files the registers count are used, though no control names them.
        let counted = Set(registers.evidenceFiles.map(\.path))
        if !counted.isEmpty { readiness.unusedFiles.removeAll { counted.contains($0.path) } }
        let requests = requestList.map {
            RequestBook(columns: $0.columns, statuses: RequestStatuses.evaluate($0, readiness: readiness))
        }
        let secrets = SecretScan(files: workspace.files).run(
            map, readiness, registers: registers, requests: requests, workspace: workspace, into: log)
        var assessment = Assessment(
            workspace: workspace, controlMap: map, readiness: readiness, narratives: narratives,
            secrets: secrets, registers: registers, diagnostics: DiagnosticCap.capped(log.diagnostics))
        assessment.requests = requests
        return assessment
    }

    // MARK: - Steps

    private func loadControlMap(_ log: DiagnosticLog) -> ControlMap {
        let file = Workspace.controlMapFile
        let bytes: [UInt8]?
        do {
            bytes = try workspace.read(file, limit: Workspace.maxControlMapBytes + 1)
        } catch {
            log.report(
                Diagnostic(
                    .error, .controlMapUnreadable, "\(file) \(error)", file: file,
                    hint: "make \(file) a regular file in the workspace"))
            return ControlMap()
        }
        guard let bytes else {
            log.report(
                Diagnostic(
                    .error, .controlMapMissing, "no \(file) in \(workspace.root)", file: file,
                    hint: "run Dossier in a workspace folder, pass its path, or create one with `dossier init`"))
            return ControlMap()
        }
        let root = workspace
        return ControlMapLoader(file: file, fileExists: { root.isFile($0) }).load(bytes, into: log)
    }

    /// `requests.yaml`, when the workspace has one.
    private func loadRequests(_ map: ControlMap, _ log: DiagnosticLog) -> RequestList? {
        let file = RequestList.file
        let bytes: [UInt8]
        do {
            guard let read = try workspace.read(file) else { return nil }
            bytes = read
        } catch {
            log.report(
                Diagnostic(
                    .error, .requestsUnreadable, "\(file) \(error)", file: file,
                    hint: "make \(file) a regular file in the workspace"))
            return nil
        }
        let loader = RequestListLoader(controls: map.controls.map(\.id), invalidControls: map.invalidControlIDs)
        return loader.load(bytes, into: log)
    }

    private func applyCollectionDates(_ inventory: inout EvidenceInventory, _ log: DiagnosticLog) {
        let file = EvidenceScanner.collectionDatesFile
        do {
            guard let bytes = try workspace.read(file) else { return }
            // Only files `dossier collect` recorded a digest for are hashed (their bytes as in the work tree).
            let files = workspace.files
            CollectionDates.apply(bytes, to: &inventory, into: log) { try? EvidenceDigest.sha256(files, path: $0.path) }
        } catch {
            log.report(Diagnostic(.error, .collectedUnreadable, "\(file) \(error)", file: file))
        }
    }
}
