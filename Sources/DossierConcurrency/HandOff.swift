import Foundation

/// The one way Dossier hands work between threads: a worker runs on a thread of its own and sends values, in
/// order, through a bounded queue to one consumer.
///
/// - The worker runs at most `capacity` values ahead: `send` waits while that many are queued. So when
///   `send(n)` returns (values numbered from 0), the consumer has taken every value before `n - capacity + 1`;
///   a worker that lends the consumer buffers by value number relies on exactly that.
/// - `next()` waits for the next value; nil after the last. If the worker threw, its error is rethrown once the
///   values sent before it have been taken.
/// - `stop()`, or the `HandOff` going away, makes the worker's next `send` return false so that it ends early;
///   values not yet taken are dropped.
///
/// Hand-offs between threads go through this type (directly or as a `Future`), so their rules live in one
/// tested place rather than in comments beside several hand-written ones. The one exception is `verify`'s
/// per-chunk hashing (`DigestOverlap`), which lends a borrowed buffer to a long-lived queue: a thread per
/// chunk measured far slower.
public final class HandOff<Element: Sendable>: Sendable {
    private let channel: Channel

    /// What the worker sends with.
    public struct Sender: Sendable {
        fileprivate let channel: Channel

        /// Queues `value`, waiting while `capacity` values are queued; false once the consumer stopped.
        @discardableResult
        public func send(_ value: Element) -> Bool { channel.put(value) }

        /// Whether the consumer stopped: a worker between sends may check it to end sooner.
        public var isStopped: Bool { channel.isStopped }
    }

    /// Starts `work` on a new thread named `name`.
    public init(name: String, capacity: Int, work: @escaping @Sendable (Sender) throws -> Void) {
        precondition(capacity >= 1, "a hand-off holds at least one value")
        let channel = Channel(capacity: capacity)
        self.channel = channel
        let thread = Thread {
            let outcome = Result { try work(Sender(channel: channel)) }
            channel.finish(outcome.error)
        }
        thread.name = name
        thread.start()
    }

    deinit { channel.stop() }

    /// The next value in the order sent; nil after the last. Rethrows the worker's error in its turn.
    public func next() throws -> Element? { try channel.take() }

    /// Ends the worker at its next `send` and drops what is queued; idempotent.
    public func stop() { channel.stop() }

    /// Waits until the worker returned (after `stop()`, as soon as it next sends or checks `isStopped`).
    public func join() { channel.join() }

    /// The queue shared by the worker's thread and the consumer.
    fileprivate final class Channel: @unchecked Sendable {
        // @unchecked: every stored property below `condition` is read and written only while holding it.
        private let condition = NSCondition()
        private let capacity: Int
        private var queue: [Element?]
        private var head = 0
        private var count = 0
        private var finished = false
        private var failure: (any Error)?
        private var stopped = false

        init(capacity: Int) {
            self.capacity = capacity
            queue = Array(repeating: nil, count: capacity)
        }

        func put(_ value: Element) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while count == capacity && !stopped { condition.wait() }
            guard !stopped else { return false }
            queue[(head + count) % capacity] = value
            count += 1
            condition.broadcast()
            return true
        }

        func take() throws -> Element? {
            condition.lock()
            defer { condition.unlock() }
            while count == 0 && !finished && !stopped { condition.wait() }
            if count > 0 {
                let value = queue[head]
                queue[head] = nil
                head = (head + 1) % capacity
                count -= 1
                condition.broadcast()
                return value
            }
            if let failure, !stopped {
                self.failure = nil
                throw failure
            }
            return nil
        }

        func finish(_ error: (any Error)?) {
            condition.lock()
            finished = true
            failure = error
            condition.broadcast()
            condition.unlock()
        }

        func stop() {
            condition.lock()
            stopped = true
            for i in queue.indices { queue[i] = nil }
            count = 0
            condition.broadcast()
            condition.unlock()
        }

        func join() {
            condition.lock()
            while !finished { condition.wait() }
            condition.unlock()
        }

        var isStopped: Bool {
            condition.lock()
            defer { condition.unlock() }
            return stopped
        }
    }
}

extension Result {
    fileprivate var error: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}
