extension YAMLNode {
    /// The content of a node. Mapping keys are always scalars in a parsed tree.
    public enum Value: Sendable {
        case scalar(String, YAMLScalarStyle)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }
}
