import Crypto
import DossierGit
import DossierMarkdown

/// What parsing each narrative found (headings, links, literal brackets), remembered in
/// `<git folder>/dossier/narrative-cache` by the blob id of the narrative's bytes, so that `check` on an
/// unchanged narrative does not parse it again.
///
/// The key is a SHA-256 over the blob id (git's, of the bytes read from the working tree, so an uncommitted
/// edit is a new key), the line the body starts on, Dossier's and cmark-gfm's versions, the Markdown limits and
/// the reference definitions every narrative is parsed with (one per control id): a new control, an edited
/// narrative, another parser or a new bound is a new key. What the links point at is not cached: links are resolved against the current workspace every run.
/// A narrative Markdown refuses is never cached. The file is a `RecordFile`: a bad one is ignored and rewritten.
struct NarrativeScanCache {
    static let fileName = "narrative-cache"
    static let header = "dossier narrative-cache 1\n"
    static let maxBytes = 64 << 20

    private var file = RecordFile()
    private var used = Set<[UInt8]>()
    private var learned = false
    private let gitDirectory: String?
    /// A digest of what every key shares: the format, the limits and the reference definitions.
    private let context: [UInt8]

    init(gitDirectory: String?, options: MarkdownOptions, definitions: [MarkdownReferenceDefinition]) {
        self.gitDirectory = gitDirectory
        var hasher = SHA256()
        let limits = options.limits
        hasher.update(
            data: Array(
                "v1 \(DossierVersion.current) \(Markdown.engineVersion) \(limits.maxBytes) \(limits.maxTableColumns) \(limits.maxTableCells) \(limits.maxReferenceExpansion)\n"
                    .utf8))
        for definition in definitions {
            hasher.update(data: Array(definition.label.utf8) + [0] + Array(definition.url.utf8) + [10])
        }
        context = Array(hasher.finalize())
        if let gitDirectory {
            file = RecordFile.load(
                gitDirectory: gitDirectory, name: Self.fileName, header: Self.header, maxBytes: Self.maxBytes)
        }
    }

    /// The key of a narrative whose file holds `bytes` and whose body starts on `firstLine`.
    func key(bytes: [UInt8], firstLine: Int) -> [UInt8] {
        var blob = Insecure.SHA1()
        blob.update(data: Array("blob \(bytes.count)\u{0}".utf8))
        blob.update(data: bytes)
        var hasher = SHA256()
        hasher.update(data: context)
        hasher.update(data: Array(blob.finalize()))
        hasher.update(data: Array(" \(firstLine)".utf8))
        return Array(hasher.finalize())
    }

    /// The cached document (without HTML) for `key`, or nil when there is none or it does not decode.
    mutating func document(_ key: [UInt8]) -> MarkdownDocument? {
        guard gitDirectory != nil, let payload = file[key], let document = Self.decode(payload) else { return nil }
        used.insert(key)
        return document
    }

    mutating func learn(_ key: [UInt8], _ document: MarkdownDocument) {
        guard gitDirectory != nil else { return }
        used.insert(key)
        file[key] = Self.encode(document)
        learned = true
    }

    /// Writes the file when something was learned or an entry is no longer used (it keeps only the entries of
    /// this run, so it holds one entry per narrative of the workspace).
    mutating func save() {
        guard let gitDirectory, learned || file.records.count != used.count else { return }
        var kept = RecordFile()
        for key in used { kept[key] = file[key] }
        kept.save(gitDirectory: gitDirectory, name: Self.fileName, header: Self.header)
        file = kept
        learned = false
    }

    // MARK: - Payload

    static func encode(_ document: MarkdownDocument) -> [UInt8] {
        var out = RecordWriter()
        out.number(document.headings.count)
        for heading in document.headings {
            out.number(heading.level)
            out.string(heading.text)
            out.string(heading.id)
            out.number(heading.line)
        }
        out.number(document.links.count)
        for link in document.links {
            out.string(link.destination)
            out.number(link.isImage ? 1 : 0)
            out.number(link.line)
            out.number(link.column)
        }
        out.number(document.literalBrackets.count)
        for span in document.literalBrackets {
            out.string(span.text)
            out.number(span.line)
            out.number(span.column)
        }
        return out.bytes
    }

    /// nil unless the payload is exactly one well-formed document.
    static func decode(_ payload: [UInt8]) -> MarkdownDocument? {
        var input = RecordReader(payload)
        let limit = payload.count
        guard let headingCount = input.count(upTo: limit) else { return nil }
        var headings: [MarkdownHeading] = []
        for _ in 0..<headingCount {
            guard let level = input.count(upTo: 6), level >= 1, let text = input.string(), let id = input.string(),
                let line = input.count(upTo: Int(Int32.max))
            else { return nil }
            headings.append(MarkdownHeading(level: level, text: text, id: id, line: line))
        }
        guard let linkCount = input.count(upTo: limit) else { return nil }
        var links: [MarkdownLink] = []
        for _ in 0..<linkCount {
            guard let destination = input.string(), let image = input.count(upTo: 1),
                let line = input.count(upTo: Int(Int32.max)), let column = input.count(upTo: Int(Int32.max))
            else { return nil }
            links.append(MarkdownLink(destination: destination, isImage: image == 1, line: line, column: column))
        }
        guard let spanCount = input.count(upTo: limit) else { return nil }
        var spans: [MarkdownSpan] = []
        for _ in 0..<spanCount {
            guard let text = input.string(), let line = input.count(upTo: Int(Int32.max)),
                let column = input.count(upTo: Int(Int32.max))
            else { return nil }
            spans.append(MarkdownSpan(text: text, line: line, column: column))
        }
        guard input.isAtEnd else { return nil }
        return MarkdownDocument(html: "", headings: headings, links: links, literalBrackets: spans)
    }
}
