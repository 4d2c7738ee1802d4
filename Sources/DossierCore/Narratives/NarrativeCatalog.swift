import DossierGit
import DossierMarkdown
import Foundation

/// Finds, reads and checks every narrative of a workspace: the `check` side of narratives (no HTML kept).
///
/// Narratives are every `*.md` under `narratives/` (hidden files and links skipped) plus any file a control
/// names in `narrative:`. Each is read without following links, split from its front matter, parsed once
/// with cmark-gfm under ``MarkdownLimits`` to find its links (no HTML; what parsing found is cached by blob id
/// in ``NarrativeScanCache``), and every link is resolved by ``NarrativeLinker`` on every run.
public struct NarrativeCatalog: Sendable {
    public static let folder = "narratives"
    /// More narratives than any real workspace has; stops a runaway folder from stalling a build.
    public static let maxNarratives = 5_000

    /// Sorted by path.
    public var narratives: [Narrative]
    public var linker: NarrativeLinker

    public func narrative(_ path: String) -> Narrative? { narratives.first { $0.path == path } }

    /// Loads and checks the narratives of `workspace` against the judged readiness.
    /// References to `invalidControlIDs` (controls in the map that failed validation) are not reported.
    /// `policies`: paths of the policies, which narratives (and policies) may link to like narratives.
    public static func load(
        workspace: Workspace, readiness: Readiness, invalidControlIDs: Set<String> = [], policies: [String] = [],
        limits: MarkdownLimits = MarkdownLimits(), into log: DiagnosticLog
    ) -> NarrativeCatalog {
        var paths = Set(discover(workspace, log))
        var citedBy: [String: [String]] = [:]
        for control in readiness.controls.map(\.control) {
            guard let path = control.narrative else { continue }
            paths.insert(path)
            citedBy[path, default: []].append(control.id)
        }
        let sorted = paths.sorted()
        let root = workspace
        let linker = NarrativeLinker(
            controlIDs: readiness.controls.map(\.control.id), narrativePaths: sorted + policies,
            evidence: readiness.inventory.files.map(\.path), fileExists: { root.isFile($0) || root.isDirectory($0) })
        var narratives: [Narrative] = []
        var anchors: [String: Set<String>] = [:]
        var options = linker.markdownOptions
        options.limits = limits
        var cache = NarrativeScanCache(
            gitDirectory: readiness.inventory.git.gitDirectory, options: options, definitions: linker.definitions)
        for path in sorted {
            var bytes: [UInt8] = []
            var narrative = read(path, workspace, limits: limits, bytes: &bytes, log)
            narrative.citedBy = citedBy[path] ?? []
            if narrative.failure == nil {
                let key = cache.key(bytes: bytes, firstLine: narrative.bodyFirstLine)
                let body = narrative.body
                anchors[path] = check(
                    &narrative, linker: linker, limits: limits, invalidControlIDs: invalidControlIDs, log
                ) { options throws(MarkdownError) in
                    if let known = cache.document(key) { return known }
                    let document = try Markdown.render(body, options: options)
                    cache.learn(key, document)
                    return document
                }
            }
            narratives.append(narrative)
        }
        cache.save()
        checkFragments(narratives, anchors: anchors, log)
        return NarrativeCatalog(narratives: narratives, linker: linker)
    }

    // MARK: - Finding and reading

    /// Workspace-relative paths of the `*.md` files under `narratives/`, without following links.
    static func discover(_ workspace: Workspace, _ log: DiagnosticLog) -> [String] {
        var found: [String] = []
        var queue = [folder]
        while let relative = queue.popLast() {
            guard let names = workspace.files.list(relative) else { continue }
            for name in names where !name.hasPrefix(".") {
                let child = relative + "/" + name
                guard let type = workspace.files.kind(child) else { continue }
                if type == .folder {
                    queue.append(child)
                } else if name.lowercased().hasSuffix(".md") {
                    if type == .link {
                        log.report(
                            Diagnostic(
                                .warning, .narrativeSymlink, "narrative is a symbolic link and is skipped", file: child,
                                hint: "commit the Markdown file itself; Dossier never follows links"
                            ))
                    } else if type == .file {
                        found.append(child)
                    }
                }
                if found.count > maxNarratives {
                    log.report(
                        Diagnostic(
                            .error, .narrativeTooMany, "more than \(maxNarratives) narratives under \(folder)/",
                            file: folder,
                            hint: "keep narratives to prose; move generated material into evidence")
                    )
                    return found
                }
            }
        }
        return found
    }

