import DossierCore
import DossierMarkdown
import Foundation

/// Renders the readiness site of an assessment: every page, the assets, and (optionally) evidence copies.
///
/// Takes the engine's judgement as it is and never re-judges. Digests come in from the caller (the build
/// command hashes evidence once; the bundle passes the hashes it computed while archiving). The output is a
/// pure function of its inputs: the same assessment, digests, templates and options give byte-identical files.
public struct SiteRenderer {
    public var assessment: Assessment
    public var digests: [[UInt8]: String]
    public var templates: TemplateSet
    public var options: SiteOptions

    public init(
        assessment: Assessment, digests: [[UInt8]: String], templates: TemplateSet, options: SiteOptions = .init()
    ) {
        self.assessment = assessment
        self.digests = digests
        self.templates = templates
        self.options = options
    }

    /// The Content-Security-Policy every built-in page carries: no inline script or style, nothing remote.
    public static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "base-uri 'none'; form-action 'none'; object-src 'none'"

    public func render() throws -> SiteOutput {
        var context = SiteContext(assessment: assessment, digests: digests, options: options)
        var files: [SiteFile] = []
        if options.includeEvidence { files += context.copyEvidence() }
        var diagnostics = context.diagnostics
        for page in pages(context) {
            files.append(render(page, context, &diagnostics))
        }
        for (path, bytes) in templates.assets.sorted(by: { $0.key < $1.key }) {
            files.append(SiteFile(path: path, bytes: bytes))
        }
        context.diagnostics = []
        return SiteOutput(files: files, diagnostics: diagnostics)
    }

    // MARK: - Pages

    /// Every page of the site with its template data (assets and evidence copies aside).
    func pages(_ context: SiteContext) -> [PageSpec] {
        [DashboardPage.spec(context), GapsPage.spec(context), EvidencePage.spec(context)]
            + CriteriaPages.specs(context) + ControlPages.specs(context) + NarrativePages.specs(context)
    }

    /// What the page template and the layout receive (the layout also gets `content`).
    func data(_ page: PageSpec, _ context: SiteContext) -> [String: Any] {
        let root = SitePaths.root(of: page.path)
        var data = page.data
        data["root"] = root
        data["site"] = context.site
        data["page"] = ["title": page.title, "section": page.section, "path": page.path] as [String: Any]
        data["csp"] = Self.contentSecurityPolicy
        data["nav"] = SiteContext.navigation.map { item -> [String: Any] in
            ["label": item.label, "href": root + item.path, "current": item.section == page.section]
        }
        return data
    }

    private func render(_ page: PageSpec, _ context: SiteContext, _ diagnostics: inout [Diagnostic]) -> SiteFile {
        var fields: [String: TemplateValue] = [:]
        if case .object(let converted) = TemplateValue(data(page, context)) { fields = converted }
        guard let content = templates.render(page.template, .object(fields)) else {
            diagnostics.append(
                Diagnostic(.error, "template `\(page.template)` is missing or did not parse", step: "site"))
            return SiteFile(path: page.path, text: "")
        }
        fields["content"] = .string(content)
        guard let html = templates.render("layout", .object(fields)) else {
            diagnostics.append(Diagnostic(.error, "template `layout` is missing or did not parse", step: "site"))
            return SiteFile(path: page.path, text: content)
        }
        return SiteFile(path: page.path, text: html)
    }
}

/// One page to render: where it goes, which template, its title, its nav section and its template data.
struct PageSpec {
    var path: String
    var template: String
    var title: String
    var section: String
    var data: [String: Any]
}
