import Foundation

/// Load → scan evidence → apply collection dates → judge readiness: the steps every command shares.
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

    public func run() -> Assessment {
        var diagnostics: [Diagnostic] = []
        let map = loadControlMap(&diagnostics)
        let requirements = map.controls.flatMap(\.evidence)
        var inventory = EvidenceScanner(root: workspace.root, requirements: requirements).scan(&diagnostics)
        applyCollectionDates(&inventory, &diagnostics)
        let asOf = asOfOverride ?? map.asOf ?? today
        let tests = EvidenceTestRunner(root: workspace.root).run(map, inventory)
        let readiness = ReadinessEngine(asOf: asOf).evaluate(map, inventory, tests: tests)
        diagnostics += EvidenceReport.diagnostics(for: readiness)
        let (narratives, narrativeDiagnostics) = NarrativeCatalog.load(workspace: workspace, readiness: readiness)
        diagnostics += narrativeDiagnostics
        return Assessment(
            workspace: workspace, controlMap: map, readiness: readiness, narratives: narratives,
            diagnostics: diagnostics)
    }

    // MARK: - Steps

    private func loadControlMap(_ diagnostics: inout [Diagnostic]) -> ControlMap {
        let file = Workspace.controlMapFile
        let bytes: [UInt8]?
        do {
            bytes = try workspace.read(file, limit: Workspace.maxControlMapBytes + 1)
        } catch {
            diagnostics.append(
                Diagnostic(
                    .error, "\(file) \(error)", file: file, hint: "make \(file) a regular file in the workspace",
                    step: "load"))
            return ControlMap()
        }
        guard let bytes else {
            diagnostics.append(
                Diagnostic(
                    .error, "no \(file) in \(workspace.root)", file: file,
                    hint: "run Dossier in a workspace folder, pass its path, or create one with `dossier init`",
                    step: "load"))
            return ControlMap()
        }
        let root = workspace
        let (map, found) = ControlMapLoader(file: file, fileExists: { root.isFile($0) }).load(bytes)
        diagnostics += found.map {
            var d = $0
            d.step = d.step ?? "load"
            return d
        }
        return map
    }

    private func applyCollectionDates(_ inventory: inout EvidenceInventory, _ diagnostics: inout [Diagnostic]) {
        let file = EvidenceScanner.collectionDatesFile
        do {
            guard let bytes = try workspace.read(file) else { return }
            CollectionDates.apply(bytes, to: &inventory, &diagnostics)
        } catch {
            diagnostics.append(Diagnostic(.error, "\(file) \(error)", file: file, step: "evidence"))
        }
    }
}

/// The clock, read in one place so that `SOURCE_DATE_EPOCH` makes every output reproducible.
public enum Clock {
    /// Seconds since the epoch: `SOURCE_DATE_EPOCH` when set and valid, else the system clock.
    public static func now(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ClockError)
        -> Int64
    {
        if let value = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int64(value), seconds >= 0, value.allSatisfy(\.isNumber) else {
                throw ClockError(value: value)
            }
            return seconds
        }
        return Int64(Date().timeIntervalSince1970)
    }

    /// Today in UTC (from `SOURCE_DATE_EPOCH` when set; a malformed value falls back to the system clock here,
    /// the commands report it).
    public static func today() -> CalendarDay {
        CalendarDay(unixTime: (try? now()) ?? Int64(Date().timeIntervalSince1970))
    }

    public struct ClockError: Error, Sendable, CustomStringConvertible {
        public var value: String
        public var description: String {
            "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, found `\(value)`"
        }
    }
}
