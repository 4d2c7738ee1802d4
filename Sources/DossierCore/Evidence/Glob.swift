/// A path glob from the control map, matched against workspace-relative paths as bytes.
///
/// `*` and `?` stay inside one path segment, `**` (a whole segment) spans any number of segments, `[...]` is a
/// class (`[!...]` or `[^...]` negates, `a-z` ranges), `\` escapes the next character. A pattern without any of
/// these names a file, or every file under a directory. Matching works on Unicode scalars decoded from the
/// path's bytes, so `?` is one character and names that are not UTF-8 still match `*`; it never normalises,
/// so NFC and NFD spellings of a name stay distinct, as git keeps them.
public struct Glob: Sendable, Hashable {
    public let pattern: String
    private let segments: [Segment]
    /// Leading segments with no wildcard: every match lies under this folder.
    public let literalPrefix: [UInt8]
    public let isLiteral: Bool
    /// How many leading segments `literalPrefix` spells.
    private let literalSegments: Int
    /// The bytes the first segment after them must start with (its leading literal characters).
    private let headBytes: [UInt8]

    enum Token: Sendable, Hashable {
        case literal(UInt32)
        case any  // ?
        case star  // *
        case set([ClosedRange<UInt32>], negated: Bool)
    }

    enum Segment: Sendable, Hashable {
        case globstar
        case tokens([Token])
    }

    public init(_ pattern: String) {
        self.pattern = pattern
        var parsed: [Segment] = []
        var prefix: [String] = []
        var literalSoFar = true
        for raw in pattern.split(separator: "/", omittingEmptySubsequences: true) {
            let segment = raw == "**" ? Segment.globstar : Segment.tokens(Self.tokens(String(raw)))
            parsed.append(segment)
            if literalSoFar, case .tokens(let tokens) = segment, let text = Self.literalText(tokens) {
                prefix.append(text)
            } else {
                literalSoFar = false
            }
        }
        segments = parsed
        isLiteral = literalSoFar
        literalPrefix = Array(prefix.joined(separator: "/").utf8)
        literalSegments = prefix.count
        var head: [UInt8] = []
        if prefix.count < parsed.count, case .tokens(let tokens) = parsed[prefix.count] {
            for token in tokens {
                guard case .literal(let c) = token, let scalar = Unicode.Scalar(c) else { break }
                head += String(scalar).utf8
            }
        }
        headBytes = head
        searchPrefix =
            head.isEmpty ? literalPrefix : literalPrefix.isEmpty ? head : literalPrefix + [UInt8(ascii: "/")] + head
    }

    /// Every path the glob matches starts with these bytes: the literal folders, then the next segment's
    /// literal characters (an inventory sorted by path finds its candidates in one run).
    public let searchPrefix: [UInt8]

    /// A description of a syntax error (an unclosed `[`), or nil.
    public static func syntaxProblem(_ pattern: String) -> String? {
        var escaped = false
        var open = false
        for scalar in pattern.unicodeScalars {
            if escaped {
                escaped = false
                continue
            }
            if scalar == "\\" {
                escaped = true
                continue
            }
            if scalar == "[" && !open { open = true } else if scalar == "]" && open { open = false }
        }
        if open { return "a `[` is never closed" }
        if escaped { return "it ends with a lone `\\`" }
        return nil
    }

    /// Whether `path` (workspace-relative, `/`-separated bytes) matches. A literal pattern also matches every
    /// path under it.
    public func matches(_ path: [UInt8]) -> Bool {
        if isLiteral {
            return path == literalPrefix
                || (path.count > literalPrefix.count && path.starts(with: literalPrefix)
                    && path[literalPrefix.count] == UInt8(ascii: "/"))
        }
        // The literal folders are compared as bytes (a literal character matches exactly its UTF-8 bytes), and a
        // name that does not start with the next segment's literal characters is refused before decoding it.
        var rest = path[...]
        if literalSegments > 0 {
            guard path.count > literalPrefix.count, path.starts(with: literalPrefix),
                path[literalPrefix.count] == UInt8(ascii: "/")
            else {
                // Only the folder itself can still match, through `**` matching nothing.
                guard path == literalPrefix else { return false }
                let parts = path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map(Self.scalars)
                return Self.match(segments[...], parts[...])
            }
            rest = path[(literalPrefix.count + 1)...]
        }
        if !headBytes.isEmpty {
            let end = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            guard rest[..<end].starts(with: headBytes) else { return false }
        }
        let parts = rest.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map(Self.scalars)
        return Self.match(segments[literalSegments...], parts[...])
    }

    // MARK: - Matching

