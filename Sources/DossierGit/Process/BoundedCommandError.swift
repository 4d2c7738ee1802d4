/// A collector's program could not be started (as opposed to one that ran and failed).
public enum BoundedCommandError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not on the allowed PATH, or (for a path) not an executable file.
    case notFound(String)
    case cannotStart(String, String)

    public var description: String {
        switch self {
        case .notFound(let program):
            program.isEmpty
                ? "the command is empty" : "`\(program)` is not an executable program on PATH or in the workspace"
        case .cannotStart(_, let reason): reason
        }
    }
}
