import DossierCore
import DossierMarkdown
import Foundation

/// `narratives/index.html` and a page per narrative: front matter, a table of contents, the Markdown rendered
/// by cmark-gfm in safe mode, with references to controls, criteria, evidence and other narratives as links.
enum NarrativePages {
    static func index(_ context: SiteContext) -> PageSpec {
        let page = SitePaths.narrativesIndex
        let rows = context.catalog.narratives.map { n -> [String: Any] in
            [
                "path": n.path, "title": n.title, "href": context.narrativeLink(n.path, from: page),
                "owner": SiteContext.null(n.frontMatter.owner),
                "lastReviewed": SiteContext.null(n.frontMatter.lastReviewed?.description),
                "summary": SiteContext.null(n.frontMatter.summary),
                "citedBy": n.citedBy.map { context.controlRef($0, from: page) }, "isCited": !n.citedBy.isEmpty,
            ]
        }
        return PageSpec(
            path: page, template: "narratives", title: "Narratives", section: "narratives",
            data: ["narratives": rows, "hasNarratives": !rows.isEmpty, "count": rows.count])
    }

    static func page(_ n: Narrative, _ context: SiteContext) -> PageSpec {
        let page = context.paths.narratives[n.path]!
        var data: [String: Any] = [
            "path": n.path, "title": n.title,
            "owner": SiteContext.null(n.frontMatter.owner),
            "lastReviewed": SiteContext.null(n.frontMatter.lastReviewed?.description),
            "approvedBy": SiteContext.null(n.frontMatter.approvedBy),
            "version": SiteContext.null(n.frontMatter.version),
            "status": SiteContext.null(n.frontMatter.status), "summary": SiteContext.null(n.frontMatter.summary),
            "citedBy": n.citedBy.map { context.controlRef($0, from: page) }, "isCited": !n.citedBy.isEmpty,
        ]
        data["hasMeta"] = [
            n.frontMatter.owner, n.frontMatter.lastReviewed?.description, n.frontMatter.approvedBy,
            n.frontMatter.version, n.frontMatter.status,
        ].contains { !($0 ?? "").isEmpty }
        data.merge(content(n, context, page: page)) { _, new in new }
        return PageSpec(path: page, template: "narrative", title: n.title, section: "narratives", data: data)
    }
}

extension NarrativePages {
    /// A narrative's (or a policy's) text rendered for `page`: `html`, `titleID`, `failure`, `toc`, `hasToc`
    /// and what it mentions (`mentionsControls`, `mentionsCriteria`, `mentionsEvidence`, `hasMentions`).
    static func content(_ n: Narrative, _ context: SiteContext, page: String) -> [String: Any] {
        var data: [String: Any] = [:]
        var failure = n.failure
        var html = ""
        var headings: [MarkdownHeading] = []
        var titleID = "Narrative-title"
        if failure == nil {
            var options = context.catalog.linker.markdownOptions
            options.firstLine = n.bodyFirstLine
            options.rewriteDestination = LinkRewriter(context: context, narrative: n.path, page: page).rewrite
            do {
                let document = try Markdown.render(n.body, options: options)
                html = document.html
                headings = document.headings
                // The page already shows the title as its h1: drop a leading heading of any level that repeats it
                // (the title of a narrative without one in its front matter is its first heading, often an h2),
                // and give the h1 its id so that links to it still land.
                if let first = headings.first, first.text == n.title, html.hasPrefix("<h\(first.level)"),
                    let end = html.range(of: "</h\(first.level)>\n")
                {
                    html = String(html[end.upperBound...])
                    titleID = first.id
                    headings.removeFirst()
                }
                html = NarrativeTables.wrapped(html)
                html = UnknownReferenceMarks.marked(html, unknown: n.unknownReferences)
            } catch {
                failure = NarrativeFailure(message: error.description, hint: error.hint, line: nil, column: nil)
            }
        }
        data["html"] = html
        data["titleID"] = titleID
        data["failure"] =
            failure.map {
                ["message": $0.message, "hint": $0.hint, "line": $0.line.map(String.init) ?? ""] as [String: Any]
            } ?? NSNull()
        let toc = headings.filter { $0.level >= 2 && $0.level <= 4 }.map { h -> [String: Any] in
            ["text": h.text, "id": h.id, "level": h.level]
        }
        data["toc"] = toc
        data["hasToc"] = toc.count >= 2
        var mentioned: [String] = []
        var mentionedCriteria: [String] = []
        var evidence: [[UInt8]] = []
        for reference in n.references {
            switch reference.target {
            case .control(let id) where !mentioned.contains(id): mentioned.append(id)
            case .criterion(let id) where !mentionedCriteria.contains(id): mentionedCriteria.append(id)
            case .evidence(let path) where !evidence.contains(path): evidence.append(path)
            default: break
            }
        }
        data["mentionsControls"] = mentioned.map { context.controlRef($0, from: page) }
        data["mentionsCriteria"] = mentionedCriteria.compactMap { id in
            context.readiness.criteria.first { $0.criterion.id == id }.map {
                CriteriaPages.row($0, context, from: page)
            }
        }
        data["mentionsEvidence"] = evidence.compactMap { path in
            context.readiness.inventory.files.first { $0.path == path }.map { context.fileRow($0, from: page) }
        }
        data["hasMentions"] = !mentioned.isEmpty || !mentionedCriteria.isEmpty || !evidence.isEmpty
        return data
    }
}

/// Turns narrative link destinations into site links, from one page's folder.
struct LinkRewriter: Sendable {
    let linker: NarrativeLinker
    let narrative: String
    let root: String
    let controls: [String: String]
    let criteria: [String: String]
    let narratives: [String: String]
    let policies: [String: String]
    let anchors: [[UInt8]: String]
    let copies: [[UInt8]: String]

    init(context: SiteContext, narrative: String, page: String) {
        linker = context.catalog.linker
        self.narrative = narrative
        root = SitePaths.root(of: page)
        controls = context.paths.controls
        criteria = context.paths.criteria
        narratives = context.paths.narratives
        policies = context.paths.policies
        anchors = context.paths.evidenceAnchors
        copies = context.paths.evidenceCopies
    }

    /// Images load only from the site itself: a copied evidence file, an inline `data:image/…`, or a placeholder.
    @Sendable func rewrite(_ link: MarkdownLink) -> String? {
        let target = linker.target(of: link.destination, isImage: link.isImage, from: narrative)
        if link.isImage {
            switch target {
            case .inlineImage:
                // cmark-gfm's safe mode empties every other `data:` URL, which would leave `<img src="">`.
                return NarrativeLinker.keepsInlineImage(link.destination) ? nil : root + SitePaths.placeholderImage
            case .evidence(let path):
                if let copy = copies[path] { return root + SitePaths.urlEncoded(copy) }
                return root + SitePaths.placeholderImage
            default: return root + SitePaths.placeholderImage
            }
        }
        switch target {
        case .control(let id): return root + (controls[id] ?? SitePaths.controlsIndex)
        case .criterion(let id): return root + (criteria[id] ?? SitePaths.criteriaIndex)
        case .evidence(let path): return root + SitePaths.evidence + (anchors[path].map { "#" + $0 } ?? "")
        case .evidenceFolder: return root + SitePaths.evidence
        case .narrative(let path, let fragment):
            return root + (narratives[path] ?? policies[path] ?? SitePaths.narrativesIndex)
                + (fragment.map { "#" + SitePaths.urlEncoded($0) } ?? "")
        case .anchor, .external, .inlineImage: return nil
        case .unpublished, .missing: return ""
        }
    }
}
