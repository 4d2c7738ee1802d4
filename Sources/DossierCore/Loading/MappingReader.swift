import DossierYAML

/// Reads one YAML mapping against a schema: typed accessors that report wrong types as diagnostics,
/// and a final check that names every key nobody asked for.
struct MappingReader {
    let node: YAMLNode
    let pairs: [YAMLPair]
    var context: String
    let file: String
    private(set) var consumed: Set<String> = []
    var diagnostics: [Diagnostic] = []

    /// nil (with a diagnostic) when `node` is not a mapping.
    init?(_ node: YAMLNode, context: String, file: String, diagnostics: inout [Diagnostic]) {
        guard let pairs = node.mapping else {
            diagnostics.append(
                .error(
                    .schemaNotAMapping, "\(context) must be a mapping, found a \(node.kindName)", file: file,
                    at: node.sourceMark,
                    hint: "write it as `key: value` lines"))
            return nil
        }
        self.node = node
        self.pairs = pairs
        self.context = context
        self.file = file
    }

    mutating func value(_ key: String) -> YAMLNode? {
        consumed.insert(key)
        return node.value(forKey: key)?.value
    }

    /// Names every key not read so far, suggesting the closest allowed key.
    mutating func finish(allowed: [String]) {
        for pair in pairs {
            guard let key = pair.key.scalar, !consumed.contains(key) else { continue }
            var hint = "allowed keys: " + allowed.joined(separator: ", ")
            if let near = allowed.min(by: { key.editDistance(to: $0) < key.editDistance(to: $1) }),
                key.editDistance(to: near) <= max(2, key.count / 3)
            {
                hint = "did you mean `\(near)`?"
            }
            diagnostics.append(
                .error(
                    .schemaUnknownKey, "unknown key `\(key)` in \(context)", file: file, at: pair.key.sourceMark,
                    hint: hint))
        }
    }

    // MARK: - Typed values

    mutating func string(_ key: String, required: Bool, hint: String? = nil) -> String? {
        guard let v = value(key), !v.isNull else {
            // `owner:` with nothing after it is empty, not missing: point at the key the reader wrote.
            if required, let pair = node.value(forKey: key) {
                diagnostics.append(
                    .error(
                        .schemaEmptyValue, "`\(key)` in \(context) is empty", file: file, at: pair.key.sourceMark,
                        hint: hint))
            } else if required {
                missing(key, hint: hint)
            }
            return nil
        }
        guard let text = v.scalar else {
            typeError(key, v, expected: "a string")
            return nil
        }
        if required && text.trimmingWhitespace().isEmpty {
            diagnostics.append(
                .error(.schemaEmptyValue, "`\(key)` in \(context) is empty", file: file, at: v.sourceMark, hint: hint))
            return nil
        }
        return text
    }

    mutating func integer(_ key: String, range: ClosedRange<Int>) -> Int? {
        guard let v = value(key), !v.isNull else { return nil }
        guard let text = v.scalar, v.isPlainScalar, let number = Int(text), range.contains(number) else {
            diagnostics.append(
                .error(
                    .schemaNotANumber,
                    "`\(key)` must be a whole number from \(range.lowerBound) to \(range.upperBound)", file: file,
                    at: v.sourceMark, hint: "for example `\(key): \(range.lowerBound)`"))
            return nil
        }
        return number
    }

    mutating func day(_ key: String, required: Bool = false) -> (CalendarDay, SourceMark)? {
        guard let v = value(key), !v.isNull else {
            if required { missing(key, hint: "a date written YYYY-MM-DD") }
            return nil
        }
        guard let text = v.scalar, let day = CalendarDay(iso: text) else {
            diagnostics.append(
                .error(
                    .schemaNotADate, "`\(key)` must be a date written YYYY-MM-DD, found \(v.describedValue)",
                    file: file,
                    at: v.sourceMark,
                    hint: "for example `\(key): 2026-06-30`"))
            return nil
        }
        return (day, v.sourceMark)
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, required: Bool, as: T.Type) -> T?
    where T.RawValue == String {
        let allowed = T.allCases.map(\.rawValue)
        guard let v = value(key), !v.isNull else {
            if required { missing(key, hint: "one of: " + allowed.joined(separator: ", ")) }
            return nil
        }
        guard let text = v.scalar, let result = T(rawValue: text) else {
            diagnostics.append(
                .error(
                    .schemaNotAllowed,
                    "`\(key)` must be one of \(allowed.joined(separator: ", ")), found \(v.describedValue)", file: file,
                    at: v.sourceMark,
                    hint: v.scalar.flatMap { suggestion($0, allowed) } ?? "write one of: "
                        + allowed.joined(separator: ", ")))
            return nil
        }
        return result
    }

    /// A list of scalars; a single scalar is accepted as a one-element list.
    mutating func scalarList(_ key: String) -> [(String, SourceMark)]? {
        guard let v = value(key), !v.isNull else { return nil }
        if let text = v.scalar { return [(text, v.sourceMark)] }
        guard let items = v.sequence else {
            typeError(key, v, expected: "a list")
            return nil
        }
        var result: [(String, SourceMark)] = []
        for item in items {
            guard let text = item.scalar else {
                diagnostics.append(
                    .error(
                        .schemaWrongType, "items of `\(key)` must be plain values, found a \(item.kindName)",
                        file: file,
                        at: item.sourceMark,
                        hint: "write each item as a plain value, e.g. `[a, b]`"))
                continue
            }
            result.append((text, item.sourceMark))
        }
        return result
    }

    mutating func missing(_ key: String, hint: String?) {
        diagnostics.append(
            .error(.schemaMissingKey, "\(context) has no `\(key)`", file: file, at: node.sourceMark, hint: hint))
    }

    mutating func typeError(_ key: String, _ v: YAMLNode, expected: String) {
        let example =
            expected == "a list" ? "`\(key): [a, b]`" : "`\(key): some text` (quote it if it holds `: ` or `#`)"
        diagnostics.append(
            .error(
                .schemaWrongType, "`\(key)` in \(context) must be \(expected), found a \(v.kindName)", file: file,
                at: v.sourceMark,
                hint: "write it as \(example)"))
    }

    func suggestion(_ text: String, _ allowed: [String]) -> String? {
        guard let near = allowed.min(by: { text.editDistance(to: $0) < text.editDistance(to: $1) }),
            text.editDistance(to: near) <= max(2, text.count / 3)
        else { return nil }
        return "did you mean `\(near)`?"
    }
}

extension YAMLNode {
    var sourceMark: SourceMark { SourceMark(line: mark.line, column: mark.column) }

    var isPlainScalar: Bool {
        if case .scalar(_, .plain) = value { return true }
        return false
    }

    /// The value for a message: a quoted scalar, or the kind of a collection.
    var describedValue: String {
        if let text = scalar { return "`\(text)`" }
        return "a \(kindName)"
    }
}
