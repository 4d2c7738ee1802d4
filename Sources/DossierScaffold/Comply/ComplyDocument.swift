import DossierCore
import DossierYAML

/// One comply document: a narrative, policy or procedure, read from its YAML header and Markdown body.
public struct ComplyDocument: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case narrative, policy, procedure

        /// comply's folder for the kind, also the folder under `narratives/` that Dossier writes its text to.
        public var folder: String {
            switch self {
            case .narrative: "narratives"
            case .policy: "policies"
            case .procedure: "procedures"
            }
        }
    }

    /// One `satisfies` entry: a standard's name and the control keys listed under it.
    public struct Satisfies: Sendable {
        public var standard: String
        public var keys: [String]
    }

    public var kind: Kind
    /// Relative to the comply project, e.g. `policies/access.md`.
    public var path: String
    public var name: String?
    public var acronym: String?
    /// A procedure's ticket id (`id:` in its header).
    public var id: String?
    public var cron: String?
    public var satisfies: [Satisfies] = []
    /// Entries in `majorRevisions`.
    public var revisions = 0
    /// Markdown after the header; empty for a YAML document.
    public var body: String

    /// The file name without its extension.
    public var stem: String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }

    /// The name to show: `name`, else the file name.
    public var title: String { name ?? stem }

    /// Reads `text`: for a Markdown file the YAML header is the part before the first `---` line, or between
    /// the first two when the file starts with one (comply accepts both); a YAML file is all header.
    public init(kind: Kind, path: String, text: String) throws(ComplyDocumentError) {
        self.kind = kind
        self.path = path
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func isFence(_ line: Substring) -> Bool { String(line).trimmingWhitespace() == "---" }
        let header: String
        var firstHeaderLine = 1
        let isYAML = path.hasSuffix(".yml") || path.hasSuffix(".yaml")
        if isYAML {
            header = text
            body = ""
        } else {
            var start = 0
            if let first = lines.first, isFence(first) {
                start = 1
                firstHeaderLine = 2
            }
            guard let end = lines[start...].firstIndex(where: isFence) else {
                throw ComplyDocumentError(description: "has no YAML header (no `---` line)")
            }
            header = lines[start..<end].joined(separator: "\n")
            body = lines[(end + 1)...].joined(separator: "\n")
        }
        let parsed = YAMLParser.parse(header)
        if let problem = parsed.problems.first(where: \.isFatal) ?? parsed.problems.first {
            throw ComplyDocumentError(
                description:
                    "has a YAML header that cannot be read: line \(problem.mark.line + firstHeaderLine - 1): \(problem.message)"
            )
        }
        guard let root = parsed.root, root.mapping != nil else {
            throw ComplyDocumentError(description: "has no YAML header mapping (`name:`, `acronym:`, `satisfies:` …)")
        }
        name = Self.scalar(root, "name")
        acronym = Self.scalar(root, "acronym")
        id = Self.scalar(root, "id")
        cron = Self.scalar(root, "cron")
        revisions = root.value(forKey: "majorRevisions")?.value.sequence?.count ?? 0
        if let node = root.value(forKey: "satisfies")?.value, !node.isNull {
            guard let pairs = node.mapping else {
                throw ComplyDocumentError(
                    description: "has a `satisfies` that is not a mapping of standard to control keys")
            }
            for pair in pairs {
                guard let standard = pair.key.scalar else { continue }
                let items = pair.value.sequence ?? [pair.value]
                let keys = items.compactMap { $0.isNull ? nil : $0.scalar?.trimmingWhitespace() }.filter { !$0.isEmpty }
                satisfies.append(Satisfies(standard: standard, keys: keys))
            }
        }
    }

    private static func scalar(_ root: YAMLNode, _ key: String) -> String? {
        guard let node = root.value(forKey: key)?.value, !node.isNull, let text = node.scalar else { return nil }
        let trimmed = text.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }
}
