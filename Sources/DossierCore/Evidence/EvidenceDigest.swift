import Crypto
import DossierConcurrency
import DossierGit
import Foundation

/// SHA-256 of evidence files, read without following links and in bounded chunks.
///
/// The site shows a short digest per file and the bundle writes full ones into its manifest; both take
/// digests from here, and a caller that already hashed a file (while archiving it) passes that hash on
/// instead of reading the file twice.
public enum EvidenceDigest {
    /// Bytes read per `read(2)`: large enough to be fast, small enough that memory stays flat.
    public static let chunkSize = 1 << 20

    /// Lowercase hex SHA-256 of the workspace file `path` (relative bytes).
    public static func sha256(_ files: WorkspaceFiles, path: [UInt8]) throws(SafeFileError) -> String {
        let file = try files.open(path)
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
    /// (symlinks, FIFOs and deleted files have no bytes to vouch for). Files git reports unchanged are looked
    /// up in the work tree's `DigestCache` first (`useCache`), and the ones read are hashed on every core.
    public static func digests(of inventory: EvidenceInventory, files: WorkspaceFiles, useCache: Bool = true)
        -> [[UInt8]:
        String]
    {
        let gitDirectory = useCache ? inventory.git.gitDirectory : nil
        var cache = gitDirectory.map { DigestCache.load(gitDirectory: $0) } ?? DigestCache()
        var result: [[UInt8]: String] = [:]
        var used = Set<DigestCache.Key>()
        var toRead: [EvidenceFile] = []
        for file in inventory.files {
            if let blob = cacheableBlob(file) {
                used.insert(DigestCache.Key(blob: blob, size: file.size))
                if let digest = cache[blob, file.size] {
                    result[file.path] = digest
                    continue
                }
            }
            toRead.append(file)
        }
        for (file, digest) in zip(toRead, hashAll(toRead, files: files)) {
            guard let digest else { continue }
            result[file.path] = digest
            if let blob = cacheableBlob(file) { cache.learn(blob: blob, size: file.size, sha256: digest) }
        }
        if let gitDirectory, cache.hasNewEntries { cache.save(gitDirectory: gitDirectory, used: used) }
        return result
    }

    /// The SHA-256 the work tree's `DigestCache` remembers for each of `files` that git reports committed and
    /// unchanged. A prediction only: a bundle renders its site with these while it reads the files, and renders
    /// again if any file's bytes say otherwise.
    public static func remembered(_ files: [EvidenceFile], gitDirectory: String?) -> [[UInt8]: String] {
        guard let gitDirectory else { return [:] }
        let cache = DigestCache.load(gitDirectory: gitDirectory)
        var result: [[UInt8]: String] = [:]
        for file in files {
            if let blob = cacheableBlob(file), let digest = cache[blob, file.size] { result[file.path] = digest }
        }
        return result
    }

    /// Puts digests of bytes just read (a bundle reads every file it ships) into the work tree's `DigestCache`,
    /// for the files git reports committed and unchanged, replacing an entry that disagrees; saved only when
    /// that changed something.
    public static func remember(_ digests: [[UInt8]: String], of files: [EvidenceFile], gitDirectory: String?) {
        guard let gitDirectory else { return }
        var cache = DigestCache.load(gitDirectory: gitDirectory)
        var used = Set<DigestCache.Key>()
        var changed = false
        for file in files {
            guard let blob = cacheableBlob(file), let digest = digests[file.path] else { continue }
            used.insert(DigestCache.Key(blob: blob, size: file.size))
            if cache[blob, file.size] != digest {
                cache.learn(blob: blob, size: file.size, sha256: digest)
                changed = true
            }
        }
        if changed { cache.save(gitDirectory: gitDirectory, used: used) }
    }

    /// The blob id under which a file's digest may be remembered: only a committed file whose working copy
    /// git reports unchanged (no problem of any kind).
    static func cacheableBlob(_ file: EvidenceFile) -> String? {
        file.problems.isEmpty && file.commit != nil ? file.blob : nil
    }

    /// SHA-256 of each file (nil where it cannot be read), split over the cores: the caller's thread takes
    /// every `workers`-th file, one `Future` per other core takes the others (interleaved, so large and small
    /// files spread evenly).
    static func hashAll(_ evidence: [EvidenceFile], files: WorkspaceFiles) -> [String?] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4, evidence.count / 16))
        let paths = evidence.map(\.path)
        @Sendable func share(_ worker: Int) -> [String?] {
            stride(from: worker, to: paths.count, by: workers).map { try? sha256(files, path: paths[$0]) }
        }
        let others = (1..<workers).map { worker in Future(name: "dossier-hash") { share(worker) } }
        var results = [String?](repeating: nil, count: paths.count)
        // `share` does not throw, so neither do the futures.
        let shares = [share(0)] + others.map { (try? $0.value()) ?? [] }
        for (worker, digests) in shares.enumerated() {
            for (k, digest) in digests.enumerated() { results[worker + k * workers] = digest }
        }
        return results
    }
}
