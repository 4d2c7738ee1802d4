import Glibc

/// Looks at many workspace files in path order without re-opening their folders each time and without
/// following a link anywhere in a path.
///
/// Keeps the chain of folders of the last path open (each opened with `O_NOFOLLOW | O_DIRECTORY`), so a
/// sorted walk over thousands of files costs one `fstatat` per file instead of one `openat` per component.
/// Made by `WorkspaceFiles.cursor(within:)`, which records the folders it may look into; a path outside
/// them is answered as missing.
public final class SafeDirectoryCursor {
    public enum Entry: Equatable {
        case regular(size: Int64, executable: Bool)
        case symlink, notRegular, missing
        case unreadable(Int32)
    }

    private let rootFD: Int32
    /// Folder prefixes (`a/b/`) a path must start with; empty when the whole root is allowed.
    private let allowed: [[UInt8]]
    /// Opened folders below the root: (name, descriptor), outermost first.
    private var chain: [([UInt8], Int32)] = []

    init?(root: String, within folders: [String]) {
        rootFD = Glibc.open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if rootFD < 0 { return nil }
        allowed = folders.contains { $0 == "." || $0.isEmpty } ? [] : folders.map { Array($0.utf8) + [47] }
    }

    private func isAllowed(_ path: [UInt8]) -> Bool {
        allowed.isEmpty || allowed.contains { path.starts(with: $0) }
    }

    deinit {
        for (_, fd) in chain { close(fd) }
        close(rootFD)
    }

    /// What `path` (workspace-relative bytes) is, without following a link.
    public func entry(_ path: [UInt8]) -> Entry {
        guard isAllowed(path) else { return .missing }
        let parts = path.split(separator: UInt8(ascii: "/")).map(Array.init)
        guard let name = parts.last else { return .notRegular }
        let parent: Int32
        switch descend(Array(parts.dropLast())) {
        case .success(let fd): parent = fd
        case .failure(let failure): return Self.entry(for: failure)
        }
        var info = stat()
        let status = (name + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { fstatat(parent, $0.baseAddress!, &info, AT_SYMLINK_NOFOLLOW) }
        }
        guard status == 0 else { return Self.entry(for: SafeFile.failure(errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular(size: Int64(info.st_size), executable: info.st_mode & 0o100 != 0)
        case S_IFLNK: return .symlink
        default: return .notRegular
        }
    }

    /// Opens `path` for reading; only regular files, no links anywhere in the path.
    public func open(_ path: [UInt8]) throws(SafeFileError) -> SafeFile {
        guard isAllowed(path) else { throw .missing }
        let parts = path.split(separator: UInt8(ascii: "/")).map(Array.init)
        guard let name = parts.last else { throw .notRegular }
        switch descend(Array(parts.dropLast())) {
        case .success(let fd): return try SafeFile(directory: fd, name: name)
        case .failure(let failure): throw failure
        }
    }

    /// The descriptor of the folder `components` below the root, reusing the common prefix of the chain.
    private func descend(_ components: [[UInt8]]) -> Result<Int32, SafeFileError> {
        var common = 0
        while common < chain.count, common < components.count, chain[common].0 == components[common] { common += 1 }
        while chain.count > common { close(chain.removeLast().1) }
        for component in components[common...] {
            let parent = chain.last?.1 ?? rootFD
            let fd = (component + [0]).withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    openat(parent, $0.baseAddress!, O_RDONLY | O_NOFOLLOW | O_DIRECTORY | O_CLOEXEC)
                }
            }
            guard fd >= 0 else { return .failure(SafeFile.failure(errno)) }
            chain.append((component, fd))
        }
        return .success(chain.last?.1 ?? rootFD)
    }

    private static func entry(for failure: SafeFileError) -> Entry {
        switch failure {
        case .symlink: .symlink
        case .missing: .missing
        case .notRegular: .notRegular
        case .io(let code): .unreadable(code)
        }
    }
}
