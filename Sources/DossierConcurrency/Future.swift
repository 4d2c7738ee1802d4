/// A value computed on a thread of its own while the caller goes on: a `HandOff` of one value.
///
/// How the history pass (the slowest git call) overlaps with listing the working tree, how a bundle renders
/// its site while it writes the reports, and how files are hashed on every core.
public struct Future<Value: Sendable>: Sendable {
    private let handOff: HandOff<Value>

    public init(name: String, _ work: @escaping @Sendable () throws -> Value) {
        handOff = HandOff(name: name, capacity: 1) { sender in sender.send(try work()) }
    }

    /// Waits for the work; its value, or its error rethrown. Call it once.
    public func value() throws -> Value {
        guard let value = try handOff.next() else {
            preconditionFailure("Future.value() called twice")
        }
        return value
    }
}
