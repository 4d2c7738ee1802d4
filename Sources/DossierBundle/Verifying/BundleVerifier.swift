import Crypto
import Dispatch
import DossierArchive
import DossierCore
import DossierGit
import Foundation

/// Checks a bundle without extracting it: streams every entry, recomputes SHA-256 and SHA-512, and checks
/// the bag (see `BagCheck`). Entries that are not regular files or directories, absolute names, `..`
/// segments, duplicates (also after NFC and case folding), over-large and over-compressed entries are
/// refused. The archive's own SHA-256 is computed on a second core while the entries stream.
public struct BundleVerifier: Sendable {
    public var limits: VerifyLimits

    public init(limits: VerifyLimits = VerifyLimits()) { self.limits = limits }

    public func verify(path: String) throws(VerifyError) -> VerificationReport {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw VerifyError(message: "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw VerifyError(message: "\(path) is not a regular file") }
        let archiveSize = Int64(info.st_size)
        let fileDigest = FileDigest(path: path)
        fileDigest.start()

        let reader: ArchiveReader
        do {
            reader = try ArchiveReader(path: path)
        } catch let error as ArchiveError {
            fileDigest.wait()
            throw .unreadable(path, error)
        } catch {
            fileDigest.wait()
            throw VerifyError(message: "cannot read \(path): \(error)")
        }
        var scan = EntryScan(limits: limits, archiveSize: archiveSize)
        do {
            try scan.run(reader)
        } catch let failure as VerifyError {
            fileDigest.wait()
            throw failure
        } catch {
            fileDigest.wait()
            throw VerifyError(message: "cannot read \(path): \(error)")
        }
        try? reader.close()
        fileDigest.wait()
        guard let sha256 = fileDigest.sha256 else {
            throw VerifyError(message: "cannot read \(path): \(fileDigest.error ?? "unknown error")")
        }

        var check = BagCheck(scan: scan)
        let problems = scan.stopped ? scan.problems : scan.problems + check.run()
        return VerificationReport(
            bundle: (path as NSString).lastPathComponent, path: path, sha256: sha256, size: archiveSize,
            intact: problems.isEmpty, name: scan.root.map { String(decoding: $0, as: UTF8.self) },
            organization: check.bagInfo["Source-Organization"], commit: check.bagInfo[BundleMetadata.commit],
            asOf: check.bagInfo[BundleMetadata.asOf], files: scan.payload.count,
            bytes: scan.payload.values.reduce(0) { $0 + $1.size }, problems: problems,
            workingTree: check.bagInfo[BundleMetadata.workingTree],
            dirtyFiles: check.bagInfo.fields.filter { $0.label == BundleMetadata.dirtyFile }.map(\.value),
            secretsAcknowledged: check.bagInfo.fields.filter { $0.label == BundleMetadata.secretAcknowledged }.map(
                \.value),
            secretsAllowed: check.bagInfo.fields.filter { $0.label == BundleMetadata.secretAllowed }.map(\.value),
            signingKey: check.bagInfo[BundleMetadata.signingKey])
    }
}

/// SHA-256 of a whole file, read on another thread.
private final class FileDigest: @unchecked Sendable {
    // @unchecked: written by the worker before `group.leave()`, read only after `group.wait()`.
    let path: String
    private let group = DispatchGroup()
    var sha256: String?
    var error: String?

    init(path: String) { self.path = path }

    func start() {
        DispatchQueue.global().async(group: group) { [self] in
            do {
                sha256 = try Self.digest(path)
            } catch {
                self.error = "\(error)"
            }
        }
    }

    func wait() { group.wait() }

    private static func digest(_ path: String) throws -> String {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var hasher = SHA256()
        while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty {
            hasher.update(data: data)
        }
        return Hex.string(hasher.finalize())
    }
}
