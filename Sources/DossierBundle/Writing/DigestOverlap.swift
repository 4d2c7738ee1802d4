import DossierConcurrency

/// Hashes a chunk on a second core while the caller works on this one (`dossier verify` decompresses the
/// next chunk meanwhile), through a `Future` per chunk.
///
/// The hashing only reads the chunk, and `update` returns only after it finished, even when `foreground`
/// throws, so the caller may then reuse the buffer. Chunks under 4 KiB are hashed in line: handing them to
/// another thread costs more than it saves (a thread per 1 MiB chunk costs well under 1% of hashing it).
enum DigestOverlap {
    static let minimumBytes = 4 << 10

    /// Bytes the caller lends to the hashing thread and does not touch until `update` returns.
    private struct LentBytes: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer
    }

    static func update(
        _ pair: inout DigestPair, with chunk: UnsafeRawBufferPointer, while foreground: () throws -> Void
    ) throws {
        guard chunk.count >= minimumBytes else {
            pair.update(chunk)
            try foreground()
            return
        }
        let lent = LentBytes(bytes: chunk)
        let before = pair
        let hashed = Future(name: "dossier-hash") { () -> DigestPair in
            var pair = before
            pair.update(lent.bytes)
            return pair
        }
        let failure: (any Error)?
        do {
            try foreground()
            failure = nil
        } catch {
            failure = error
        }
        // Waiting for the hashing here is what makes lending the chunk safe; it cannot throw.
        guard let after = try? hashed.value() else { preconditionFailure("the hashing thread gave no digests") }
        pair = after
        if let failure { throw failure }
    }
}
