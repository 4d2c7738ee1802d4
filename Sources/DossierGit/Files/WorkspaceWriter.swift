import Glibc
import Synchronization

/// Writes new files into a workspace (collected evidence, `evidence/collected.yaml`) the careful way: every
/// folder of the path is opened with `O_NOFOLLOW | O_DIRECTORY` (a link anywhere in it is refused), the bytes go
/// to a temporary file beside the target that is renamed or linked into place only when complete, and a
/// failure removes the temporary file and any folder this call created. Reached through ``WorkspaceFiles``.
enum WorkspaceWriter {
    enum Mode {
        /// The target must not exist: `linkat` refuses to replace anything, even a file that appears meanwhile.
        case create
        /// The target may exist as a regular file and is replaced in one `renameat`.
        case replace
    }

    static func write(root: String, relative: String, bytes: [UInt8], mode: Mode) throws(WorkspaceWriteError) {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let name = parts.last, !name.isEmpty, !parts.contains(".."), !parts.contains("."),
            !parts.dropLast().contains(""), !relative.hasPrefix("/")
        else { throw .invalidPath }
        var created: [(parent: Int32, name: String)] = []
        var folders: [Int32] = []
        let rootFD = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootFD >= 0 else { throw .io(errno) }
        folders.append(rootFD)
        var succeeded = false
        defer {
            if !succeeded {
                // Innermost first; a folder someone else filled meanwhile stays (rmdir fails on it).
                for entry in created.reversed() { unlinkat(entry.parent, entry.name, AT_REMOVEDIR) }
            }
            for fd in folders.reversed() { close(fd) }
        }
        for part in parts.dropLast() {
            let parent = folders.last!
            var fd = openat(parent, part, O_RDONLY | O_NOFOLLOW | O_DIRECTORY | O_CLOEXEC)
            if fd < 0 && errno == ENOENT {
                guard mkdirat(parent, part, 0o755) == 0 || errno == EEXIST else { throw .io(errno) }
                created.append((parent, part))
                fd = openat(parent, part, O_RDONLY | O_NOFOLLOW | O_DIRECTORY | O_CLOEXEC)
            }
            guard fd >= 0 else {
                throw errno == ELOOP || errno == ENOTDIR ? .symlink(part) : .io(errno)
            }
            folders.append(fd)
        }
        let parent = folders.last!
        var info = stat()
        if fstatat(parent, name, &info, AT_SYMLINK_NOFOLLOW) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFLNK: throw .symlink(name)
            case S_IFREG: if mode == .create { throw .exists }
            default: throw .notRegular
            }
        }
        if mode == .create, try createUnnamed(parent: parent, name: name, bytes: bytes) {
            succeeded = true
            return
        }
        let temporary = ".\(name.prefix(64)).\(getpid()).\(Self.nextSerial()).dossier-tmp"
        let fd = openat(parent, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(errno) }
        defer { unlinkat(parent, temporary, 0) }  // after linkat, or after a failure; a no-op after renameat
        let failed = FileDescriptorIO.writeAll(fd, bytes) ?? (fsync(fd) == 0 ? nil : errno)
        guard close(fd) == 0, failed == nil else { throw .io(failed ?? errno) }
        switch mode {
        case .create:
            guard linkat(parent, temporary, parent, name, 0) == 0 else {
                throw errno == EEXIST ? .exists : .io(errno)
            }
        case .replace:
            guard renameat(parent, temporary, parent, name) == 0 else { throw .io(errno) }
        }
        fsync(parent)
        succeeded = true
    }

    /// Linux's `O_TMPFILE`: the bytes go to a file with no name, which vanishes if this process is killed
    /// before `linkat` gives it its name; so not even a killed `dossier` leaves a temporary file behind.
    /// Returns false when the kernel, the file system or a missing /proc cannot do it (the caller then uses a
    /// named temporary file).
    private static func createUnnamed(parent: Int32, name: String, bytes: [UInt8]) throws(WorkspaceWriteError)
        -> Bool
    {
        let fd = openat(parent, ".", Self.unnamedFlags | O_WRONLY | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if let failed = FileDescriptorIO.writeAll(fd, bytes) ?? (fsync(fd) == 0 ? nil : errno) { throw .io(failed) }
        guard linkat(AT_FDCWD, "/proc/self/fd/\(fd)", parent, name, AT_SYMLINK_FOLLOW) == 0 else {
            switch errno {
            case EEXIST: throw .exists
            case ENOENT: return false  // no /proc
            default: throw .io(errno)
            }
        }
        fsync(parent)
        return true
    }

    /// `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`; fcntl.h hides it from Swift behind `__USE_GNU`). `__O_TMPFILE`
    /// is 020000000 on every architecture Swift runs Linux on (x86_64, arm64).
    private static let unnamedFlags: Int32 = 0o20000000 | O_DIRECTORY

    /// Removes a regular file written earlier in this run (undoing a run whose provenance could not be saved).
    static func remove(root: String, relative: String) {
        let parts = relative.split(separator: "/").map(String.init)
        guard let name = parts.last else { return }
        var fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        for part in parts.dropLast() where fd >= 0 {
            let next = openat(fd, part, O_RDONLY | O_NOFOLLOW | O_DIRECTORY | O_CLOEXEC)
            close(fd)
            fd = next
        }
        guard fd >= 0 else { return }
        var info = stat()
        if fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG {
            unlinkat(fd, name, 0)
        }
        close(fd)
    }

    private static let serial = Serial()
    private static func nextSerial() -> Int { serial.next() }
}

/// A counter shared by the threads that write at once, so their temporary names never meet.
private final class Serial: Sendable {
    private let value = Atomic<Int>(0)
    func next() -> Int { value.add(1, ordering: .relaxed).newValue }
}
