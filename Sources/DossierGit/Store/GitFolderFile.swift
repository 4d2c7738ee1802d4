import Glibc

/// A file Dossier keeps for itself in `<git folder>/dossier/` (the digest cache, the site stamp): read with a
/// size limit and never through a link, written to a new file that is renamed over the old one. Failures
/// are quiet, because these files only save time: a missing or broken one means doing the work again.
public enum GitFolderFile {
    package static let folder = "dossier"

    /// The file's bytes, or nil when it is missing, a link, unreadable or larger than `maxBytes`.
    public static func read(gitDirectory: String, name: String, maxBytes: Int) -> [UInt8]? {
        guard let file = try? SafeFile(root: gitDirectory, path: Array("\(folder)/\(name)".utf8)),
            file.size <= Int64(maxBytes)
        else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(file.size))
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { raw in
                try? file.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
            }
            guard let n, n > 0 else { return nil }
            filled += n
        }
        return bytes
    }

    /// Replaces the file with `bytes`; returns whether it was written.
    @discardableResult
    public static func write(gitDirectory: String, name: String, bytes: [UInt8]) -> Bool {
        let dir = gitDirectory + "/" + folder
        if mkdir(dir, 0o755) != 0 && errno != EEXIST { return false }
        var info = stat()
        guard lstat(dir, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
        let temporary = dir + "/.\(name).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        let complete = FileDescriptorIO.writeAll(fd, bytes) == nil
        guard close(fd) == 0, complete, rename(temporary, dir + "/" + name) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Deletes the file if it is there (a link is removed, never followed).
    public static func remove(gitDirectory: String, name: String) {
        unlink(gitDirectory + "/" + folder + "/" + name)
    }
}
