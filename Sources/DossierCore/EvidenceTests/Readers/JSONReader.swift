/// Parses JSON (RFC 8259) bytes into a ``JSONValue``: one pass, no intermediate `Any` tree, objects in file
/// order, nesting bounded by ``maxDepth``. Foundation's `JSONDecoder` through a `Decodable` enum was 3.3 s
/// on a 15 MiB export (each value tried as every type, each miss a thrown error); this is the same answer
/// without that cost. Errors name the byte offset, line and what was expected.
struct JSONReader {
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var line: Int
        var description: String { "\(message) on line \(line)" }
    }

    static let maxDepth = 512

    private let bytes: [UInt8]
    private var i = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    }

    static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        var reader = JSONReader(bytes)
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.i == bytes.count else { throw reader.fail("unexpected data after the JSON value") }
        return value
    }

    private func fail(_ message: String) -> Failure {
        Failure(message: message, line: bytes[..<min(i, bytes.count)].reduce(1) { $1 == 10 ? $0 + 1 : $0 })
    }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 10 || bytes[i] == 13 || bytes[i] == 9 { i += 1 }
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard depth < Self.maxDepth else { throw fail("nesting deeper than \(Self.maxDepth) levels") }
        skipSpace()
        guard i < bytes.count else { throw fail("the file ends where a value was expected") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var pairs: [(String, JSONValue)] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                i += 1
                return .object(pairs)
            }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a key in quotes") }
                let key = try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected `:` after a key") }
                i += 1
                pairs.append((key, try value(depth: depth + 1)))
                skipSpace()
                guard i < bytes.count else { throw fail("unclosed object") }
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                } else if bytes[i] == UInt8(ascii: "}") {
                    i += 1
                    return .object(pairs)
                } else {
                    throw fail("expected `,` or `}` in an object")
                }
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [JSONValue] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                i += 1
                return .array(items)
            }
            while true {
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard i < bytes.count else { throw fail("unclosed array") }
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                } else if bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    return .array(items)
                } else {
                    throw fail("expected `,` or `]` in an array")
                }
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default:
            return try number()
        }
    }

    private mutating func literal(_ word: String, _ value: JSONValue) throws(Failure) -> JSONValue {
        let w = Array(word.utf8)
        guard bytes.count - i >= w.count, bytes[i..<i + w.count].elementsEqual(w) else {
            throw fail("unexpected `\(String(decoding: bytes[i..<min(i + 8, bytes.count)], as: UTF8.self))`")
        }
        i += w.count
        return value
    }

    private mutating func number() throws(Failure) -> JSONValue {
        let start = i
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        let digits = i
        while i < bytes.count, (48...57).contains(bytes[i]) { i += 1 }
        guard i > digits, bytes[digits] != 48 || i == digits + 1 else { throw fail("malformed number") }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            let fraction = i
            while i < bytes.count, (48...57).contains(bytes[i]) { i += 1 }
            guard i > fraction else { throw fail("malformed number") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            let exponent = i
            while i < bytes.count, (48...57).contains(bytes[i]) { i += 1 }
            guard i > exponent else { throw fail("malformed number") }
        }
        guard let n = Double(String(decoding: bytes[start..<i], as: UTF8.self)) else {
            throw fail("malformed number")
        }
        return .number(n)
    }

    /// A quoted string at `i`, with its escapes decoded (`\uXXXX` surrogate pairs joined).
    private mutating func string() throws(Failure) -> String {
        i += 1
        let start = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\"), bytes[i] >= 0x20 {
            i += 1
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
            defer { i += 1 }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }
        var out = Array(bytes[start..<i])
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            switch b {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard i < bytes.count else { break }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), bytes.count - i >= 6, bytes[i] == 92,
                        bytes[i + 1] == UInt8(ascii: "u")
                    {
                        i += 2
                        let low = try hex4()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    out += Array(String(Unicode.Scalar(code) ?? "\u{FFFD}").utf8)
                default: throw fail("unknown escape `\\\(Unicode.Scalar(e))` in a string")
                }
            case 0..<0x20:
                throw fail("a control character inside a string")
            default:
                out.append(b)
            }
        }
        throw fail("unclosed string")
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard bytes.count - i >= 4 else { throw fail("malformed `\\u` escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            i += 1
            let digit: UInt32
            switch b {
            case 48...57: digit = UInt32(b - 48)
            case 65...70: digit = UInt32(b - 55)
            case 97...102: digit = UInt32(b - 87)
            default: throw fail("malformed `\\u` escape")
            }
            value = value * 16 + digit
        }
        return value
    }
}
