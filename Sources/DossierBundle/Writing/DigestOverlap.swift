import Dispatch

/// Hashes a chunk on a second core while the caller works on this one (`dossier verify` decompresses the
/// next chunk meanwhile).
///
/// The one hand-off between threads that does not go through `HandOff`: here the caller lends a borrowed
/// chunk and a closure that mutates its own digests to a long-lived queue, and waits; a `Future` per chunk
/// (a thread each) made `verify` 2.2× slower on a medium bundle on a loaded machine.
///
/// Both sides only read the chunk; `run` returns after both finished, so the caller may then reuse the
/// buffer. Chunks under 4 KiB are hashed in line: handing them to another thread costs more than it saves.
final class DigestOverlap: @unchecked Sendable {
    // @unchecked: `queue` and `finished` are thread-safe; a job is handed over through `Job` and waited for.
    static let minimumBytes = 4 << 10

    private let queue = DispatchQueue(label: "dossier.bundle.digest")
    private let finished = DispatchSemaphore(value: 0)

    func run(
        _ chunk: UnsafeRawBufferPointer, background: (UnsafeRawBufferPointer) -> Void,
        foreground: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        guard chunk.count >= Self.minimumBytes else {
            background(chunk)
            try foreground(chunk)
            return
        }
        try withoutActuallyEscaping(background) { background in
            let job = Job { background(chunk) }
            queue.async { [finished] in
                job.run()
                finished.signal()
            }
            defer { finished.wait() }
            try foreground(chunk)
        }
    }

    private final class Job: @unchecked Sendable {
        // @unchecked: runs on one other thread while its creator waits for it to finish.
        private var work: (() -> Void)?
        init(_ work: @escaping () -> Void) { self.work = work }

        /// Runs the work and lets go of it before the waiter is signalled: the closure must not outlive
        /// `withoutActuallyEscaping`, even while the dispatch block that ran it is being torn down.
        func run() {
            work?()
            work = nil
        }
    }
}
