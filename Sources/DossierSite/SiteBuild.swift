import DossierCore
import DossierGit
import Foundation

/// The `dossier build` use case: judge the workspace, then render the site into a folder — or leave it alone
/// when its stamp shows that nothing it is made from changed.
///
/// The command only turns the outcome into lines and an exit code; everything here is reachable from tests.
public struct SiteBuild: Sendable {
    public var pipeline: AssessmentPipeline
    /// The absolute site folder.
    public var output: String
    /// `--templates`, as given; nil for WORKSPACE/templates.
    public var templateDirectory: String?
    public var includeEvidence: Bool
    /// Render even when the stamp says nothing changed.
    public var force: Bool
    /// Render the other half of the pages on a second thread (the default on more than one core).
    public var renderAhead: Bool = ProcessInfo.processInfo.activeProcessorCount > 1
    /// A stamp is kept only when every input is at least this much older than the build (`SiteInputs`).
    public var settleNanoseconds: Int64 = 2_000_000_000

    public init(
        pipeline: AssessmentPipeline, output: String? = nil, templateDirectory: String? = nil,
        includeEvidence: Bool = false, force: Bool = false
    ) {
        self.pipeline = pipeline
        self.output =
            output.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? pipeline.workspace.root + "/site"
        self.templateDirectory = templateDirectory
        self.includeEvidence = includeEvidence
        self.force = force
    }

    /// What a finished build did.
    public struct Outcome: Sendable {
        /// True when the site was left alone because nothing it is made from changed.
        public var unchanged: Bool
        public var pages: Int
        /// Evidence files copied into the site (with `includeEvidence`).
        public var evidenceCopies: Int
        /// Warnings to show (notes are left out); an unchanged build repeats those of the build it skipped.
        public var diagnostics: [Diagnostic]
    }

    /// Builds the site; on failure nothing replaces the old site.
    public func run() throws(SiteBuildError) -> Outcome {
        let startedAt = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
        var inputs = SiteInputs(
            workspace: pipeline.workspace, output: output,
            templateDirectory: templateDirectory.map { URL(fileURLWithPath: $0).standardizedFileURL.path },
            includeEvidence: includeEvidence, asOfOverride: pipeline.asOfOverride, today: pipeline.today)
        inputs.settleNanoseconds = settleNanoseconds
        if !force, let stamp = inputs.unchangedStamp() {
            return Outcome(unchanged: true, pages: stamp.pages, evidenceCopies: 0, diagnostics: stamp.diagnostics)
        }
        let log = DiagnosticLog()
        let assessment = pipeline.run(log: log)
        // Taken before the site is written: what this build read, described as it was when it was read.
        let snapshot = inputs.snapshot(of: assessment)
        let templates = TemplateSet.load(
            workspace: assessment.workspace, overrideDirectory: templateDirectory, into: log)
        guard !log.hasErrors else {
            throw .invalidWorkspace(assessment.diagnosticsToShowWhenInvalid(log), assessment.verdictWhenInvalid)
        }
        let digests = EvidenceDigest.digests(of: assessment.readiness.inventory, files: assessment.workspace.files)
        var files = SiteRenderer(
            assessment: assessment, digests: digests, templates: templates,
            options: SiteOptions(includeEvidence: includeEvidence)
        ).files()
        if renderAhead { files = files.renderingAhead() }
        let paths = files.paths
        // Pages are written as they render; the new site replaces the old one only if every page rendered.
        let written: Bool
        do {
            written = try SiteWriter(directory: output).write(&files) { !$0.diagnostics.hasErrors }
        } catch {
            log.report(files.diagnostics)
            throw .writeFailed(error.description, log.shown)
        }
        log.report(files.diagnostics)
        let shown = log.shown
        guard written else { throw .notRendered(shown) }
        let pages = paths.filter { $0.hasSuffix(".html") }.count
        if let snapshot {
            inputs.save(snapshot, startedAt: startedAt, pages: pages, diagnostics: shown)
        }
        return Outcome(
            unchanged: false, pages: pages, evidenceCopies: paths.filter { $0.hasPrefix("files/") }.count,
            diagnostics: shown)
    }
}

/// Why `dossier build` wrote no site; each case carries the diagnostics to show (errors and warnings).
public enum SiteBuildError: Error, Sendable, CustomStringConvertible {
    /// The workspace or the templates have errors: nothing was rendered.
    /// With the control map's own verdict line when the map has errors.
    case invalidWorkspace([Diagnostic], String?)
    /// A page failed to render: the old site is untouched.
    case notRendered([Diagnostic])
    /// The folder could not be written (with the writer's message).
    case writeFailed(String, [Diagnostic])

    public var diagnostics: [Diagnostic] {
        switch self {
        case .invalidWorkspace(let d, _), .notRendered(let d), .writeFailed(_, let d): d
        }
    }

    public var description: String {
        switch self {
        case .invalidWorkspace(_, let verdict?): verdict + "\nerror: the workspace has errors; no site was written"
        case .invalidWorkspace: "the workspace has errors; no site was written"
        case .notRendered: "the site could not be rendered; nothing was written"
        case .writeFailed(let message, _): message
        }
    }
}
