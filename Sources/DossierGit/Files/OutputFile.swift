import Glibc

/// A file Dossier writes for the user (`requests.yaml`, an exported CSV, an OSCAL document): written to a new
/// temporary file beside the target and renamed over it, so a reader never sees half a file and a failed
/// write leaves the old one. The temporary file is created with `O_EXCL | O_NOFOLLOW`: a planted link is
/// never written through.
public enum OutputFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputFileError) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputFileError(path: path, code: errno) }
        if let error = FileDescriptorIO.writeAll(fd, bytes) {
            close(fd)
            unlink(temporary)
            throw OutputFileError(path: path, code: error)
        }
        guard close(fd) == 0 else {
            let error = errno
            unlink(temporary)
            throw OutputFileError(path: path, code: error)
        }
        guard rename(temporary, path) == 0 else {
            let error = errno
            unlink(temporary)
            throw OutputFileError(path: path, code: error)
        }
    }

    /// Creates a folder (and its parents) if it is missing; a link where a folder should be is refused.
    public static func makeFolder(_ path: String) throws(OutputFileError) {
        var built = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            built += "/" + part
            if mkdir(built, 0o755) != 0 && errno != EEXIST { throw OutputFileError(path: path, code: errno) }
            var info = stat()
            guard lstat(built, &info) == 0 else { throw OutputFileError(path: path, code: errno) }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw OutputFileError(path: built, code: info.st_mode & S_IFMT == S_IFLNK ? ELOOP : ENOTDIR)
            }
        }
    }
}
