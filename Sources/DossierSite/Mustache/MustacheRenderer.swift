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
        guard let template = templates[name] else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(capacity)
        var stack = [value]
        render(template.nodes, &stack, &out, depth: 0)
        return out
    }

    private func render(
        _ nodes: [MustacheTemplate.Node], _ stack: inout [TemplateValue], _ out: inout [UInt8], depth: Int
    ) {
        for node in nodes {
            switch node {
            case .text(let text):
                out += text
            case .variable(let path, let escaped):
                switch Self.lookup(path, in: stack) {
                case .string(let string):
                    if escaped { Self.escape(string, into: &out) } else { out += string.utf8 }
                case .bool(let bool):
                    out += (bool ? "true" : "false").utf8
                case .null, .list, .object, .rows:
                    break
                }
            case .section(let path, let inverted, let children):
                let value = Self.lookup(path, in: stack)
                if inverted {
                    if !Self.isTruthy(value) { render(children, &stack, &out, depth: depth) }
                    continue
                }
                switch value {
                case .null, .bool(false):
                    break
                case .bool(true):
                    render(children, &stack, &out, depth: depth)
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        render(children, &stack, &out, depth: depth)
                        stack.removeLast()
                    }
                case .rows(let rows):
                    for index in 0..<rows.count {
                        stack.append(TemplateValue(rows.item(index)))
                        render(children, &stack, &out, depth: depth)
                        stack.removeLast()
                    }
                case .string, .object:
                    stack.append(value)
                    render(children, &stack, &out, depth: depth)
                    stack.removeLast()
                }
            case .partial(let name, let indentation):
                guard depth < Self.maxPartialDepth, let template = templates[name] else { continue }
                if indentation.isEmpty {
                    render(template.nodes, &stack, &out, depth: depth + 1)
                } else {
                    var inner: [UInt8] = []
                    render(template.nodes, &stack, &inner, depth: depth + 1)
                    Self.indent(inner, by: indentation, into: &out)
                }
            }
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
        for byte in string.utf8 {
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
