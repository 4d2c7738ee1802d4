import DossierCore
import DossierGit
import Foundation

/// Reads the bundle's workspace files on a second thread, ahead of the archive writer: each chunk is read,
/// hashed (SHA-256 and SHA-512) and scanned for secrets there, and handed to the writer in order, which only
/// compresses and archives it.
///
/// This replaced hashing each chunk on the other core while the writer compressed that same chunk: both sides
/// met at every chunk, so a file that compresses slowly kept the hasher idle and a stored (already compressed)
/// file kept the writer idle. With `depth` chunks in flight each side runs at its own pace; the writer waits
/// only when the reader is behind, the reader only when `depth - 1` chunks wait beside the one being archived.
///
/// The files are read in the order given, which must be the order the writer asks for them. A chunk's buffer
/// belongs to the writer from `next` until its next call, so the bytes archived are the bytes hashed.
final class SourceReadAhead: @unchecked Sendable {
    // @unchecked: the slots and counters are guarded by `condition`; a slot's buffer is written by the reader
    // only while it is free, and read by the writer only between being handed over and being released.

    /// What the writer gets for a file: its chunks, then its end.
    enum Piece {
        case chunk(UnsafeRawBufferPointer)
        /// The file was read whole with exactly its planned size.
        case end(Digests, findings: Set<SecretScanner.Finding>)
    }

    private enum Slot {
        case chunk(Int)
        case end(Digests, Set<SecretScanner.Finding>)
        case failed(String)
    }

    private let condition = NSCondition()
    private let files: WorkspaceFiles
    private let sources: [PlannedSource]
    private let chunkSize: Int
    private let buffers: [UnsafeMutableRawBufferPointer]
    private var slots: [Slot?]
    /// Slots filled by the reader and slots handed to the writer; number `n` lives in slot `n % depth`. The
    /// writer holds number `taken - 1` until it asks again, so the reader may fill number `produced` only
    /// while `produced - taken < depth - 1`.
    private var produced = 0
    private var taken = 0
    private var stopped = false
    /// The file the writer reads now (index into `sources`).
    private var current = 0

    /// 8 chunks of 256 KiB: as fast on the benchmark as 1 MiB chunks, and 5 MiB less at the peak on large.
    init(files: WorkspaceFiles, sources: [PlannedSource], depth: Int = 8, chunkSize: Int = 256 << 10) {
        self.files = files
        self.sources = sources
        self.chunkSize = chunkSize
        buffers = (0..<depth).map { _ in .allocate(byteCount: chunkSize, alignment: 16) }
        slots = Array(repeating: nil, count: depth)
        guard !sources.isEmpty else { return }
        let thread = Thread { [self] in readAll() }
        thread.name = "dossier-read"
        thread.start()
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
    }

    /// The next piece of `source`, which must be the file after the last one ended. Throws the reader's
    /// error (a file changed, vanished or became a link since the plan) as a `BundleError`.
    func next(of source: PlannedSource) throws -> Piece {
        condition.lock()
        defer { condition.unlock() }
        precondition(current < sources.count && sources[current].path == source.path, "files asked out of order")
        while produced == taken && !stopped { condition.wait() }
        guard produced > taken else { throw BundleError.failed("reading \(source.displayPath) was stopped") }
        let number = taken
        taken += 1
        condition.broadcast()
        switch slots[number % buffers.count]! {
        case .chunk(let count):
            return .chunk(UnsafeRawBufferPointer(rebasing: buffers[number % buffers.count][..<count]))
        case .end(let digests, let findings):
            current += 1
            return .end(digests, findings: findings)
        case .failed(let message):
            stopped = true  // the reader ended itself; nothing more will come
            throw BundleError.failed(message)
        }
    }

    /// Ends the reader after the chunk in hand (the writer finished or failed); idempotent.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    // MARK: - The reader's thread

    /// Waits for a free slot; nil once stopped.
    private func freeSlot() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped && produced - taken >= buffers.count - 1 { condition.wait() }
        return stopped ? nil : produced % buffers.count
    }

    private func publish(_ slot: Slot) {
        condition.lock()
        slots[produced % buffers.count] = slot
        produced += 1
        condition.broadcast()
        condition.unlock()
    }

    private func readAll() {
        for source in sources {
            guard read(source) else { return }
        }
    }

    /// Reads one file into slots; false when the reader is to end (stopped, or the file failed).
    private func read(_ source: PlannedSource) -> Bool {
        let display = source.displayPath
        func fail(_ message: String) -> Bool {
            if freeSlot() != nil { publish(.failed(message)) }
            return false
        }
        let file: SafeFile
        do {
            file = try files.open(source.path)
        } catch {
            return fail("\(display) \(error)")
        }
        guard file.size == source.size else {
            return fail(
                "\(display) changed while the bundle was being written (\(source.size) bytes when scanned, \(file.size) now); run the bundle again"
            )
        }
        var pair = DigestPair()
        var scanner =
            Precompressed.contains(source.path) ? nil : SecretScanner(isCSV: display.lowercased().hasSuffix(".csv"))
        var remaining = source.size
        while true {
            guard let slot = freeSlot() else { return false }
            // One byte more than expected at the end, to notice a file that grew.
            let want = Int(min(Int64(chunkSize), remaining + 1))
            let n: Int
            do {
                n = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffers[slot][..<want]))
            } catch {
                return fail("\(display) \(error)")
            }
            if n == 0 { break }
            guard Int64(n) <= remaining else {
                return fail("\(display) grew while the bundle was being written; run the bundle again")
            }
            let bytes = UnsafeRawBufferPointer(rebasing: buffers[slot][..<n])
            pair.update(bytes)
            scanner?.scan(bytes)
            remaining -= Int64(n)
            publish(.chunk(n))
        }
        guard remaining == 0 else {
            return fail("\(display) shrank while the bundle was being written; run the bundle again")
        }
        guard freeSlot() != nil else { return false }
        publish(.end(pair.finalize(), scanner?.findings ?? []))
        return true
    }
}
