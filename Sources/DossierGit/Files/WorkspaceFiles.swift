import Foundation

/// The only way Dossier opens, reads or lists the files of a workspace (or of a templates folder).
///
/// Every path it is asked about is recorded in `probes` before it is touched. `dossier build` leaves an
/// unchanged site alone only after looking at every recorded path again, so a reader added later cannot be
/// forgotten by that check: outside this module, `SafeFile` and `SafeDirectoryCursor` can only be had from
/// here. Nothing is followed through a link, and only regular files are read.
public struct WorkspaceFiles: Sendable {
    /// Absolute path of the folder, without a trailing slash.
    public let root: String
    /// What was looked up through this value and its copies.
    public let probes: PathProbes

    public init(root: String, probes: PathProbes = PathProbes()) {
        self.root = root
        self.probes = probes
    }

    /// What a path is, without following a link in its last component.
    public enum Kind: Sendable, Equatable {
        case file, folder, link, other
    }

    /// Opens a regular file (relative bytes) for reading.
    public func open(_ relative: [UInt8]) throws(SafeFileError) -> SafeFile {
        probes.record(String(decoding: relative, as: UTF8.self))
        return try SafeFile(root: root, path: relative)
    }

    /// The first `limit` bytes of a regular file; nil when it does not exist.
    public func read(_ relative: String, limit: Int) throws(SafeFileError) -> [UInt8]? {
        let file: SafeFile
        do {
            file = try open(Array(relative.utf8))
        } catch .missing {
            return nil
        }
        return try file.prefix(min(limit, Int(file.size)))
    }

    /// Whether the path names a regular file (no links followed anywhere in it).
    public func isFile(_ relative: String) -> Bool {
        (try? open(Array(relative.utf8))) != nil
    }

    /// What the path is; nil when nothing is there.
    public func kind(_ relative: String) -> Kind? {
        probes.record(relative)
        var info = stat()
        guard lstat(relative.isEmpty ? root : root + "/" + relative, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// The names in a folder, sorted by their bytes; nil when it is not a readable folder.
    public func list(_ relative: String) -> [String]? {
        probes.record(relative)
        guard kind(relative) == .folder,
            let names = try? FileManager.default.contentsOfDirectory(
                atPath: relative.isEmpty ? root : root + "/" + relative)
        else { return nil }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// A cursor for walking many files inside `folders` (relative; `.` for the whole root), each recorded
    /// as a whole: the cursor refuses paths outside them.
    public func cursor(within folders: [String]) -> SafeDirectoryCursor? {
        for folder in folders { probes.record(folder) }
        return SafeDirectoryCursor(root: root, within: folders)
    }
}

// MARK: - Writing

extension WorkspaceFiles {
    /// Creates a new file atomically; refuses when anything is already at the path, and never follows a link.
    public func create(_ relative: String, bytes: [UInt8]) throws(WorkspaceWriteError) {
        probes.record(relative)
        try WorkspaceWriter.write(root: root, relative: relative, bytes: bytes, mode: .create)
    }

    /// Replaces a regular file (or creates it) atomically, never through a link.
    public func replace(_ relative: String, bytes: [UInt8]) throws(WorkspaceWriteError) {
        probes.record(relative)
        try WorkspaceWriter.write(root: root, relative: relative, bytes: bytes, mode: .replace)
    }

    /// Deletes a regular file this run created (a link or a folder at the path is left alone).
    public func removeCreated(_ relative: String) {
        WorkspaceWriter.remove(root: root, relative: relative)
    }
}
