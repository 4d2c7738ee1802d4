import DossierGit
import Foundation

/// The JSON document of `dossier check --json` (and `readiness.json` in a bundle). Field names are a public
/// interface: add, never rename. Properties are camelCase; the encoder writes them snake_case (`asOf` → `as_of`).
public struct ReadinessReport: Codable, Sendable {
    public struct Totals: Codable, Sendable {
        @Nullable public var percent: Double?
        public var covered: Int
        public var applicable: Int
    }
    public struct Category: Codable, Sendable {
        public var id: String
        public var title: String
        public var inScope: Bool
        @Nullable public var percent: Double?
        public var covered: Int
        public var applicable: Int
    }
    public struct Criterion: Codable, Sendable {
        public var id: String
        public var category: String
        public var family: String
        public var title: String
        public var state: String
        public var controls: [String]
        @Nullable public var exclusionReason: String?
    }
    /// A secret-scan finding in a file the bundle would ship (the secret itself is never included).
    public struct Secret: Codable, Sendable {
        public var path: String
        public var line: Int
        public var kind: String
        public var acknowledged: Bool
        /// The reason written in `.dossier-secrets`.
        @Nullable public var reason: String?
    }
    public struct Window: Codable, Sendable {
        public var label: String
        public var first: String
        public var last: String
        public var files: Int
    }
    public struct Evidence: Codable, Sendable {
        public var path: String
        @Nullable public var description: String?
        public var frequency: String
        public var state: String
        public var files: [String]
        @Nullable public var newest: String?
        @Nullable public var freshUntil: String?
        public var missingWindows: [String]
        public var windows: [Window]
        public var unusableFiles: [String]
        /// Type II windows whose files all fail some test.
        public var failingWindows: [String]
        public var tests: [Test]
    }
    /// One evidence test over the files it was judged on (the newest, and every one dated in the period).
    public struct Test: Codable, Sendable {
        public struct Failure: Codable, Sendable {
            public var file: String
            @Nullable public var line: Int?
            @Nullable public var path: String?
            public var message: String
        }
        /// The test as written, on one line: `every: {column: mfa_enrolled, equals: "true"}`.
        public var test: String
        public var passed: Bool
        public var filesFailed: Int
        /// Failing rows or values over all files, exact.
        public var failureCount: Int
        /// At most 20.
        public var failures: [Failure]
    }
    public struct Control: Codable, Sendable {
        public var id: String
        public var title: String
        public var owner: String
        public var frequency: String
        public var status: String
        public var state: String
        public var ready: Bool
        public var criteria: [String]
        @Nullable public var narrative: String?
        public var evidence: [Evidence]
    }
    public struct File: Codable, Sendable {
        public var path: String
        public var size: Int64
        @Nullable public var blob: String?
        @Nullable public var commit: String?
        @Nullable public var author: String?
        @Nullable public var date: String?
        @Nullable public var collected: String?
        /// Which source gave `date`: `declared` (evidence/collected.yaml), `file-name` or `commit`.
        @Nullable public var dateSource: String?
        /// The command `dossier collect` ran to gather the file (from evidence/collected.yaml).
        @Nullable public var collectedBy: String?
        /// git's verdict on the newest commit's signature: `verified`, `unverified`, `bad` or `unsigned`.
        @Nullable public var signature: String?
        @Nullable public var signer: String?
        @Nullable public var keyFingerprint: String?
        /// Whether the commit that dates the file is back-dated (before its parent, or authored more than
        /// `max_collection_lag_days` before it was committed).
        public var backdated: Bool
        public var problems: [String]
        public var used: Bool
    }
    public struct Git: Codable, Sendable {
        public var workTree: Bool
        @Nullable public var commit: String?
        @Nullable public var branch: String?
        public var shallow: Bool
        public var dirty: Bool
    }
    public struct DiagnosticEntry: Codable, Sendable {
        public var severity: String
        /// The stable kind of the problem (`DiagnosticCode`): what scripts filter on.
        public var code: String
        @Nullable public var file: String?
        @Nullable public var line: Int?
        @Nullable public var column: Int?
        public var message: String
        @Nullable public var hint: String?

