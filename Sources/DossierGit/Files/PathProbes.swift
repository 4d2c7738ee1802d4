import Synchronization

/// The workspace-relative paths a run looked up or read (shared by every copy of a `Workspace`), so that a
/// later run can tell whether any of them changed without repeating the work.
public final class PathProbes: Sendable {
    private let paths = Mutex<Set<String>>([])

    public init() {}

    package func record(_ relative: String) {
        paths.withLock { _ = $0.insert(relative) }
    }

    /// The recorded paths, sorted.
    public var recorded: [String] { paths.withLock { $0.sorted() } }
}
