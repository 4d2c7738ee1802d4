import DossierCore

/// What became of one collector.
public struct CollectOutcome: Sendable {
    public enum Result: Sendable, Equatable {
        /// The evidence was written (and, with `--commit`, committed).
        case written
        /// The output file exists already: nothing ran, nothing was written.
        case exists
        /// Nothing was written, for the reason the code names.
        case failed(DiagnosticCode)
    }

    public var task: CollectTask
    public var result: Result
    /// The command's exit status (128 + signal when it was killed); nil when it did not run.
    public var status: Int32?
    /// The last lines of what the command printed on stderr (a few KB at most).
    public var stderrTail: String = ""
    /// What went wrong, for people (never the output itself, never a secret).
    public var message: String = ""
    /// SHA-256 of the bytes written.
    public var sha256: String?
    public var bytes: Int = 0
    public var milliseconds: Int64 = 0

    public var failed: Bool {
        if case .failed = result { return true }
        return false
    }

    /// The last `count` non-empty lines of stderr.
    public func stderrLines(_ count: Int = 5) -> [String] {
        Array(stderrTail.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }.suffix(count))
    }
}