        init(_ d: Diagnostic) {
            severity = d.severity.rawValue
            code = d.code.rawValue
            message = d.message
            file = d.file
            line = d.line
            column = d.column
            hint = d.hint
        }
    }

    /// One request of the auditor's list (`requests.yaml`) and where it stands.
    public struct Request: Codable, Sendable {
        public var id: String
        public var description: String
        @Nullable public var assignee: String?
        @Nullable public var due: String?
        /// `answered`, `open` or `overdue`.
        public var state: String
        public var controls: [String]
        public var evidence: [String]
        /// The usable files that answer it (workspace paths).
        public var files: [String]
        /// Links (control ids, globs) with no usable evidence.
        public var unanswered: [String]

        init(_ s: RequestStatus) {
            id = s.request.id
            description = s.request.description
            assignee = s.request.assignee
            due = s.request.due?.description
            state = s.state.rawValue
            controls = s.request.controls
            evidence = s.request.evidence
            files = s.files.map(\.displayPath)
            unanswered = s.unanswered
        }
    }

    public var tool: String
    public var organization: String
    public var system: String
    public var asOf: String
    @Nullable public var period: AuditPeriod?
    public var scope: [String]
    public var graceDays: Int
    public var git: Git
    public var readiness: Totals
    public var controlsByState: [String: Int]
    public var categories: [Category]
    public var criteria: [Criterion]
    public var controls: [Control]
    public var evidenceFiles: [File]
    public var secrets: [Secret]
    /// The registers, each null when the workspace has none (README: "check --json").
    @Nullable public var risks: RegisterReport.Risks?
    @Nullable public var vendors: RegisterReport.Vendors?
    @Nullable public var policies: RegisterReport.Policies?
    public var diagnostics: [DiagnosticEntry]
    /// The auditor's request list; null when the workspace has no `requests.yaml`.
    @Nullable public var requests: [Request]?

    public init(_ assessment: Assessment) {
        self.init(assessment, withLongArrays: true)
    }

    private init(_ assessment: Assessment, withLongArrays: Bool) {
        let r = assessment.readiness
        let map = assessment.controlMap
        tool = "dossier \(DossierVersion.current)"
        organization = map.organization
        system = map.system
        asOf = r.asOf.description
        period = map.period
        scope = TrustCategory.allCases.filter { map.scope.contains($0) }.map(\.rawValue)
        graceDays = map.graceDays
        git = Git(
            workTree: r.inventory.git.isWorkTree, commit: r.inventory.git.head, branch: r.inventory.git.branch,
            shallow: r.inventory.git.isShallow, dirty: r.inventory.git.isDirty)
        readiness = Totals(percent: r.percent, covered: r.covered, applicable: r.applicable)
        controlsByState = Dictionary(
            uniqueKeysWithValues: ControlState.allCases.map { state in
                (state.rawValue, r.controls.filter { $0.state == state }.count)
            })
        categories = r.categories.map {
            Category(
                id: $0.category.rawValue, title: $0.category.title, inScope: $0.inScope, percent: $0.percent,
                covered: $0.covered, applicable: $0.applicable)
        }
        criteria = r.criteria.map {
            Criterion(
                id: $0.criterion.id, category: $0.criterion.category.rawValue, family: $0.criterion.family,
                title: $0.criterion.title, state: $0.state.rawValue, controls: $0.controls,
                exclusionReason: $0.exclusionReason)
        }
        if withLongArrays {
            controls = r.controls.map(Control.init)
            let unused = Self.unusedPaths(r)
            evidenceFiles = r.inventory.files.map {
                File($0, unused: unused, maxLagDays: r.controlMap.maxCollectionLagDays)
            }
        } else {
            controls = []
            evidenceFiles = []
        }
        secrets = assessment.secrets.findings.map {
            Secret(
                path: $0.path, line: $0.line, kind: $0.kind.rawValue, acknowledged: $0.isAcknowledged,
                reason: $0.acknowledgement)
        }
        let registers = assessment.registers
        risks = registers.risks.map(RegisterReport.Risks.init)
        vendors = registers.vendors.map(RegisterReport.Vendors.init)
        policies = registers.hasPolicies ? RegisterReport.Policies(registers.policies) : nil
        diagnostics = assessment.diagnostics.sortedForDisplay().map(DiagnosticEntry.init)
        requests = assessment.requests?.statuses.map(Request.init)
    }

