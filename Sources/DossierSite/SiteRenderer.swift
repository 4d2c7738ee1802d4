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

    /// Every file at once (tests and small sites); `files()` renders one page at a time.
    public func render() throws -> SiteOutput {
        var files = self.files()
        var all: [SiteFile] = []
        while let file = files.next() { all.append(file) }
        return SiteOutput(files: all, diagnostics: files.diagnostics)
    }

    /// The site's files in byte order of their paths, each page rendered only when it is pulled, so memory
    /// holds the judgement and one page rather than the whole site (27 MiB of HTML for 20,000 files).
    public func files() -> SiteFiles {
        var context = SiteContext(assessment: assessment, digests: digests, options: options)
        var items: [SiteFiles.Item] = []
        if options.includeEvidence { items += context.copyEvidence().map { .file($0) } }
        for (path, link) in options.evidenceBeside { context.paths.evidenceCopies[path] = link }
        items += lazyPages(context).map { .page($0) }
        items += templates.assets.map { .file(SiteFile(path: $0.key, bytes: $0.value)) }
        items.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        let diagnostics = context.diagnostics
        context.diagnostics = []
        return SiteFiles(items: items, diagnostics: diagnostics) { page, diagnostics, out in
            render(page, context, &diagnostics, into: out)
        }
    }

    // MARK: - Pages

    /// Every page, known by its path before its data is built.
    func lazyPages(_ context: SiteContext) -> [LazyPage] {
        var pages = [
            LazyPage(path: SitePaths.dashboard) { DashboardPage.spec(context) },
            LazyPage(path: SitePaths.gaps) { GapsPage.spec(context) },
            LazyPage(path: SitePaths.evidence) { EvidencePage.spec(context) },
            LazyPage(path: SitePaths.criteriaIndex) { CriteriaPages.index(context) },
            LazyPage(path: SitePaths.controlsIndex) { ControlPages.index(context) },
            LazyPage(path: SitePaths.narrativesIndex) { NarrativePages.index(context) },
        ]
        if context.assessment.requests != nil {
            pages.append(LazyPage(path: SitePaths.requests) { RequestsPage.spec(context) })
        }
        for c in context.readiness.criteria {
            pages.append(LazyPage(path: context.paths.criteria[c.criterion.id]!) { CriteriaPages.page(c, context) })
        }
        for c in context.readiness.controls {
            pages.append(LazyPage(path: context.paths.controls[c.control.id]!) { ControlPages.page(c, context) })
        }
        for n in context.catalog.narratives {
            pages.append(LazyPage(path: context.paths.narratives[n.path]!) { NarrativePages.page(n, context) })
        }
        let registers = context.assessment.registers
        if let risks = registers.risks {
            pages.append(LazyPage(path: SitePaths.risks) { RiskPage.spec(risks, context) })
        }
        if let vendors = registers.vendors {
            pages.append(LazyPage(path: SitePaths.vendors) { VendorPages.vendors(vendors, context) })
            pages.append(LazyPage(path: SitePaths.subprocessors) { VendorPages.subprocessors(vendors, context) })
        }
        if registers.hasPolicies {
            pages.append(LazyPage(path: SitePaths.policiesIndex) { PolicyPages.index(registers.policies, context) })
            for p in registers.policies {
                pages.append(LazyPage(path: context.paths.policies[p.policy.path]!) { PolicyPages.page(p, context) })
            }
        }
        return pages
    }

    /// Every page of the site with its template data (assets and evidence copies aside).
    func pages(_ context: SiteContext) -> [PageSpec] {
        lazyPages(context).map { $0.make() }
    }

    /// What the page template and the layout receive (the layout also gets `content`).
    func data(_ page: PageSpec, _ context: SiteContext) -> [String: Any] {
        let root = SitePaths.root(of: page.path)
        var data = page.data
        data["root"] = root
        data["site"] = context.site
        data["page"] = ["title": page.title, "section": page.section, "path": page.path] as [String: Any]
        data["csp"] = Self.contentSecurityPolicy
        data["nav"] = context.sections.map { item -> [String: Any] in
            ["label": item.label, "href": root + item.path, "current": item.section == page.section]
        }
        return data
    }

    /// Builds the page's data, converts it (letting the builder's dictionaries go before rendering), and
    /// renders the layout with the page template rendered in place of `{{{content}}}`, straight into `out`:
    /// the page body is never held apart from the page.
    private func render(
        _ lazy: LazyPage, _ context: SiteContext, _ diagnostics: inout [Diagnostic], into out: MustacheOutput
    ) {
        var fields: [String: TemplateValue] = [:]
        let template: String
        do {
            let page = lazy.make()
            precondition(page.path == lazy.path, "page \(page.path) was announced as \(lazy.path)")
            template = page.template
            if case .object(let converted) = TemplateValue(data(page, context)) { fields = converted }
        }
        guard templates.renderer.has(template) else {
            diagnostics.append(
                Diagnostic(.error, .templateMissing, "template `\(template)` is missing or did not parse"))
            return
        }
        let body = fields
        guard templates.renderer.has("layout") else {
            diagnostics.append(Diagnostic(.error, .templateMissing, "template `layout` is missing or did not parse"))
            _ = templates.renderer.render(template, .object(body), into: out)
            return
        }
        fields["content"] = .deferred(
            DeferredText { [templates] out in _ = templates.renderer.render(template, .object(body), into: out) })
        _ = templates.renderer.render("layout", .object(fields), into: out)
    }
}

/// A page whose data is built when it is rendered.
struct LazyPage {
    var path: String
    var make: () -> PageSpec
}

/// One page to render: where it goes, which template, its title, its nav section and its template data.
struct PageSpec {
    var path: String
    var template: String
    var title: String
    var section: String
    var data: [String: Any]
}