    private static func match(_ pattern: ArraySlice<Segment>, _ path: ArraySlice<[UInt32]>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        switch first {
        case .globstar:
            let rest = pattern.dropFirst()
            var tail = path
            while true {
                if match(rest, tail) { return true }
                guard !tail.isEmpty else { return false }
                tail = tail.dropFirst()
            }
        case .tokens(let tokens):
            guard let part = path.first, matchSegment(tokens[...], part[...]) else { return false }
            return match(pattern.dropFirst(), path.dropFirst())
        }
    }

    private static func matchSegment(_ tokens: ArraySlice<Token>, _ text: ArraySlice<UInt32>) -> Bool {
        // Iterative wildcard matching with one backtrack point: linear-ish, no exponential blow-up on `*a*a*a`.
        var t = tokens.startIndex
        var s = text.startIndex
        var starT: Int? = nil
        var starS = 0
        while s < text.endIndex {
            if t < tokens.endIndex {
                switch tokens[t] {
                case .star:
                    starT = t
                    starS = s
                    t += 1
                    continue
                case .any:
                    t += 1
                    s += 1
                    continue
                case .literal(let c) where c == text[s]:
                    t += 1
                    s += 1
                    continue
                case .set(let ranges, let negated) where ranges.contains { $0.contains(text[s]) } != negated:
                    t += 1
                    s += 1
                    continue
                default:
                    break
                }
            }
            guard let star = starT else { return false }
            t = star + 1
            starS += 1
            s = starS
        }
        while t < tokens.endIndex, tokens[t] == .star { t += 1 }
        return t == tokens.endIndex
    }

    // MARK: - Parsing

    private static func tokens(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var result: [Token] = []
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            switch c {
            case "\\" where i + 1 < scalars.count:
                result.append(.literal(scalars[i + 1].value))
                i += 2
            case "*":
                if result.last != .star { result.append(.star) }
                i += 1
            case "?":
                result.append(.any)
                i += 1
            case "[":
                if let (set, next) = parseSet(scalars, from: i + 1) {
                    result.append(set)
                    i = next
                } else {
                    result.append(.literal(c.value))
                    i += 1
                }
            default:
                result.append(.literal(c.value))
                i += 1
            }
        }
        return result
    }

    private static func parseSet(_ s: [Unicode.Scalar], from start: Int) -> (Token, Int)? {
        var i = start
        var negated = false
        if i < s.count, s[i] == "!" || s[i] == "^" {
            negated = true
            i += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while i < s.count {
            if s[i] == "]" && !first { return (.set(ranges, negated: negated), i + 1) }
            first = false
            var low = s[i]
            if low == "\\", i + 1 < s.count {
                i += 1
                low = s[i]
            }
            if i + 2 < s.count, s[i + 1] == "-", s[i + 2] != "]" {
                let high = s[i + 2]
                ranges.append(min(low.value, high.value)...max(low.value, high.value))
                i += 3
            } else {
                ranges.append(low.value...low.value)
                i += 1
            }
        }
        return nil
    }

    private static func literalText(_ tokens: [Token]) -> String? {
        var text = ""
        for token in tokens {
            guard case .literal(let c) = token, let scalar = Unicode.Scalar(c) else { return nil }
            text.unicodeScalars.append(scalar)
        }
        return text
    }

    /// The scalar of the `length`-byte sequence at `index` (2 to 4 bytes), or nil when it is not valid UTF-8:
    /// continuation bytes, no overlong form, no surrogate, nothing above U+10FFFF.
    private static func decoded(_ bytes: ArraySlice<UInt8>, at index: Int, length: Int) -> UInt32? {
        var value = UInt32(bytes[index]) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        let smallest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x1_0000
        guard value >= smallest, value <= 0x10_FFFF, !(0xD800...0xDFFF).contains(value) else { return nil }
        return value
    }

    /// Decodes UTF-8; a byte that is not part of valid UTF-8 becomes a value above the Unicode range, so it
    /// matches only `*`, `?` and negated sets, never a literal.
    static func scalars(_ bytes: ArraySlice<UInt8>) -> [UInt32] {
        if bytes.allSatisfy({ $0 < 0x80 }) { return bytes.map(UInt32.init) }
        var result: [UInt32] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length =
                lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
            if length == 1 {
                result.append(UInt32(lead))
                index += 1
                continue
            }
            if length > 1, index + length <= bytes.endIndex, let value = decoded(bytes, at: index, length: length) {
                result.append(value)
                index += length
                continue
            }
            result.append(0x11_0000 + UInt32(lead))
            index += 1
        }
        return result
    }
}
