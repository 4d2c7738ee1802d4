import Glibc

/// A private scratch file for bytes that exist before their place in the archive comes up.
///
/// - Generated files whose size the bag declares up front (reports, site pages) are produced once, into
///   here, and copied into the archive later, instead of being generated once to count and again to write.
/// - The site and `provenance.csv` need every evidence digest, and entries go into the archive in byte order:
///   evidence that sorts after `data/provenance.csv` (a workspace folder such as `reports/` or `vendors/`)
///   is read once from the workspace, hashed and copied here, then copied from here into the archive.
///
/// The file is unlinked as soon as it is created, so nothing else can open or change it, and it vanishes when
/// the process ends. One owner at a time: a scratch file filled on another thread is handed over whole through
/// a `Future` (the site's spool), and that thread never touches it again; hence `@unchecked Sendable`.
final class ScratchFile: @unchecked Sendable {
    private let descriptor: Int32
    private(set) var size: Int64 = 0

    init(directory: String) throws(BundleError) {
        var template = Array("\(directory)/.dossier-spool-XXXXXX".utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw .failed("cannot create a scratch file in \(directory): \(String(cString: strerror(errno)))")
        }
        // Not inherited by any program started while the bundle is written.
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    }

    deinit { close(descriptor) }

    func append(_ bytes: UnsafeRawBufferPointer) throws(BundleError) {
        var offset = 0
        while offset < bytes.count {
            let n = pwrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset, off_t(size) + off_t(offset))
            if n < 0 {
                if errno == EINTR { continue }
                throw .failed("cannot write the scratch file: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
        size += Int64(bytes.count)
    }

    /// Appends what `produce` hands to its sink, hashing it on the way; the span and digests of the bytes.
    func spool(_ produce: (_ sink: ([UInt8]) throws -> Void) throws -> Void) throws -> Spooled {
        let offset = size
        var digests = DigestPair()
        try produce { piece in
            digests.update(piece)
            try piece.withUnsafeBytes { try append($0) }
        }
        return Spooled(offset: offset, size: size - offset, digests: digests.finalize())
    }

    /// Reads up to `buffer.count` bytes from `offset`.
    func read(at offset: Int64, into buffer: UnsafeMutableRawBufferPointer) throws(BundleError) -> Int {
        while true {
            let n = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
            if n >= 0 { return n }
            if errno != EINTR { throw .failed("cannot read the scratch file: \(String(cString: strerror(errno)))") }
        }
    }
}

/// Bytes in a `ScratchFile`, with their digests.
struct Spooled {
    var offset: Int64
    var size: Int64
    var digests: Digests
}
