/// A JSON (or YAML) value as tests compare it: typed, with objects kept in file order.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// The value for a message: `"text"`, `14`, `true`, `null`, `an array of 3`, `an object`.
    public var described: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): Self.format(n)
        case .string(let s): "\"\(s.count > 80 ? String(s.prefix(80)) + "…" : s)\""
        case .array(let items): "an array of \(items.count)"
        case .object: "an object"
        }
    }

    /// The value as text for string conditions (`matches`, `within_days`, `not_empty`); nil for collections.
    var text: String? {
        switch self {
        case .null: nil
        case .bool(let b): b ? "true" : "false"
        case .number(let n): Self.format(n)
        case .string(let s): s
        case .array, .object: nil
        }
    }

    static func format(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return String(n)
    }

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.number(let x), .number(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)):
            x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(described)
    }

    /// The value a plain YAML scalar means under the YAML core schema; quoted scalars are strings.
    static func yamlScalar(_ text: String, plain: Bool) -> JSONValue {
        guard plain else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let n = Double(text), text.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }) { return .number(n) }
        return .string(text)
    }
}

/// An RFC 6901 JSON Pointer: `/Buckets/0/Encrypted`; `~1` is `/` and `~0` is `~`; "" is the whole document.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    public let tokens: [String]
    public let description: String

    /// nil when `text` is neither empty nor starts with `/`, or holds a `~` not followed by 0 or 1.
    public init?(_ text: String) {
        description = text
        if text.isEmpty {
            tokens = []
            return
        }
        guard text.hasPrefix("/") else { return nil }
        var result: [String] = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var iterator = raw.makeIterator()
            while let c = iterator.next() {
                if c == "~" {
                    switch iterator.next() {
                    case "0": token.append("~")
                    case "1": token.append("/")
                    default: return nil
                    }
                } else {
                    token.append(c)
                }
            }
            result.append(token)
        }
        tokens = result
    }

    /// The value this pointer names inside `root`, or nil when some step is missing.
    public func resolve(in root: JSONValue) -> JSONValue? {
        var node = root
        for token in tokens {
            switch node {
            case .object(let pairs):
                guard let next = pairs.first(where: { $0.0 == token })?.1 else { return nil }
                node = next
            case .array(let items):
                guard let index = Int(token), token == String(index), items.indices.contains(index) else { return nil }
                node = items[index]
            default:
                return nil
            }
        }
        return node
    }
}
