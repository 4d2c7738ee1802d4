/// Bounds that keep a hostile or broken file from using unbounded time or memory.
///
/// libyaml 0.2.5 has no nesting limit (and flow nesting costs quadratic time), and a tree
/// builder that expands aliases can be made to copy a node a billion times. Each bound turns
/// such input into one ``YAMLProblem`` instead.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest input accepted, in bytes; larger input is refused before libyaml sees it.
    public var maxBytes = 4 << 20
    /// Most collections (sequences and mappings) that may be open inside each other,
    /// counting those copied in by aliases. Scalars do not add a level.
    public var maxDepth = 64
    /// Most nodes in the finished tree, counting every node an alias copies.
    public var maxNodes = 1_000_000

    public init() {}
}
