import DossierCore
import DossierMarkdown

/// A narrative file → its diagnostics (front matter, placeholders, references) and the HTML the site would
/// publish: never a crash, diagnostics inside the file, and HTML without live script (see ``HTMLSafety``).
enum NarrativeFuzzTarget {
    static let path = "narratives/access.md"

    /// A small workspace for the links to resolve against: two controls, two narratives, two evidence files.
    static let linker = NarrativeLinker(
        controlIDs: ["AC-001", "CM-002"], narrativePaths: [path, "narratives/change.md"],
        evidence: [Array("evidence/access/mfa.csv".utf8), Array("evidence/shots/login.png".utf8)],
        fileExists: { $0 == "narratives" || $0 == "evidence" || $0 == "README.md" })

    static func run(_ bytes: [UInt8]) {
        let log = DiagnosticLog()
        var narrative = NarrativeCatalog.read(path, bytes: bytes, log)
        if narrative.failure == nil {
            NarrativeCatalog.check(&narrative, linker: linker, limits: MarkdownLimits(), log)
        }
        if narrative.failure == nil {
            // As the site renders a narrative page: every link rewritten the way `LinkRewriter` does it.
            var options = linker.markdownOptions
            options.firstLine = narrative.bodyFirstLine
            options.rewriteDestination = rewrite
            if let document = try? Markdown.render(narrative.body, options: options) {
                if let problem = HTMLSafety.problem(in: document.html) {
                    fatalError("fuzz property broken: \(problem) in \(document.html)")
                }
            }
        }
        let positions = InputPositions(bytes)
        for diagnostic in log.diagnostics where diagnostic.file == path {
            guard let line = diagnostic.line else { continue }
            require(
                positions.contains(line: line, column: diagnostic.column),
                "\(diagnostic.code.rawValue) at \(line):\(diagnostic.column ?? 0) is outside the input")
        }
    }

    /// DossierSite's `LinkRewriter` with fixed site paths: links the site resolves become site paths, images
    /// load only from the site or as an inline picture, and external links and anchors are left to cmark-gfm.
    @Sendable static func rewrite(_ link: MarkdownLink) -> String? {
        let target = linker.target(of: link.destination, isImage: link.isImage, from: path)
        if link.isImage {
            if case .inlineImage = target, NarrativeLinker.keepsInlineImage(link.destination) { return nil }
            return "../assets/placeholder.svg"
        }
        switch target {
        case .anchor, .external, .inlineImage: return nil
        case .unpublished, .missing: return ""
        case .control, .criterion, .evidence, .evidenceFolder, .narrative: return "../controls/index.html"
        }
    }
}