    /// `bytes` receives the file's bytes when it could be read.
    static func read(
        _ path: String, _ workspace: Workspace, limits: MarkdownLimits, bytes kept: inout [UInt8],
        _ log: DiagnosticLog
    ) -> Narrative {
        var narrative = Narrative(
            path: path, frontMatter: NarrativeFrontMatter(), body: "", bodyFirstLine: 1, citedBy: [],
            failure: nil, references: [])
        func fail(
            _ code: DiagnosticCode, _ message: String, _ hint: String, line: Int? = nil, column: Int? = nil
        ) {
            narrative.failure = NarrativeFailure(message: message, hint: hint, line: line, column: column)
            log.report(
                Diagnostic(.error, code, message, file: path, line: line, column: column, hint: hint))
        }
        let bytes: [UInt8]
        do {
            let file = try workspace.files.open(Array(path.utf8))
            if file.size > Int64(limits.maxBytes) {
                let error = MarkdownError.tooLarge(bytes: Int(file.size), limit: limits.maxBytes)
                fail(.narrativeMarkdown, error.description, error.hint)
                return narrative
            }
            bytes = try file.prefix(limits.maxBytes + 1)
        } catch {
            fail(.narrativeUnreadable, "narrative \(error)", "make it a regular, readable file in the workspace")
            return narrative
        }
        kept = bytes
        return read(path, bytes: bytes, log)
    }

    /// The narrative at `path` from its bytes: decoded strictly as UTF-8, split from its front matter, checked
    /// for placeholders. Touches no file, so a fuzzer can reach it.
    package static func read(_ path: String, bytes: [UInt8], _ log: DiagnosticLog) -> Narrative {
        var narrative = Narrative(
            path: path, frontMatter: NarrativeFrontMatter(), body: "", bodyFirstLine: 1, citedBy: [],
            failure: nil, references: [])
        let text: String
        do {
            text = try MarkdownSource.decodeUTF8(bytes)
        } catch {
            let (line, column) = error.position
            narrative.failure = NarrativeFailure(
                message: error.description, hint: error.hint, line: line, column: column)
            log.report(
                Diagnostic(
                    .error, .narrativeMarkdown, error.description, file: path, line: line, column: column,
                    hint: error.hint))
            return narrative
        }
        let split = MarkdownSource.splitFrontMatter(text)
        narrative.body = split.body
        narrative.bodyFirstLine = split.bodyFirstLine
        log.report(
            NarrativePlaceholders.check(
                path: path, frontMatter: split.frontMatter, body: split.body, bodyFirstLine: split.bodyFirstLine))
        if let yaml = split.frontMatter {
            let (frontMatter, found) = NarrativeFrontMatter.parse(yaml, file: path, firstLine: 2)
            narrative.frontMatter = frontMatter
            log.report(found)
        }
        return narrative
    }

    // MARK: - Checking

