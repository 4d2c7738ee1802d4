import Glibc

/// Opens workspace files without ever following a symlink (in any path component) or blocking on a FIFO.
///
/// Each component is opened with `openat(…, O_NOFOLLOW)`, so a tracked file under a folder that was swapped
/// for a link to `/etc` is refused rather than read. Only regular files are accepted.
public final class SafeFile {
    public let descriptor: Int32
    public let size: Int64
    public let isExecutable: Bool

    /// Opens `path` (workspace-relative bytes) under `root`. Other modules open files through
    /// `WorkspaceFiles`, which records what they read.
    init(root: String, path: [UInt8]) throws(SafeFileError) {
        var dir = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dir >= 0 else { throw .io(errno) }
        let parts = path.split(separator: UInt8(ascii: "/"))
        for (index, part) in parts.enumerated() {
            let last = index == parts.count - 1
            let flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | (last ? O_NONBLOCK : O_DIRECTORY)
            let fd = (Array(part) + [0]).withUnsafeBufferPointer { name in
                name.withMemoryRebound(to: CChar.self) { openat(dir, $0.baseAddress!, flags) }
            }
            let error = errno
            close(dir)
            guard fd >= 0 else {
                switch error {
                case ELOOP, ENOTDIR: throw .symlink
                case ENOENT: throw .missing
                case ENXIO: throw .notRegular
                default: throw .io(error)
                }
            }
            dir = fd
        }
        var info = stat()
        guard fstat(dir, &info) == 0 else {
            let error = errno
            close(dir)
            throw .io(error)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(dir)
            throw .notRegular
        }
        descriptor = dir
        size = Int64(info.st_size)
        isExecutable = info.st_mode & 0o100 != 0
    }

    /// Opens `name` inside an already opened directory (no link followed, FIFOs not waited on).
    init(directory: Int32, name: [UInt8]) throws(SafeFileError) {
        let fd = (name + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                openat(directory, $0.baseAddress!, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
            }
        }
        guard fd >= 0 else { throw Self.failure(errno) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw .notRegular
        }
        descriptor = fd
        size = Int64(info.st_size)
        isExecutable = info.st_mode & 0o100 != 0
    }

    static func failure(_ code: Int32) -> SafeFileError {
        switch code {
        case ELOOP, ENOTDIR: .symlink
        case ENOENT: .missing
        case ENXIO: .notRegular
        default: .io(code)
        }
    }

    deinit { close(descriptor) }

    /// Reads up to `buffer.count` bytes; 0 at end of file.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(SafeFileError) -> Int {
        while true {
            let n = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw .io(errno)
        }
    }

    /// The first `limit` bytes.
    public func prefix(_ limit: Int) throws(SafeFileError) -> [UInt8] {
        // Sized by the file (and one byte more, to see one that grew), not by the limit: a 1 MiB limit on a
        // 2 KiB narrative must not allocate and clear a megabyte.
        var result: [UInt8] = []
        var failure: Int32 = 0
        var capacity = Swift.min(limit, Swift.max(0, Int(size)) + 1)
        while result.count < limit {
            let start = result.count
            var ended = false
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, filled in
                filled = 0
                while filled < capacity {
                    let n = Glibc.read(descriptor, buffer.baseAddress! + filled, capacity - filled)
                    if n > 0 {
                        filled += n
                    } else if n == 0 {
                        ended = true
                        break
                    } else if errno != EINTR {
                        failure = errno
                        break
                    }
                }
            }
            if failure != 0 { throw .io(failure) }
            if start == 0 { result = chunk } else { result += chunk }
            if ended || chunk.isEmpty { break }
            capacity = Swift.min(limit - result.count, Swift.max(capacity, 64 << 10))
        }
        return result
    }
}
