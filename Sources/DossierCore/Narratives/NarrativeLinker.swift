import DossierMarkdown

/// Resolves what narratives link to: shortcut references to controls and criteria, and relative links to
/// evidence files and other narratives, the way GitHub resolves them (relative to the narrative's folder).
///
/// Reference syntax, chosen so that a narrative reads well in any Markdown viewer:
/// - `[AC-001]` or `[the MFA control][AC-001]`: the control with that id (Dossier supplies a link reference
///   definition for every control id and every SOC 2 criterion id, so a plain viewer shows the bracketed id).
/// - `[CC6.1]`: the criterion.
/// - `[MFA export](../evidence/access/mfa.csv)`: the file's entry in the evidence inventory.
/// - `[Incident response](incident-response.md#escalation)`: another narrative's page (and heading).
/// A definition written in the narrative itself wins, as CommonMark keeps the first definition of a label.
public struct NarrativeLinker: Sendable {
    /// The URL scheme of the supplied definitions; never reaches a page (the site rewrites every link).
    public static let scheme = "dossier-ref:"

    public let controlIDs: Set<String>
    public let narrativePaths: Set<String>
    private let evidence: Set<[UInt8]>
    private let evidenceFolders: Set<String>
    private let fileExists: @Sendable (String) -> Bool

    public init(
        controlIDs: [String], narrativePaths: [String], evidence: [[UInt8]],
        fileExists: @escaping @Sendable (String) -> Bool
    ) {
        self.controlIDs = Set(controlIDs)
        self.definitions = Self.definitions(controlIDs: self.controlIDs)
        self.narrativePaths = Set(narrativePaths)
        self.evidence = Set(evidence)
        // Every folder above an evidence file; a folder already seen has all its parents in the set too.
        var folders = Set<String>()
        for path in evidence {
            var end = path.lastIndex(of: UInt8(ascii: "/"))
            while let slash = end,
                folders.insert(String(decoding: path[..<slash], as: UTF8.self)).inserted
            {
                end = path[..<slash].lastIndex(of: UInt8(ascii: "/"))
            }
        }
        self.evidenceFolders = folders
        self.fileExists = fileExists
        var options = MarkdownOptions()
        options.referenceDefinitions = definitions
        markdownOptions = options
    }

    /// Options with `definitions` set (checked and written out once): copy them for each narrative.
    public let markdownOptions: MarkdownOptions

    /// Link reference definitions for every control id, then every criterion id, in a fixed order. Built once:
    /// every narrative is rendered with them.
    public let definitions: [MarkdownReferenceDefinition]

    private static func definitions(controlIDs: Set<String>) -> [MarkdownReferenceDefinition] {
        var result = controlIDs.sorted().map {
            MarkdownReferenceDefinition(label: $0, url: Self.scheme + "control/" + $0)
        }
        let taken = Set(controlIDs.map { $0.lowercased() })
        for criterion in SOC2Catalog.criteria where !taken.contains(criterion.id.lowercased()) {
            result.append(
                MarkdownReferenceDefinition(label: criterion.id, url: Self.scheme + "criterion/" + criterion.id))
        }
        return result
    }

    /// Where `destination` (as cmark parsed it) in the narrative at `from` (workspace-relative) points.
    public func target(of destination: String, isImage: Bool, from narrative: String) -> NarrativeTarget {
        if destination.hasPrefix(Self.scheme) {
            let rest = destination.dropFirst(Self.scheme.count)
            if rest.hasPrefix("control/") { return .control(String(rest.dropFirst("control/".count))) }
            if rest.hasPrefix("criterion/") { return .criterion(String(rest.dropFirst("criterion/".count))) }
            return .missing(destination)
        }
        if destination.hasPrefix("#") { return .anchor(Self.percentDecoded(String(destination.dropFirst()))) }
        if destination.lowercased().hasPrefix("data:image/") { return .inlineImage }
        if Self.hasScheme(destination) || destination.hasPrefix("//") { return .external }
        if destination.isEmpty { return .missing("") }

        var path = destination
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = Self.percentDecoded(String(path[path.index(after: hash)...]))
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        guard let resolved = Self.resolve(Self.percentDecoded(path), from: narrative) else {
            return .missing(destination + " (it leaves the workspace)")
        }
        if resolved.isEmpty { return .missing(destination) }
        let bytes = Array(resolved.utf8)
        if evidence.contains(bytes) { return .evidence(bytes) }
        if narrativePaths.contains(resolved) {
            return .narrative(resolved, fragment: fragment.flatMap { $0.isEmpty ? nil : $0 })
        }
        if evidenceFolders.contains(resolved) { return .evidenceFolder(resolved) }
        if fileExists(resolved) { return .unpublished(resolved) }
        return .missing(resolved)
    }

