import Crypto

/// SHA-256 of evidence files, read without following links and in bounded chunks.
///
/// The site shows a short digest per file and the bundle writes full ones into its manifest; both take
/// digests from here, and a caller that already hashed a file (while archiving it) passes that hash on
/// instead of reading the file twice.
public enum EvidenceDigest {
    /// Bytes read per `read(2)`: large enough to be fast, small enough that memory stays flat.
    public static let chunkSize = 1 << 20

    /// Lowercase hex SHA-256 of the workspace file `path` (relative bytes) under `root`.
    public static func sha256(root: String, path: [UInt8]) throws(SafeFile.Failure) -> String {
        let file = try SafeFile(root: root, path: path)
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let count = try file.read(into: buffer)
            if count == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
        return Hex.string(hasher.finalize())
    }

    /// Lowercase hex SHA-256 of bytes already in memory.
    public static func sha256(_ bytes: [UInt8]) -> String {
        Hex.string(SHA256.hash(data: bytes))
    }

    /// Digests of every file in the inventory that can be opened as a regular file; the rest are left out
    /// (symlinks, FIFOs and deleted files have no bytes to vouch for).
    public static func digests(of inventory: EvidenceInventory, root: String) -> [[UInt8]: String] {
        var result: [[UInt8]: String] = [:]
        for file in inventory.files {
            if let digest = try? sha256(root: root, path: file.path) { result[file.path] = digest }
        }
        return result
    }
}
