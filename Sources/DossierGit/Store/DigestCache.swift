import Foundation

/// SHA-256 digests of committed evidence, remembered by git blob id and size in
/// `<git folder>/dossier/sha256-cache`, so that a second `dossier build` does not read every file again.
///
/// A blob id names the exact bytes git stores, so an entry never goes stale; the size is part of the key
/// because checkout filters (line-ending conversion, LFS) can make the working copy differ from the blob.
/// Only files whose working copy git reports as unchanged are looked up. The cache only feeds the site's
/// inventory: a bundle always hashes the bytes it archives. A missing, unreadable, oversized or malformed
/// cache is ignored (and replaced on the next save); a read-only git folder just means no cache.
public struct DigestCache: Sendable {
    package struct Key: Hashable, Sendable {
        package var blob: String
        package var size: Int64

        package init(blob: String, size: Int64) {
            self.blob = blob
            self.size = size
        }
    }

    package static let fileName = "sha256-cache"
    static let header = "dossier sha256-cache 1\n"
    static let maxBytes = 32 << 20
    /// Above this many entries a save keeps only the ones used by the current build.
    static let maxEntries = 250_000

    private(set) var entries: [Key: String] = [:]
    private var learned = 0

    package init() {}

    package subscript(blob: String, size: Int64) -> String? { entries[Key(blob: blob, size: size)] }

    package mutating func learn(blob: String, size: Int64, sha256: String) {
        let key = Key(blob: blob, size: size)
        if entries[key] == nil { learned += 1 }
        entries[key] = sha256
    }

    package var hasNewEntries: Bool { learned > 0 }

    /// The cache of the git folder `gitDirectory`, empty when there is none or it cannot be trusted to parse.
    package static func load(gitDirectory: String) -> DigestCache {
        guard let bytes = GitFolderFile.read(gitDirectory: gitDirectory, name: fileName, maxBytes: maxBytes) else {
            return DigestCache()
        }
        return parse(bytes) ?? DigestCache()
    }

    /// nil unless every line is `<blob id> <size> <sha256>` with lowercase hex ids.
    package static func parse(_ bytes: [UInt8]) -> DigestCache? {
        let head = Array(header.utf8)
        guard bytes.starts(with: head), bytes.last == 10 || bytes.count == head.count else { return nil }
        var cache = DigestCache()
        for line in bytes[head.count...].split(separator: 10) {
            let fields = line.split(separator: 32, omittingEmptySubsequences: false)
            guard fields.count == 3, fields[0].count == 40 || fields[0].count == 64, fields[2].count == 64,
                fields[0].allSatisfy(isHex), fields[2].allSatisfy(isHex),
                (1...19).contains(fields[1].count), fields[1].allSatisfy({ (48...57).contains($0) }),
                let size = Int64(String(decoding: fields[1], as: UTF8.self))
            else { return nil }
            cache.entries[Key(blob: String(decoding: fields[0], as: UTF8.self), size: size)] =
                String(decoding: fields[2], as: UTF8.self)
        }
        return cache
    }

    private static func isHex(_ byte: UInt8) -> Bool { (48...57).contains(byte) || (97...102).contains(byte) }

    /// The file's bytes: sorted lines, so the same entries always give the same file.
    package func serialized(keeping used: Set<Key>? = nil) -> [UInt8] {
        var keys = Array(entries.keys)
        if let used, keys.count > Self.maxEntries { keys = keys.filter { used.contains($0) } }
        keys.sort { ($0.blob, $0.size) < ($1.blob, $1.size) }
        var out = Array(Self.header.utf8)
        out.reserveCapacity(out.count + keys.count * 120)
        for key in keys {
            out += key.blob.utf8
            out.append(32)
            out += String(key.size).utf8
            out.append(32)
            out += entries[key]!.utf8
            out.append(10)
        }
        return out
    }

    /// Writes the cache (to a new file renamed over the old one, never through a link); failures are ignored:
    /// the cache only saves time.
    package func save(gitDirectory: String, used: Set<Key>) {
        GitFolderFile.write(gitDirectory: gitDirectory, name: Self.fileName, bytes: serialized(keeping: used))
    }
}
