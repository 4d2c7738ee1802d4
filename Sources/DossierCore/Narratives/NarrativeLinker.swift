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
        if Self.splitsByBytes(destination) {
            // The same split on the UTF-8 bytes, which is what the characters give here (see `splitsByBytes`).
            let utf8 = destination.utf8
            if let hash = Self.firstIndex(of: UInt8(ascii: "#"), in: destination) {
                fragment = Self.percentDecoded(String(destination[utf8.index(after: hash)...]))
                path = String(destination[..<hash])
            }
            if let query = Self.firstIndex(of: UInt8(ascii: "?"), in: path) { path = String(path[..<query]) }
        } else {
            if let hash = path.firstIndex(of: "#") {
                fragment = Self.percentDecoded(String(path[path.index(after: hash)...]))
                path = String(path[..<hash])
            }
            if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        }
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
        if splitsByBytes(link), splitsByBytes(narrative) { return resolveBytes(link, from: narrative) }
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

    /// `resolve` on the UTF-8 bytes: the same parts when `splitsByBytes` holds for both paths.
    private static func resolveBytes(_ link: String, from narrative: String) -> String? {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        var out: [UInt8] = []
        out.reserveCapacity(narrative.utf8.count + link.utf8.count)
        var starts: [Int] = []  // where each part begins in `out`
        func push(_ part: ArraySlice<UInt8>) {
            if !starts.isEmpty { out.append(slash) }
            starts.append(out.count)
            out += part
        }
        func segments(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
            var result: [ArraySlice<UInt8>] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == slash {
                if index > start { result.append(bytes[start..<index]) }
                start = index + 1
            }
            return result
        }
        let linkBytes = Array(link.utf8)
        if linkBytes.first != slash {
            var folder = segments(Array(narrative.utf8))
            folder.removeLast()
            for part in folder { push(part) }
        }
        for part in segments(linkBytes) {
            if part.count == 1 && part.first == dot { continue }
            if part.count == 2 && part.first == dot && part.last == dot {
                guard let last = starts.popLast() else { return nil }
                out.removeSubrange((starts.isEmpty ? last : last - 1)...)
            } else {
                push(part)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether splitting `text` at the ASCII punctuation these paths are split at (`/`, `#`, `?`, `:`, `.`) gives
    /// the same pieces on its UTF-8 bytes as on its characters: true unless a non-ASCII scalar next to such a
    /// byte joins it into a larger character (a combining mark after it, a prepended sign before it). Grapheme
    /// rules join an ASCII punctuation mark to a neighbour by the pair alone, so each pair is asked once.
    /// Walking bytes is many times faster than walking characters.
    package static func splitsByBytes(_ text: String) -> Bool {
        func separate(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
            var pair = String.UnicodeScalarView()
            pair.append(first)
            pair.append(second)
            return String(pair).count == 2
        }
        func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            func isPunctuation(_ byte: UInt8) -> Bool {
                byte == 47 || byte == 35 || byte == 63 || byte == 58 || byte == 46
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte >= 0x80 else {
                    index += 1
                    continue
                }
                // A non-ASCII scalar: find its extent, then look at the ASCII bytes on either side.
                var end = index + 1
                while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                let before = index > 0 && isPunctuation(bytes[index - 1])
                let after = end < bytes.count && isPunctuation(bytes[end])
                if before || after {
                    let decoded = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                    guard decoded.unicodeScalars.count == 1, let scalar = decoded.unicodeScalars.first else {
                        return false
                    }
                    if before && !separate(Unicode.Scalar(bytes[index - 1]), scalar) { return false }
                    if after && !separate(scalar, Unicode.Scalar(bytes[end])) { return false }
                }
                index = end
            }
            return true
        }
        return text.utf8.withContiguousStorageIfAvailable(check) ?? Array(text.utf8).withUnsafeBufferPointer(check)
    }

    /// The index of the first `byte` in `text`'s UTF-8, searched in its contiguous storage (a generic walk of
    /// `String.UTF8View` costs a few dozen instructions a byte).
    static func firstIndex(of byte: UInt8, in text: String) -> String.Index? {
        let offset = text.utf8.withContiguousStorageIfAvailable { $0.firstIndex(of: byte) }
        guard let offset else { return text.utf8.firstIndex(of: byte) }
        return offset.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
    }

    static func hasScheme(_ text: String) -> Bool {
        if splitsByBytes(text) {
            let utf8 = text.utf8
            guard let colon = firstIndex(of: UInt8(ascii: ":"), in: text) else { return false }
            let scheme = utf8[..<colon]
            guard let first = scheme.first, (65...90).contains(first) || (97...122).contains(first) else {
                return false
            }
            return scheme.allSatisfy {
                (65...90).contains($0) || (97...122).contains($0) || (48...57).contains($0) || $0 == 43 || $0 == 45
                    || $0 == 46
            }
        }
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
        // `%` bytes: a `%` joined into a larger character still needs decoding work below, which is byte-wise.
        guard firstIndex(of: UInt8(ascii: "%"), in: text) != nil else { return text }
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
