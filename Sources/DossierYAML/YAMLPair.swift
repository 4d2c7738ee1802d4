/// One key and its value in a mapping, in file order.
///
/// The key is always a scalar node in a parsed tree: pairs with sequence or mapping keys are
/// dropped with a ``YAMLProblem/Kind/nonScalarKey`` problem.
public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
