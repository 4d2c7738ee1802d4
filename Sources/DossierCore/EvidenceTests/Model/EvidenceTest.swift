/// One check of what an evidence file says, written under `tests:` on an evidence requirement.
///
/// ``definition`` is the test as one canonical line (`every: {column: mfa_enrolled, equals: "true"}`): how
/// reports name it and, hashed, how ``EvidenceTestCache`` recognises that a remembered result still applies.
public struct EvidenceTest: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// CSV/TSV: these header names are present.
        case columns([String])
        /// CSV/TSV data rows, or the length of the JSON array at `at`, within bounds.
        case rows(at: JSONPointer?, min: Int?, max: Int?)
        /// Every row or array element satisfies the conditions (zero rows pass).
        case every(TestSubject, [TestCondition])
        /// No row or array element satisfies the conditions (zero rows pass).
        case none(TestSubject, [TestCondition])
        /// At least `min` (0…1) of the rows satisfy the conditions (zero rows fail).
        case share(TestSubject, [TestCondition], min: Double)
        /// No non-empty value repeats in the column.
        case unique(column: String)
        /// Every value of `columnThere` in the newest file matching `from` (dated on or before this file's
        /// evidence date) appears in this file's `column`.
        case covers(column: String, from: String, columnThere: String)
        /// The JSON or YAML value at a pointer satisfies the conditions.
        case json(at: JSONPointer, [TestCondition])
        /// Plain text, any line.
        case text(TextCheck)
    }

    public enum TextCheck: Sendable, Hashable {
        case contains(String)
        case lacks(String)
        case matches(LinearRegex)
    }

    public var kind: Kind
    /// The test as one canonical line.
    public var definition: String
    /// Where the test is written in `controls.yaml`.
    public var mark: SourceMark?

    public init(kind: Kind, definition: String, mark: SourceMark? = nil) {
        self.kind = kind
        self.definition = definition
        self.mark = mark
    }

    /// The test kind's name as written (`every`, `json`, …).
    public var name: String { String(definition.prefix { $0 != ":" }) }

    /// Whether the test reads CSV/TSV rows (as opposed to a JSON/YAML tree or text lines).
    var wantsTable: Bool {
        switch kind {
        case .columns, .unique, .covers: true
        case .rows(let at, _, _): at == nil
        case .every(let s, _), .none(let s, _), .share(let s, _, _): s.column != nil
        case .json, .text: false
        }
    }

    /// The `from` glob of a `covers` test.
    var coversFrom: String? {
        if case .covers(_, let from, _) = kind { return from }
        return nil
    }
}

/// What `every`, `none` and `share` walk: the cells of a CSV column, or the elements of a JSON array
/// (optionally a value inside each element, `where: {at: …}`).
public enum TestSubject: Sendable, Hashable {
    case column(String)
    case elements(at: JSONPointer, inner: JSONPointer?)

    var column: String? {
        if case .column(let name) = self { return name }
        return nil
    }
}

/// One condition on a cell or JSON value.
public enum TestCondition: Sendable, Hashable {
    /// A CSV cell equals `text`; a JSON value equals `value` (typed).
    case equals(TestLiteral)
    case oneOf([TestLiteral])
    /// The whole value matches.
    case matches(LinearRegex)
    case min(Double)
    case max(Double)
    case notEmpty
    /// A date in the value lies within N days before the file's evidence date (inclusive).
    case withinDays(Int)
}

/// A value written in the control map: its text (for CSV cells) and its typed reading (for JSON).
public struct TestLiteral: Sendable, Hashable {
    public var text: String
    public var value: JSONValue

    public init(text: String, value: JSONValue) {
        self.text = text
        self.value = value
    }
}

/// How an evidence file is read for tests: from its extension, or `format:` on the requirement.
public enum EvidenceFormat: String, Sendable, Hashable, CaseIterable, Codable {
    case csv, tsv, json, yaml, text

    public static func of(path: [UInt8]) -> EvidenceFormat {
        let name = path.split(separator: UInt8(ascii: "/")).last.map { Array($0) } ?? path
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")) else { return .text }
        switch String(decoding: name[(dot + 1)...], as: UTF8.self).lowercased() {
        case "csv": return .csv
        case "tsv": return .tsv
        case "json": return .json
        case "yaml", "yml": return .yaml
        default: return .text
        }
    }

    var isTable: Bool { self == .csv || self == .tsv }
    var isTree: Bool { self == .json || self == .yaml }
}
