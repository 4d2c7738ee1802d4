/// Renders parsed templates (and their partials, by name) into UTF-8 bytes.
///
/// `{{name}}` escapes `& < > " '` byte by byte, so a quote followed by a combining mark is still escaped.
/// Partials nest at most `maxPartialDepth` deep, so a template that includes itself ends instead of
/// exhausting the stack.
struct MustacheRenderer: Sendable {
    static let maxPartialDepth = 64

    let templates: [String: MustacheTemplate]

    func render(_ name: String, _ value: TemplateValue) -> String? {
        renderBytes(name, value).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The rendered bytes; `capacity` is a guess at their size, so that a large page is not copied as it grows.
    func renderBytes(_ name: String, _ value: TemplateValue, capacity: Int = 1 << 16) -> [UInt8]? {
        let out = MustacheOutput(capacity: capacity)
        return render(name, value, into: out) ? out.bytes : nil
    }

    /// Renders into `out`, which hands its bytes on whenever it holds a piece's worth; false when there is
    /// no template of that name.
    func render(_ name: String, _ value: TemplateValue, into out: MustacheOutput) -> Bool {
        guard let template = templates[name] else { return false }
        var stack = [value]
        render(template.nodes, &stack, out, depth: 0)
        return true
    }

    func has(_ name: String) -> Bool { templates[name] != nil }

    private func render(
        _ nodes: [MustacheTemplate.Node], _ stack: inout [TemplateValue], _ out: MustacheOutput, depth: Int
    ) {
        for node in nodes {
            switch node {
            case .text(let text):
                out.bytes += text
            case .variable(let path, let escaped):
                switch Self.lookup(path, in: stack) {
                case .string(let string):
                    if escaped { Self.escape(string, into: &out.bytes) } else { out.bytes += string.utf8 }
                case .bool(let bool):
                    out.bytes += (bool ? "true" : "false").utf8
                case .deferred(let deferred):
                    if escaped {
                        let inner = MustacheOutput()
                        deferred.render(inner)
                        Self.escape(inner.bytes, into: &out.bytes)
                    } else {
                        deferred.render(out)
                    }
                case .null, .list, .object, .rows:
                    break
                }
            case .section(let path, let inverted, let children):
                let value = Self.lookup(path, in: stack)
                if inverted {
                    if !Self.isTruthy(value) { render(children, &stack, out, depth: depth) }
                    continue
                }
                switch value {
                case .null, .bool(false):
                    break
                case .bool(true):
                    render(children, &stack, out, depth: depth)
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        render(children, &stack, out, depth: depth)
                        stack.removeLast()
                    }
                case .rows(let rows):
                    for index in 0..<rows.count {
                        stack.append(TemplateValue(rows.item(index)))
                        render(children, &stack, out, depth: depth)
                        stack.removeLast()
                    }
                case .string, .object, .deferred:
                    stack.append(value)
                    render(children, &stack, out, depth: depth)
                    stack.removeLast()
                }
            case .partial(let name, let indentation):
                guard depth < Self.maxPartialDepth, let template = templates[name] else { continue }
                if indentation.isEmpty {
                    render(template.nodes, &stack, out, depth: depth + 1)
                } else {
                    let inner = MustacheOutput()
                    render(template.nodes, &stack, inner, depth: depth + 1)
                    Self.indent(inner.bytes, by: indentation, into: &out.bytes)
                }
            }
            out.flushIfFull()
        }
    }

    /// The first name is looked up from the innermost context outwards; the rest of a dotted name only in
    /// what the first part found (the spec's rule).
    private static func lookup(_ path: [String], in stack: [TemplateValue]) -> TemplateValue {
        guard let first = path.first else { return stack.last ?? .null }
        var found: TemplateValue?
        for value in stack.reversed() {
            if let child = value[first] {
                found = child
                break
            }
        }
        guard var current = found else { return .null }
        for name in path.dropFirst() {
            guard let child = current[name] else { return .null }
            current = child
        }
        return current
    }

    private static func isTruthy(_ value: TemplateValue) -> Bool {
        switch value {
        case .null, .bool(false): false
        case .list(let items): !items.isEmpty
        case .rows(let rows): rows.count > 0
        default: true
        }
    }

    static func escape(_ string: String, into out: inout [UInt8]) {
        escape(string.utf8, into: &out)
    }

    static func escape<Bytes: Sequence<UInt8>>(_ bytes: Bytes, into out: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            default: out.append(byte)
            }
        }
    }

    /// Puts `indentation` before every line of `text` that has content.
    private static func indent(_ text: [UInt8], by indentation: [UInt8], into out: inout [UInt8]) {
        var atLineStart = true
        for byte in text {
            if atLineStart && byte != UInt8(ascii: "\n") { out += indentation }
            out.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
    }
}

/// Where rendered bytes go: kept whole (`bytes`), or handed to a sink a piece at a time once `pieceSize`
/// bytes have gathered (checked between template nodes), so a 10 MB page never exists in one piece.
final class MustacheOutput {
    var bytes: [UInt8]
    private let pieceSize: Int
    private let sink: (([UInt8]) -> Void)?

    init(capacity: Int = 1 << 12) {
        bytes = []
        bytes.reserveCapacity(capacity)
        pieceSize = .max
        sink = nil
    }

    init(pieceSize: Int, sink: @escaping ([UInt8]) -> Void) {
        bytes = []
        bytes.reserveCapacity(pieceSize + pieceSize / 4)
        self.pieceSize = pieceSize
        self.sink = sink
    }

    func flushIfFull() {
        if bytes.count >= pieceSize { flush() }
    }

    /// Hands on what has gathered (the caller flushes once more at the end).
    func flush() {
        guard let sink, !bytes.isEmpty else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}
