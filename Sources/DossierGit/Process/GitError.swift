import Foundation

/// git exited non-zero or could not be run: the arguments, the exit status and what git said on stderr.
public struct GitError: Error, Sendable, CustomStringConvertible {
    public var arguments: [String]
    public var status: Int32
    public var message: String
    public var description: String { "git \(arguments.first ?? "") failed (exit \(status)): \(message)" }
    /// git refused the repository because another user owns it.
    public var isDubiousOwnership: Bool { message.contains("dubious ownership") }
    public var isNotARepository: Bool { message.contains("not a git repository") }
}
