import Crypto
import Glibc

/// A digest of what is on disk below some paths: every file, link and folder, described by its kind,
/// permissions, size, inode and modification and change times (`lstat`, never following a link), in byte
/// order of their paths. Any write, rename, `chmod`, new or deleted file below a path changes the digest.
///
/// File contents are not read: like git's index, this trusts that a file whose size, inode and change time
/// are the same has the same bytes. The change time (`ctime`) cannot be set back from user space; the one
/// way to fool it is a second write within the same clock tick as the first, which `newestChange` lets the
/// caller rule out ("racily clean" in git's words).
public struct TreeDigest {
    private var hasher = SHA256()
    /// The newest modification or change time seen (nanoseconds since the epoch), over files and folders.
    public private(set) var newestChange: Int64 = .min
    /// Entries described so far.
    public private(set) var count = 0
    /// Above this many entries the walk gives up (`add` returns false).
    public let limit: Int

    public init(limit: Int = 500_000) {
        self.limit = limit
    }

    /// Adds a labelled value (an option, an environment variable, a git answer) to the digest.
    public mutating func add(_ label: String, _ value: String) {
        hasher.update(data: Array(label.utf8) + [0] + Array(value.utf8) + [10])
    }

    /// Adds `absolute` as one entry: what it is now (or that it is missing), not what is below it.
    /// `followingLinks` describes what a link points at (configuration files kept as links to elsewhere).
    /// An executable (`isProgram`) is described through links and its times do not count as a recent change
    /// to an input: a program just built or installed is what runs, not something the run reads.
    public mutating func addEntry(
        _ label: String, absolute: String, followingLinks: Bool = false, isProgram: Bool = false
    ) {
        var info = stat()
        if (followingLinks || isProgram ? stat(absolute, &info) : lstat(absolute, &info)) == 0 {
            let newest = newestChange
            describe(label: Array(label.utf8), info)
            if isProgram { newestChange = newest }
        } else {
            hasher.update(data: Array(label.utf8) + Array("\0missing \(errno)\n".utf8))
        }
    }

    /// Adds `relative` below `root` and, when it is a folder, everything below it. Each component of
    /// `relative` is described too, so a folder swapped for a link along the way changes the digest.
    /// `skip` names workspace-relative paths (as bytes) to leave out: the site being written, git's folder.
    /// Returns false once more than `limit` entries were seen.
    public mutating func addTree(root: String, relative: String, skip: ([UInt8]) -> Bool = { _ in false }) -> Bool {
        let parts = relative.split(separator: "/").map(String.init).filter { $0 != "." }
        guard !parts.isEmpty else { return walk(parent: AT_FDCWD, name: Array(root.utf8), relative: [], skip: skip) }
        for end in 1..<parts.count {
            addEntry(parts[..<end].joined(separator: "/"), absolute: root + "/" + parts[..<end].joined(separator: "/"))
        }
        let relative = parts.joined(separator: "/")
        return walk(
            parent: AT_FDCWD, name: Array((root + "/" + relative).utf8), relative: Array(relative.utf8), skip: skip)
    }

    /// The hex digest of everything added.
    public func finalize() -> String { Hex.string(hasher.finalize()) }

    // MARK: - Walking

    /// Describes `name` in the folder `parent` (a descriptor, or `AT_FDCWD` with an absolute path to start)
    /// and, for a folder, everything below it: each entry is looked at relative to its open folder, so no
    /// path is resolved twice and none through a link.
    private mutating func walk(parent: Int32, name: [UInt8], relative: [UInt8], skip: ([UInt8]) -> Bool) -> Bool {
        if !relative.isEmpty && skip(relative) { return true }
        count += 1
        if count > limit { return false }
        let cName = name + [0]
        var info = stat()
        let found = cName.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { fstatat(parent, $0.baseAddress!, &info, AT_SYMLINK_NOFOLLOW) }
        }
        guard found == 0 else {
            hasher.update(data: relative + Array("\0missing \(errno)\n".utf8))
            return true
        }
        describe(label: relative, info)
        guard info.st_mode & S_IFMT == S_IFDIR else { return true }
        let fd = cName.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                openat(parent, $0.baseAddress!, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
        }
        guard fd >= 0, let directory = fdopendir(fd) else {
            if fd >= 0 { close(fd) }
            hasher.update(data: relative + Array("\0unreadable \(errno)\n".utf8))
            return true
        }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name == [46] || name == [46, 46] { continue }
            names.append(name)
        }
        names.sort { $0.lexicographicallyPrecedes($1) }
        let folder = dirfd(directory)
        for name in names {
            let child = relative.isEmpty ? name : relative + [47] + name
            guard walk(parent: folder, name: name, relative: child, skip: skip) else { return false }
        }
        return true
    }

    private mutating func describe(label: [UInt8], _ info: stat) {
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        let changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        newestChange = max(newestChange, modified, changed)
        var line = label
        line.reserveCapacity(label.count + 96)
        line.append(0)
        let type = info.st_mode & S_IFMT
        line.append(type == S_IFREG ? 102 : type == S_IFDIR ? 100 : type == S_IFLNK ? 108 : 111)  // f d l o
        Self.append(UInt64(info.st_mode & 0o7777), to: &line)
        // A folder's own times change whenever an entry below it does (and when the site next to it is
        // swapped in); its entries are described one by one, so only its kind and permissions count.
        if type != S_IFDIR {
            for value in [UInt64(info.st_size), UInt64(info.st_dev), UInt64(info.st_ino)] {
                Self.append(value, to: &line)
            }
            Self.append(UInt64(bitPattern: modified), to: &line)
            Self.append(UInt64(bitPattern: changed), to: &line)
        }
        line.append(10)
        hasher.update(data: line)
    }

    /// A space and the decimal digits of `value`.
    private static func append(_ value: UInt64, to line: inout [UInt8]) {
        line.append(32)
        line += String(value).utf8
    }
}
