import DossierCore
import DossierGit
import DossierSite
import Glibc

/// The `dossier bundle` use case: judge the workspace, then pack it with its rendered site into a BagIt bag.
///
/// The command only parses options, shows progress and turns the outcome into lines and an exit code.
public struct BundleBuild: Sendable {
    public var pipeline: AssessmentPipeline
    public var options: BundleOptions

    public init(pipeline: AssessmentPipeline, options: BundleOptions) {
        self.pipeline = pipeline
        self.options = options
    }

    /// What a written bundle reports, with every warning to show: possible secrets, dirty files shipped with
    /// `--allow-dirty`, and the warnings of the site inside it.
    public struct Outcome: Sendable {
        public var result: BundleResult
        public var warnings: [Diagnostic]
    }

    /// Writes the bundle; on failure nothing is left in the output folder.
    public func run(progress: ((BundleProgress) -> Void)? = nil) throws(BundleBuildError) -> Outcome {
        let log = DiagnosticLog()
        let assessment = pipeline.run(log: log)
        let templates = TemplateSet.load(workspace: assessment.workspace, overrideDirectory: nil, into: log)
        guard !log.hasErrors else {
            throw .invalidWorkspace(assessment.diagnosticsToShowWhenInvalid(log), assessment.verdictWhenInvalid)
        }
        var options = options
        if let key = options.signingKey {
            do {
                options.signerFingerprint = try BundleSigning.fingerprint(ofKey: key)
            } catch {
                throw .signingKey(error.description)
            }
        }
        let site = BundleSite(assessment: assessment, templates: templates)
        let bundler = Bundler(
            assessment: assessment, options: options, renderSite: site.rendering, progress: progress)
        let result: BundleResult
        do {
            result = try bundler.write()
        } catch {
            switch error {
            case .refused(let diagnostics): throw .refused(diagnostics)
            case .failed(let message): throw .failed(message)
            }
        }
        var outcome = Outcome(result: result, warnings: result.warnings + site.warnings)
        if let key = options.signingKey, let signer = options.signerFingerprint {
            do {
                outcome.result.signature = (try BundleSigning.sign(bundle: result.path, key: key), signer)
            } catch {
                // An unsigned bundle where a signed one was asked for must not be mistaken for the real thing.
                unlink(result.path)
                throw .failed(error.description + "; no bundle written")
            }
        }
        return outcome
    }
}

/// Why `dossier bundle` wrote nothing.
public enum BundleBuildError: Error, Sendable, CustomStringConvertible {
    /// The workspace or the templates have errors (the diagnostics to show).
    /// With the control map's own verdict line when the map has errors.
    case invalidWorkspace([Diagnostic], String?)
    /// The workspace cannot be bundled as it is (dirty evidence, unshippable names, …).
    case refused([Diagnostic])
    /// The key given to sign with cannot be used (ssh-keygen's message); nothing was written.
    case signingKey(String)
    /// Reading the workspace, writing the archive or signing it failed part-way.
    case failed(String)

    public var diagnostics: [Diagnostic] {
        switch self {
        case .invalidWorkspace(let d, _), .refused(let d): d
        case .failed, .signingKey: []
        }
    }

    public var description: String {
        switch self {
        case .invalidWorkspace(_, let verdict?): verdict + "\nerror: the workspace has errors; fix them before bundling"
        case .invalidWorkspace: "the workspace has errors; fix them before bundling"
        case .refused: "no bundle written"
        case .failed(let message), .signingKey(let message): message
        }
    }
}
