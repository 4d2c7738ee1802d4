import DossierCore
import DossierSite
import Synchronization

/// The readiness site that goes under `data/site/` of a bundle, rendered with the digests the bundler
/// computed while archiving the evidence. Evidence is not copied into the site: the bag already holds it.
///
/// The bundler may render the site twice (predicted digests, then real ones); the warnings kept are those of
/// the last rendering. Rendering runs on the bundler's site thread, hence the lock.
final class BundleSite: Sendable {
    let assessment: Assessment
    let templates: TemplateSet
    private let lastWarnings = Mutex<[Diagnostic]>([])

    init(assessment: Assessment, templates: TemplateSet) {
        self.assessment = assessment
        self.templates = templates
    }

    /// The warnings of the last complete rendering.
    var warnings: [Diagnostic] { lastWarnings.withLock { $0 } }

    /// Renders the site page by page for `Bundler`.
    var rendering: SiteRendering {
        { [self] digests in
            var files = SiteRenderer(
                assessment: assessment, digests: digests, templates: templates,
                options: SiteOptions(includeEvidence: false, evidenceBeside: BagPath.siteLinks(digests.keys))
            ).files()
            return { sink in
                if let path = try files.next(into: sink) { return path }
                if files.diagnostics.hasErrors {
                    throw BundleSiteError(diagnostics: files.diagnostics.filter { $0.severity == .error })
                }
                self.lastWarnings.withLock { $0 = files.diagnostics.filter { $0.severity == .warning } }
                return nil
            }
        }
    }
}

/// A page of the bundle's site failed to render.
struct BundleSiteError: Error, CustomStringConvertible {
    var diagnostics: [Diagnostic]
    var description: String { diagnostics.map(\.message).joined(separator: "; ") }
}