    /// Parses once (no HTML) to find links and literal brackets, and reports every reference that goes nowhere
    /// (links to another narrative's headings wait for ``checkFragments(_:anchors:_:)``); returns the heading
    /// anchors. `scan` parses the body with the options it is given (or answers from a cache).
    @discardableResult
    package static func check(
        _ narrative: inout Narrative, linker: NarrativeLinker, limits: MarkdownLimits,
        invalidControlIDs: Set<String> = [], _ log: DiagnosticLog,
        scan: ((MarkdownOptions) throws(MarkdownError) -> MarkdownDocument)? = nil
    ) -> Set<String> {
        let path = narrative.path
        var options = linker.markdownOptions
        options.limits = limits
        options.firstLine = narrative.bodyFirstLine
        options.rendersHTML = false
        let document: MarkdownDocument
        do {
            if let scan {
                document = try scan(options)
            } else {
                document = try Markdown.render(narrative.body, options: options)
            }
        } catch {
            let (line, column) = error.position
            narrative.failure = NarrativeFailure(
                message: error.description, hint: error.hint, line: line, column: column)
            log.report(
                Diagnostic(
                    .error, .narrativeMarkdown, error.description, file: path, line: line, column: column,
                    hint: error.hint))
            return []
        }
        narrative.firstHeading = document.headings.first?.text
        let anchors = Set(document.headings.map(\.id))
        func report(
            _ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, _ line: Int, _ column: Int,
            _ hint: String
        ) {
            log.report(
                Diagnostic(severity, code, message, file: path, line: line, column: column, hint: hint))
        }
        for link in document.links {
            let target = linker.target(of: link.destination, isImage: link.isImage, from: path)
            narrative.references.append(
                NarrativeReference(target: target, isImage: link.isImage, line: link.line, column: link.column))
            switch target {
            case .missing(let resolved):
                if resolved.hasPrefix(EvidenceScanner.evidenceFolder + "/") {
                    report(
                        .error, .narrativeMissingEvidence,
                        "link to evidence `\(resolved)` that is not in the evidence inventory", link.line,
                        link.column,
                        "correct the path (it is relative to this narrative's folder, as on GitHub) or commit the file")
                } else {
                    report(
                        .error, .narrativeBrokenLink,
                        "link to `\(resolved.isEmpty ? link.destination : resolved)`, which does not exist",
                        link.line, link.column,
                        "relative links resolve from this narrative's folder, as on GitHub")
                }
            case .unpublished(let resolved):
                report(
                    .warning, .narrativeUnpublishedLink, "link to `\(resolved)`, which the site does not publish",
                    link.line, link.column,
                    "link to evidence under evidence/, to a narrative, or write [CONTROL-ID] / [CC6.1] references")
            // `[top](#)` is the usual placeholder for the top of the page, which always exists.
            case .anchor(let id) where !id.isEmpty && !anchors.contains(id):
                report(
                    .warning, .narrativeMissingAnchor, "link to `#\(id)`, which is not a heading of this narrative",
                    link.line, link.column,
                    "headings get GitHub-style anchors: lowercase, spaces become `-`")
            case .inlineImage where !NarrativeLinker.keepsInlineImage(link.destination):
                report(
                    .warning, .narrativeInlineImage,
                    "inline image of a type the site does not show (only PNG, GIF, JPEG and WebP)", link.line,
                    link.column, "commit the image under evidence/ and link it relatively, or embed it as PNG")
            case .external where link.isImage:
                report(
                    .warning, .narrativeRemoteImage,
                    "remote image `\(link.destination)` will not load: the site makes no outside requests",
                    link.line, link.column,
                    "commit the image under evidence/ and link it relatively")
            default:
                break
            }
        }
        for span in document.literalBrackets {
            var text = span.text
            if text.hasPrefix("[") && text.hasSuffix("]") && text.count >= 2 {
                text = String(text.dropFirst().dropLast())
            }
            guard let shape = NarrativeLinker.idShape(text), !invalidControlIDs.contains(text) else { continue }
            let isCriterion = shape == .criterion
            let kind = isCriterion ? "criterion" : "control"
            let candidates = isCriterion ? SOC2Catalog.criteria.map(\.id) : linker.controlIDs.sorted()
            let near = candidates.min { text.editDistance(to: $0) < text.editDistance(to: $1) }
            var hint =
                isCriterion
                ? "the SOC 2 catalog has CC1.1–CC9.2, A1.1–A1.3, C1.1–C1.2, PI1.1–PI1.5 and P1.1–P8.1"
                : "reference a control by its id in controls.yaml; escape the bracket (\\[) if you meant plain text"
            if let near, text.editDistance(to: near) <= 2 { hint = "did you mean [\(near)]?" }
            // Prose that names a deleted control still reads; only the control map's own errors stop a build.
            narrative.unknownReferences.insert(text)
            report(
                .warning, isCriterion ? .narrativeUnknownCriterion : .narrativeUnknownControl,
                "reference to unknown \(kind) `\(text)`", span.line, span.column, hint)
        }
        return anchors
    }

    /// Links to a heading of another narrative (`data-mgmt.md#backups`), once every narrative's headings are
    /// known: a missing heading is a warning, as for one on the same page.
    static func checkFragments(
        _ narratives: [Narrative], anchors: [String: Set<String>], _ log: DiagnosticLog
    ) {
        for narrative in narratives {
            for reference in narrative.references {
                guard case .narrative(let target, let fragment?) = reference.target,
                    let targetAnchors = anchors[target], !targetAnchors.contains(fragment)
                else { continue }
                log.report(
                    Diagnostic(
                        .warning, .narrativeMissingAnchor,
                        "link to `\(target)#\(fragment)`, which is not a heading of that narrative",
                        file: narrative.path, line: reference.line, column: reference.column,
                        hint: "headings get GitHub-style anchors: lowercase, spaces become `-`"
                            + Self.nearest(fragment, in: targetAnchors)))
            }
        }
    }

    /// `; did you mean `#x`?` for the closest anchor within two edits, else nothing.
    static func nearest(_ fragment: String, in anchors: Set<String>) -> String {
        guard let near = anchors.sorted().min(by: { fragment.editDistance(to: $0) < fragment.editDistance(to: $1) }),
            fragment.editDistance(to: near) <= 2
        else { return "" }
        return "; did you mean `#\(near)`?"
    }
}

extension MarkdownError {
    /// Line and column in the file, where the error has them.
    var position: (Int?, Int?) {
        switch self {
        case .tableTooWide(let line, _, _), .tooManyTableCells(let line, _, _),
            .referenceExpansionTooLarge(let line, _, _):
            (line, nil)
        case .invalidUTF8(let line, let column):
            (line, column)
        default:
            (nil, nil)
        }
    }
}
