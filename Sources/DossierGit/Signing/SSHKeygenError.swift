/// `ssh-keygen` could not do what was asked: not installed, a key it cannot use, a signature it rejects.
/// The message is ssh-keygen's own (stderr), which names the problem better than any guess made here.
public struct SSHKeygenError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// `ssh-keygen` is not on PATH (Debian: openssh-client).
        case notInstalled
        /// It ran and refused (exit status and its message).
        case failed(status: Int32)
        /// It ran out of time or wrote more than any answer needs, and was killed.
        case killed
    }

    public var reason: Reason
    /// What was being done, e.g. `sign dist/x.zip`.
    public var action: String
    public var message: String

    package init(reason: Reason, action: String, message: String) {
        self.reason = reason
        self.action = action
        self.message = message
    }

    public var description: String {
        switch reason {
        case .notInstalled: "cannot \(action): ssh-keygen is not installed (install OpenSSH's client)"
        case .failed, .killed: "cannot \(action): \(message)"
        }
    }
}
