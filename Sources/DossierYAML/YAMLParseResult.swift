/// What ``YAMLParser/parse(_:limits:)`` found: the tree of the first document, if one could be
/// trusted, and every problem seen on the way.
///
/// `root` is nil when the file holds no document (empty, or only comments) and when a problem
/// made the tree untrustworthy (see ``YAMLProblem/Kind``). Problems that only drop a pair
/// (duplicate or non-scalar keys) or ignore later documents leave `root` in place.
public struct YAMLParseResult: Sendable {
    public var root: YAMLNode?
    public var problems: [YAMLProblem]

    public init(root: YAMLNode?, problems: [YAMLProblem]) {
        self.root = root
        self.problems = problems
    }
}
