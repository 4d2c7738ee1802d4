/// One node of a parsed YAML document, with where it starts in the file.
///
/// The tree is made of values, so an alias is expanded by copying the anchored node: cheap,
/// because the arrays inside are shared until someone mutates them. Scalars stay untyped
/// strings (`NO`, `1.10`, `0o14` and `~` are all strings); deciding what they mean is the
/// schema's job, which can use ``style``, ``tag`` and ``isNull``.
public struct YAMLNode: Sendable {
    public var value: Value
    /// Where the node starts: a scalar's first character (the quote, for a quoted scalar), the
    /// first key of a block mapping, the `-` of a block sequence, the `[` or `{` of a flow
    /// collection, or its anchor or tag when one is written. A node copied from an alias
    /// starts at the alias (`*name`); the nodes inside the copy keep their original marks.
    public var mark: YAMLMark
    /// The tag as libyaml resolved it (`!!str` becomes `tag:yaml.org,2002:str`, a bare `!`
    /// stays `!`); nil when none was written.
    public var tag: String?

    public init(value: Value, mark: YAMLMark, tag: String? = nil) {
        self.value = value
        self.mark = mark
        self.tag = tag
    }

    // MARK: - Conveniences

    /// The scalar's text, or nil for a collection.
    public var scalar: String? {
        if case .scalar(let text, _) = value { text } else { nil }
    }

    /// How the scalar was written, or nil for a collection.
    public var style: YAMLScalarStyle? {
        if case .scalar(_, let style) = value { style } else { nil }
    }

    /// The sequence's items, or nil for a scalar or mapping.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = value { items } else { nil }
    }

    /// The mapping's pairs in file order, or nil for a scalar or sequence.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = value { pairs } else { nil }
    }

    /// `scalar`, `sequence` or `mapping`, for messages such as "expected a mapping, found a scalar".
    public var kindName: String {
        switch value {
        case .scalar: "scalar"
        case .sequence: "sequence"
        case .mapping: "mapping"
        }
    }

    /// The first pair whose key is a scalar with exactly these bytes.
    ///
    /// Bytes, not `String` equality: Swift's `==` treats NFC and NFD spellings as equal, while
    /// the parser keeps them as distinct keys, so lookup must agree with it.
    public func value(forKey key: String) -> YAMLPair? {
        mapping?.first { $0.key.scalar?.utf8.elementsEqual(key.utf8) == true }
    }

    /// True for a plain `""` (an empty value such as `key:`), `~`, `null`, `Null` or `NULL`
    /// that carries no tag other than `!!null`.
    ///
    /// Quoted scalars are never null: `"null"` is the four-letter string. A tag such as
    /// `!!str ~` also makes the scalar a string.
    public var isNull: Bool {
        guard case .scalar(let text, .plain) = value else { return false }
        guard tag == nil || tag == "tag:yaml.org,2002:null" else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
}
