/// What libarchive's write callback reaches through its `void *` client data.
///
/// Kept apart from ``ArchiveWriter`` so that the callback never touches the writer itself (which
/// may be mid-`deinit` when `archive_write_free` runs). The writer holds it strongly and frees
/// the archive before releasing it, so the unretained pointer given to libarchive stays valid.
final class SinkContext {
    private let sink: (UnsafeRawBufferPointer) throws -> Void
    /// The error the sink threw. Sticky: once the sink failed, it is not called again.
    private(set) var sinkError: (any Error)?
    /// When set, bytes are dropped instead of reaching the sink (abandoned archives).
    var discard = false
    private(set) var bytesWritten: Int64 = 0

    init(sink: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.sink = sink
    }

    /// The write callback's body: returns `length` on success, -1 (libarchive's failure) otherwise.
    func write(_ bytes: UnsafeRawBufferPointer) -> Int {
        if discard { return bytes.count }
        guard sinkError == nil else { return -1 }
        do {
            try sink(bytes)
            bytesWritten += Int64(bytes.count)
            return bytes.count
        } catch {
            sinkError = error
            return -1
        }
    }
}