    /// Whether cmark-gfm's safe mode keeps this `data:image/…` source: only PNG, GIF, JPEG and WebP; it empties
    /// every other `data:` URL (an SVG can carry script).
    public static func keepsInlineImage(_ destination: String) -> Bool {
        let lowered = destination.lowercased()
        return ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains {
            lowered.hasPrefix($0)
        }
    }

    // MARK: - Paths

    /// Joins a relative link to the narrative's folder (a leading `/` means the workspace root, as GitHub
    /// means the repository root) and removes `.` and `..`; nil when it climbs out of the workspace.
    static func resolve(_ link: String, from narrative: String) -> String? {
        var parts: [Substring]
        if link.hasPrefix("/") {
            parts = []
        } else {
            parts = narrative.split(separator: "/", omittingEmptySubsequences: true)
            parts.removeLast()
        }
        for part in link.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else {
            return false
        }
        return scheme.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "+" || $0 == "-"
                || $0 == "."
        }
    }

    /// `%20` → space; malformed escapes stay as written; the result is UTF-8 or the input unchanged.
    package static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        let source = Array(text.utf8)
        var i = 0
        func hexValue(_ b: UInt8) -> UInt8? {
            switch b {
            case 48...57: b - 48
            case 65...70: b - 55
            case 97...102: b - 87
            default: nil
            }
        }
        while i < source.count {
            if source[i] == UInt8(ascii: "%"), i + 2 < source.count, let h = hexValue(source[i + 1]),
                let l = hexValue(source[i + 2])
            {
                bytes.append(h << 4 | l)
                i += 3
            } else {
                bytes.append(source[i])
                i += 1
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? text
    }

    // MARK: - Bracketed ids

    /// What kind of id literal bracket text looks like, if it looks like one that was meant as a reference
    /// (`AC-009`, `HR_12`, `CC9.9`, `PI1.7`), as opposed to ordinary bracketed prose (`[sic]`, `[1]`, `[v2]`).
    public enum IDShape: Sendable { case control, criterion }

    public static func idShape(_ text: String) -> IDShape? {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty, scalars.count <= 64 else { return nil }
        let isLetter = { (s: Unicode.Scalar) in ("A"..."Z").contains(s) || ("a"..."z").contains(s) }
        let isDigit = { (s: Unicode.Scalar) in ("0"..."9").contains(s) }
        var i = 0
        while i < scalars.count, isLetter(scalars[i]) { i += 1 }
        let letters = i
        guard letters >= 1, letters <= 10, i + 1 < scalars.count else { return nil }
        // Criterion shape: CC, A, C, PI or P, digits, a dot, digits (CC6.1, PI1.2, A1.3).
        let prefix = String(String.UnicodeScalarView(scalars[0..<letters])).uppercased()
        if ["CC", "A", "C", "PI", "P"].contains(prefix), isDigit(scalars[i]) {
            var j = i
            while j < scalars.count, isDigit(scalars[j]) { j += 1 }
            if j + 1 < scalars.count, scalars[j] == ".", scalars[(j + 1)...].allSatisfy(isDigit) { return .criterion }
        }
        // Control shape: letters, a separator, a digit, then letters, digits, dots and dashes (AC-001, HR_2.1).
        guard ["-", "_", "."].contains(scalars[i]), isDigit(scalars[i + 1]) else { return nil }
        let rest = scalars[(i + 1)...].allSatisfy { isLetter($0) || isDigit($0) || $0 == "." || $0 == "-" || $0 == "_" }
        return rest ? .control : nil
    }
}
