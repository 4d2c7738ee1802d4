import DossierConcurrency
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
/// belongs to the writer from `next` until its next call, so the bytes archived are the bytes hashed. The
/// thread and the hand-over are a `HandOff`.
final class SourceReadAhead {
    /// What the writer gets for a file: its chunks, then its end.
    enum Piece {
        case chunk(UnsafeRawBufferPointer)
        /// The file was read whole with exactly its planned size.
        case end(Digests, findings: Set<SecretScanner.Finding>)
    }

    /// What the reader's thread sends: a chunk by the buffer it lies in, or a file's end. A file that cannot
    /// be read whole is the reader's error, which the writer gets in its turn.
    private enum Item: Sendable {
        case chunk(buffer: Int, count: Int)
        case end(Digests, Set<SecretScanner.Finding>)
    }

    private let sources: [PlannedSource]
    private let buffers: ChunkBuffers
    private let handOff: HandOff<Item>?
    /// The file the writer reads now (index into `sources`).
    private var current = 0

    /// 8 chunks of 256 KiB: as fast on the benchmark as 1 MiB chunks, and 5 MiB less at the peak on large.
    /// `depth` counts every buffer: `depth - 2` chunks may wait, besides the one being read and the one the
    /// writer holds (at least one waits).
    init(files: WorkspaceFiles, sources: [PlannedSource], depth: Int = 8, chunkSize: Int = 256 << 10) {
        self.sources = sources
        let capacity = max(1, depth - 2)
        let buffers = ChunkBuffers(count: capacity + 2, size: chunkSize)
        self.buffers = buffers
        handOff =
            sources.isEmpty
            ? nil
            : HandOff(name: "dossier-read", capacity: capacity) { sender in
                try Self.readAll(files, sources, buffers, sender)
            }
    }

    /// The next piece of `source`, which must be the file after the last one ended. Throws the reader's
    /// error (a file changed, vanished or became a link since the plan) as a `BundleError`.
    func next(of source: PlannedSource) throws -> Piece {
        precondition(current < sources.count && sources[current].path == source.path, "files asked out of order")
        guard let item = try handOff?.next() else {
            throw BundleError.failed("reading \(source.displayPath) was stopped")
        }
        switch item {
        case .chunk(let buffer, let count):
            return .chunk(UnsafeRawBufferPointer(rebasing: buffers[buffer][..<count]))
        case .end(let digests, let findings):
            current += 1
            return .end(digests, findings: findings)
        }
    }

    /// Ends the reader after the chunk in hand (the writer finished or failed); idempotent.
    func stop() {
        handOff?.stop()
    }

    // MARK: - The reader's thread

    /// Reads every file in order into the buffers: the item numbered `n` (counting every item sent) lies in
    /// buffer `n % buffers.count`. It is filled only after item `n - 1` was sent, when the hand-off's bound
    /// guarantees the writer took every item before `n - capacity`, so it holds none within a ring's length.
    private static func readAll(
        _ files: WorkspaceFiles, _ sources: [PlannedSource], _ buffers: ChunkBuffers, _ sender: HandOff<Item>.Sender
    ) throws {
        var number = 0
        for source in sources {
            let display = source.displayPath
            let file: SafeFile
            do {
                file = try files.open(source.path)
            } catch {
                throw BundleError.failed("\(display) \(error)")
            }
            guard file.size == source.size else {
                throw BundleError.failed(
                    "\(display) changed while the bundle was being written (\(source.size) bytes when scanned, \(file.size) now); run the bundle again"
                )
            }
            var pair = DigestPair()
            var scanner =
                Precompressed.contains(source.path)
                ? nil : SecretScanner(isCSV: display.lowercased().hasSuffix(".csv"))
            var remaining = source.size
            while true {
                let buffer = number % buffers.count
                // One byte more than expected at the end, to notice a file that grew.
                let want = Int(min(Int64(buffers.size), remaining + 1))
                let n: Int
                do {
                    n = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffers[buffer][..<want]))
                } catch {
                    throw BundleError.failed("\(display) \(error)")
                }
                if n == 0 { break }
                guard Int64(n) <= remaining else {
                    throw BundleError.failed("\(display) grew while the bundle was being written; run the bundle again")
                }
                let bytes = UnsafeRawBufferPointer(rebasing: buffers[buffer][..<n])
                pair.update(bytes)
                scanner?.scan(bytes)
                remaining -= Int64(n)
                guard sender.send(.chunk(buffer: buffer, count: n)) else { return }
                number += 1
            }
            guard remaining == 0 else {
                throw BundleError.failed("\(display) shrank while the bundle was being written; run the bundle again")
            }
            guard sender.send(.end(pair.finalize(), scanner?.findings ?? [])) else { return }
            number += 1
        }
    }
}

/// The reader's chunk buffers, shared by the reader's thread and the writer. Which side may touch which buffer
/// follows from the `HandOff` bound (see `SourceReadAhead.readAll`), not from a lock.
private final class ChunkBuffers: @unchecked Sendable {
    let size: Int
    private let buffers: [UnsafeMutableRawBufferPointer]

    init(count: Int, size: Int) {
        self.size = size
        buffers = (0..<count).map { _ in .allocate(byteCount: size, alignment: 16) }
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
    }

    var count: Int { buffers.count }

    subscript(index: Int) -> UnsafeMutableRawBufferPointer { buffers[index] }
}
