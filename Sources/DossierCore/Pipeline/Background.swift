import Dispatch

/// Runs one throwing piece of work on another thread and hands back its result: how the history pass (the
/// slowest git call) overlaps with listing and checking the working tree.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = Result(catching: work)
            self.done.signal()
        }
    }

    /// Waits for the work and returns its value or rethrows its error.
    func value() throws -> Value {
        done.wait()
        defer { done.signal() }  // later calls return at once
        return try result!.get()
    }
}
