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
        for c in context.readiness.criteria {
            pages.append(LazyPage(path: context.paths.criteria[c.criterion.id]!) { CriteriaPages.page(c, context) })
        }
        for c in context.readiness.controls {
            pages.append(LazyPage(path: context.paths.controls[c.control.id]!) { ControlPages.page(c, context) })
        }
        for n in context.catalog.narratives {
            pages.append(LazyPage(path: context.paths.narratives[n.path]!) { NarrativePages.page(n, context) })
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
        data["nav"] = SiteContext.navigation.map { item -> [String: Any] in
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
            diagnostics.append(Diagnostic(.error, "template `\(template)` is missing or did not parse", step: "site"))
            return
        }
        let body = fields
        guard templates.renderer.has("layout") else {
            diagnostics.append(Diagnostic(.error, "template `layout` is missing or did not parse", step: "site"))
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

/// The files of a site, rendered as they are pulled; `diagnostics` is complete once the last was pulled.
public struct SiteFiles: IteratorProtocol {
    enum Item {
        case page(LazyPage)
        case file(SiteFile)

        var path: String {
            switch self {
            case .page(let page): page.path
            case .file(let file): file.path
            }
        }
    }

    /// Pages reach a sink in pieces of about this many bytes.
    public static let pieceSize = 1 << 18

    private let items: [Item]
    private var index = 0
    private let renderPage: (LazyPage, inout [Diagnostic], MustacheOutput) -> Void
    public private(set) var diagnostics: [Diagnostic]
    var ahead: PageAheadOwner?

    init(
        items: [Item], diagnostics: [Diagnostic],
        render: @escaping (LazyPage, inout [Diagnostic], MustacheOutput) -> Void
    ) {
        self.items = items
        self.diagnostics = diagnostics
        self.renderPage = render
    }

    /// Paths of every file, in the order they are pulled.
    public var paths: [String] { items.map(\.path) }

    /// The same files, with pages rendered ahead on a second thread while the caller writes the current one
    /// (same bytes, same diagnostics). Call before the first pull.
    public func renderingAhead() -> SiteFiles {
        var files = self
        let pages = items.map { item -> LazyPage? in
            if case .page(let page) = item { page } else { nil }
        }
        files.ahead = PageAheadOwner(PageAhead(pages: pages, render: renderPage))
        return files
    }

    /// The path of the file the next pull gives; nil after the last.
    public var nextPath: String? { index < items.count ? items[index].path : nil }

    /// The next file, whole.
    public mutating func next() -> SiteFile? {
        var bytes: [UInt8] = []
        // The sink cannot throw, so neither can the pull.
        guard let path = try! next(into: { bytes += $0 }) else { return nil }
        return SiteFile(path: path, bytes: bytes)
    }

    /// Hands the next file's bytes to `sink` in pieces of about `pieceSize` bytes (a page is rendered into
    /// them as it goes) and returns its path; nil after the last file. A throw from `sink` stops the page.
    public mutating func next(pieceSize: Int = pieceSize, into sink: ([UInt8]) throws -> Void) throws -> String? {
        guard index < items.count else { return nil }
        defer { index += 1 }
        switch items[index] {
        case .file(let file):
            try sink(file.bytes)
            return file.path
        case .page(let lazy):
            if let (bytes, found) = ahead?.ahead.take(index) {
                diagnostics += found
                var start = 0
                while start < bytes.count {
                    let end = min(bytes.count, start + pieceSize)
                    try sink(Array(bytes[start..<end]))
                    start = end
                }
                return lazy.path
            }
            var failure: (any Error)?
            withoutActuallyEscaping(sink) { sink in
                let out = MustacheOutput(pieceSize: pieceSize) { piece in
                    guard failure == nil else { return }
                    do { try sink(piece) } catch { failure = error }
                }
                renderPage(lazy, &diagnostics, out)
                out.flush()
            }
            if let failure { throw failure }
            return lazy.path
        }
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
