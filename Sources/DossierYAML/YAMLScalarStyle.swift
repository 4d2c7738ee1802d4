/// How a scalar was written. Kept because a schema may treat `"1.10"` and `1.10` differently,
/// and because only a *plain* `~` or `null` is a null.
public enum YAMLScalarStyle: Sendable, Hashable {
    case plain
    case singleQuoted
    case doubleQuoted
    /// A `|` block scalar.
    case literal
    /// A `>` block scalar.
    case folded
}
