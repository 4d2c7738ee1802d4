/// Something wrong with a YAML file, at the place a user should look.
///
/// Every problem is an error for the file; ``Kind`` says whether the tree survived it.
/// The engine turns these into `controls.yaml:12:5: error: message` diagnostics, with the
/// hint on a line of its own.
public struct YAMLProblem: Error, Sendable, Equatable {
    /// What went wrong.
    ///
    /// `duplicateKey`, `nonScalarKey` and `multipleDocuments` keep the tree (the pair or the
    /// later documents are dropped); every other kind stops parsing and leaves no root.
    public enum Kind: Sendable, Hashable {
        /// libyaml refused the text, including invalid UTF-8 and control characters.
        case syntax
        /// The file is larger than ``YAMLLimits/maxBytes``; nothing was parsed.
        case tooLarge
        /// Collections nest deeper than ``YAMLLimits/maxDepth``.
        case tooDeep
        /// The tree, with aliases expanded, would hold more than ``YAMLLimits/maxNodes`` nodes.
        case tooManyNodes
        /// A second document starts; only the first is returned.
        case multipleDocuments
        /// A mapping repeats a key (byte-equal text); the first pair is kept.
        case duplicateKey
        /// A mapping key is a sequence or mapping; the pair is dropped.
        case nonScalarKey
        /// An alias names an anchor not defined before it.
        case undefinedAlias
        /// An alias names a node that contains the alias, which would never end.
        case recursiveAlias
    }

    public var kind: Kind
    /// One line, lower-case start, no trailing period, as compilers print them.
    public var message: String
    /// Where the problem is, 1-based.
    public var mark: YAMLMark
    /// What to do about it, when there is something useful to say.
    public var hint: String?

    public init(_ kind: Kind, _ message: String, at mark: YAMLMark, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.mark = mark
        self.hint = hint
    }

    /// Whether the problem leaves no trustworthy tree behind.
    public var isFatal: Bool {
        switch kind {
        case .duplicateKey, .nonScalarKey, .multipleDocuments: false
        default: true
        }
    }
}
