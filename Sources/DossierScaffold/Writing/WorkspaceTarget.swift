import DossierCore
import DossierGit
import Foundation

/// The folder `init` and `import` write a new workspace into. Never overwrites: every file is created with
/// `O_EXCL`, no link is followed below the folder, and a file that is already there is left alone and
/// reported as skipped.
public struct WorkspaceTarget: Sendable {
    /// A file that was not written, and why.
    public struct Skipped: Sendable, Hashable {
        public var path: String
        public var reason: String
    }

    /// What writing did.
    public struct Outcome: Sendable {
        /// Workspace-relative paths, in the order written.
        public var created: [String] = []
        public var skipped: [Skipped] = []
    }

    /// Absolute path without a trailing slash.
    public let path: String
    public var force: Bool

    public init(path: String, force: Bool) {
        self.path = Workspace(path: path).root
        self.force = force
    }

    /// The folder's name, the default organisation name of `init`.
    public var folderName: String {
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        return name
    }

    /// Creates the folder when it is missing; refuses a file, and a folder holding anything but `.git` unless
    /// `force` is set.
    public func prepare() throws(WorkspaceTargetError) {
        var info = stat()
        if stat(path, &info) != 0 {
            guard errno == ENOENT else { throw .cannotCreate(path, String(cString: strerror(errno))) }
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw .cannotCreate(path, (error as NSError).localizedDescription)
            }
            return
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .notADirectory(path) }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw .cannotCreate(path, (error as NSError).localizedDescription)
        }
        if !force && entries.contains(where: { $0 != ".git" }) { throw .notEmpty(path) }
    }

    /// Creates every file that does not exist yet; files and links already there are skipped.
    public func write(_ files: [PlannedFile]) throws(WorkspaceTargetError) -> Outcome {
        var outcome = Outcome()
        for file in files {
            switch create(file) {
            case .created: outcome.created.append(file.path)
            case .skipped(let reason): outcome.skipped.append(Skipped(path: file.path, reason: reason))
            case .failed(let reason): throw .cannotCreate(path + "/" + file.path, reason)
            }
        }
        return outcome
    }

    // MARK: - One file

    private enum Result {
        case created
        case skipped(String)
        case failed(String)
    }

    private func create(_ file: PlannedFile) -> Result {
        let parts = file.path.split(separator: "/").map(String.init)
        guard let name = parts.last, !parts.contains(".."), !parts.contains(".") else { return .failed("bad path") }
        var dir = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dir >= 0 else { return .failed(String(cString: strerror(errno))) }
        defer { close(dir) }
        var walked = ""
        for folder in parts.dropLast() {
            walked += walked.isEmpty ? folder : "/" + folder
            if mkdirat(dir, folder, 0o755) != 0 && errno != EEXIST {
                return .failed(String(cString: strerror(errno)))
            }
            let next = openat(dir, folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else {
                let error = errno
                if error == ENOTDIR || error == ELOOP {
                    return .skipped("`\(walked)` is a file or a link, not a folder")
                }
                return .failed(String(cString: strerror(error)))
            }
            close(dir)
            dir = next
        }
        let fd = openat(dir, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST { return .skipped("already exists") }
            return .failed(String(cString: strerror(errno)))
        }
        defer { close(fd) }
        if let error = FileDescriptorIO.writeAll(fd, Array(file.contents.utf8)) {
            return .failed(String(cString: strerror(error)))
        }
        return .created
    }
}