    /// Pretty, key-sorted JSON with a final newline: the same assessment always gives the same bytes.
    public func encoded() throws -> [UInt8] {
        var bytes: [UInt8] = []
        try write { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// The bytes of `encoded()`, handed to `sink` in pieces of at most a few hundred KiB. Foundation's
    /// JSONEncoder builds its whole value tree before writing a byte (about 40 MB for 20,000 evidence files),
    /// so the two long arrays are encoded a slice at a time and spliced into the rest; `ReportStream` says how.
    public func write(_ sink: ([UInt8]) throws -> Void) throws {
        var head = self
        head.controls = []
        head.evidenceFiles = []
        try ReportStream().write(
            head: head,
            controls: (controls.count, { Array(controls[$0]) }),
            files: (evidenceFiles.count, { Array(evidenceFiles[$0]) }),
            sink)
    }

    /// `ReadinessReport(assessment).write(sink)` without the whole report in memory: controls and files are
    /// converted a slice at a time as they are written.
    public static func write(_ assessment: Assessment, _ sink: ([UInt8]) throws -> Void) throws {
        try write(assessment, slices: ReportStream.Slices(), sink)
    }

    static func write(
        _ assessment: Assessment, slices: ReportStream.Slices, _ sink: ([UInt8]) throws -> Void
    ) throws {
        let r = assessment.readiness
        let unused = unusedPaths(r)
        try ReportStream(slices: slices).write(
            head: ReadinessReport(assessment, withLongArrays: false),
            controls: (r.controls.count, { r.controls[$0].map(Control.init) }),
            files: (
                r.inventory.files.count,
                {
                    r.inventory.files[$0].map {
                        File($0, unused: unused, maxLagDays: r.controlMap.maxCollectionLagDays)
                    }
                }
            ),
            sink)
    }

    static func unusedPaths(_ r: Readiness) -> Set<[UInt8]> { Set(r.unusedFiles.map(\.path)) }
}

extension ReadinessReport.Control {
    init(_ c: ControlResult) {
        self.init(
            id: c.control.id, title: c.control.title, owner: c.control.owner,
            frequency: c.control.frequency.rawValue,
            status: c.control.status.rawValue, state: c.state.rawValue, ready: c.isReady,
            criteria: c.control.criteria,
            narrative: c.control.narrative,
            evidence: c.requirements.map { q in
                ReadinessReport.Evidence(
                    path: q.requirement.path, description: q.requirement.description,
                    frequency: q.frequency.rawValue,
                    state: q.state.rawValue, files: q.files.map(\.displayPath), newest: q.newest?.description,
                    freshUntil: q.freshUntil?.description, missingWindows: q.missingWindows.map(\.label),
                    windows: q.windows.map {
                        ReadinessReport.Window(
                            label: $0.window.label, first: $0.window.first.description,
                            last: $0.window.last.description, files: $0.files)
                    },
                    unusableFiles: q.unusable.map(\.displayPath),
                    failingWindows: q.failingWindows.map(\.label),
                    tests: q.tests.map(ReadinessReport.Test.init))
            })
    }
}

extension ReadinessReport.File {
    init(_ f: EvidenceFile, unused: Set<[UInt8]>, maxLagDays: Int) {
        let signature = f.commit?.signature
        self.init(
            path: f.displayPath, size: f.size, blob: f.blob, commit: f.commit?.hash, author: f.commit?.author,
            date: f.date?.description, collected: f.collected?.description, dateSource: f.dateSource?.rawValue,
            collectedBy: f.collectedBy, signature: signature?.label,
            signer: signature.map(\.signer).flatMap { $0.isEmpty ? nil : $0 },
            keyFingerprint: signature.map(\.fingerprint).flatMap { $0.isEmpty ? nil : $0 },
            backdated: CommitTrust.isBackdated(f, maxLagDays: maxLagDays),
            problems: f.problems.map(\.rawValue),
            used: f.isUsable && !unused.contains(f.path))
    }
}
