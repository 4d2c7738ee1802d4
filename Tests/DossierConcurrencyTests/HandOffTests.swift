import Foundation
import Synchronization
import Testing

@testable import DossierConcurrency

/// The rules every hand-off between Dossier's threads relies on.
@Suite("hand-off")
struct HandOffTests {
    struct Boom: Error, Equatable {}

    @Test("values arrive in the order sent, then nil")
    func order() throws {
        let handOff = HandOff<Int>(name: "test", capacity: 3) { sender in
            for i in 0..<1_000 { sender.send(i) }
        }
        var got: [Int] = []
        while let value = try handOff.next() { got.append(value) }
        #expect(got == Array(0..<1_000))
        #expect(try handOff.next() == nil)
    }

    /// Buffers lent by value number: `capacity + 2` of them (one being filled, `capacity` queued, one held by
    /// the consumer until it asks again) are never overwritten while the consumer reads them.
    final class Ring: @unchecked Sendable {
        // @unchecked: the test is that the hand-off's bound makes these accesses race-free (run it under TSan).
        let slots: UnsafeMutableBufferPointer<Int>
        init(_ count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: -1)
        }
        deinit { slots.deallocate() }
    }

    @Test("the worker never runs more than capacity values ahead: a ring of capacity + 2 buffers is safe")
    func bounded() throws {
        let capacity = 2
        let ring = Ring(capacity + 2)
        let handOff = HandOff<Int>(name: "test", capacity: capacity) { sender in
            for n in 0..<5_000 {
                ring.slots[n % ring.slots.count] = n
                guard sender.send(n) else { return }
            }
        }
        var expected = 0
        while let n = try handOff.next() {
            #expect(n == expected)
            // Held until the next call: the worker must not have reused this buffer yet.
            if n % 7 == 0 { usleep(20) }
            #expect(ring.slots[n % ring.slots.count] == n)
            expected += 1
        }
        #expect(expected == 5_000)
    }

    @Test("the worker's error comes after the values sent before it")
    func errorInTurn() throws {
        let handOff = HandOff<Int>(name: "test", capacity: 4) { sender in
            sender.send(1)
            sender.send(2)
            throw Boom()
        }
        #expect(try handOff.next() == 1)
        #expect(try handOff.next() == 2)
        #expect(throws: Boom.self) { try handOff.next() }
        #expect(try handOff.next() == nil)
    }

    @Test("stop ends a worker blocked on a full queue; send then says so")
    func stop() throws {
        let sends = Mutex<[Bool]>([])
        let handOff = HandOff<Int>(name: "test", capacity: 1) { sender in
            for i in 0..<3 {
                let ok = sender.send(i)
                sends.withLock { $0.append(ok) }
                if !ok { return }
            }
        }
        #expect(try handOff.next() == 0)
        handOff.stop()
        handOff.join()
        let results = sends.withLock { $0 }
        #expect(results.last == false)
        #expect(try handOff.next() == nil)
    }

    @Test("a hand-off that goes away stops its worker")
    func dropped() {
        let ended = Mutex(false)
        let finished = DispatchSemaphore(value: 0)
        do {
            _ = HandOff<Int>(name: "test", capacity: 1) { sender in
                var i = 0
                while sender.send(i) { i += 1 }
                ended.withLock { $0 = true }
                finished.signal()
            }
        }
        #expect(finished.wait(timeout: .now() + 10) == .success)
        #expect(ended.withLock { $0 })
    }

    @Test("a future runs on another thread and hands back its value or its error")
    func future() throws {
        let caller = pthread_self()
        let ran = Mutex(false)
        let answer = Future(name: "test") { () -> Int in
            ran.withLock { $0 = pthread_equal(pthread_self(), caller) == 0 }
            return 42
        }
        #expect(try answer.value() == 42)
        #expect(ran.withLock { $0 })
        let failing = Future<Int>(name: "test") { throw Boom() }
        #expect(throws: Boom.self) { try failing.value() }
    }
}
