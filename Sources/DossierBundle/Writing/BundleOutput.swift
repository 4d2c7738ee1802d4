import Crypto
import DossierCore
import DossierGit
import Glibc

/// The archive file being written: a hidden temporary file in the output folder, hashed as its bytes go
/// out (so the archive's own SHA-256 costs no second read) and renamed into place only once complete.
/// Dropped without ``commit()``, it removes the temporary file.
final class BundleOutput {
    let finalPath: String
    let temporaryPath: String
    private var descriptor: Int32
    private var hasher = SHA256()
    private(set) var size: Int64 = 0

    init(directory: String, fileName: String) throws(BundleError) {
        finalPath = directory + "/" + fileName
        var template = Array("\(directory)/.\(fileName).partial-XXXXXX".utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw .failed("cannot create a file in \(directory): \(String(cString: strerror(errno)))")
        }
        // Not inherited by any program started while the bundle is written.
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // mkostemp creates the file 0600; a bundle is for sharing, so give it the usual 0644 less the umask.
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, 0o644 & ~mask)
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporaryPath)
        }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(BundleError) {
        hasher.update(bufferPointer: bytes)
        if let error = FileDescriptorIO.writeAll(descriptor, bytes) {
            throw .failed("cannot write \(temporaryPath): \(String(cString: strerror(error)))")
        }
        size += Int64(bytes.count)
    }

    /// Flushes the file to disk, moves it to its final name and returns its SHA-256 (lowercase hex).
    func commit() throws(BundleError) -> String {
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            throw .failed("cannot write \(temporaryPath): \(String(cString: strerror(errno)))")
        }
        descriptor = -1
        guard rename(temporaryPath, finalPath) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw .failed("cannot move the bundle to \(finalPath): \(message)")
        }
        return Hex.string(hasher.finalize())
    }
}
