import Foundation

/// Writes a rendered site into a folder, replacing the previous build without leaving stale pages behind.
///
/// The new site is written into a hidden sibling folder first, then swapped in with two renames, and the old
/// build is deleted last; an interrupted build leaves the previous site in place. A folder is only ever
/// replaced when it is empty or carries the marker file of an earlier build, so `-o` pointed at the wrong
/// folder (the workspace, a home folder) is refused instead of emptied. Links are never followed.
public struct SiteWriter: Sendable {
    /// Written into every built site; its presence is what allows a later build to replace the folder.
    public static let markerFile = ".dossier-site"
    static let markerText = "This folder was written by `dossier build` and is replaced by the next build.\n"

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case notASite(String)
        case isLink(String)
        case notAFolder(String)
        case badPath(String)
        case io(String, String)

        public var description: String {
            switch self {
            case .notASite(let path):
                "`\(path)` exists and is not a Dossier site (no \(SiteWriter.markerFile) file); refusing to replace it. Choose an empty or new folder with -o, or remove it yourself"
            case .isLink(let path): "`\(path)` is a symbolic link; refusing to write through it"
            case .notAFolder(let path): "`\(path)` exists and is not a folder"
            case .badPath(let path): "refusing to write `\(path)`: site paths must be relative and stay inside the site"
            case .io(let path, let message): "cannot write `\(path)`: \(message)"
            }
        }
    }

    /// The absolute output folder.
    public var directory: String

    public init(directory: String) {
        var path = URL(fileURLWithPath: directory).standardizedFileURL.path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.directory = path
    }

    /// Writes `output`, replacing what an earlier build left there.
    public func write(_ output: SiteOutput) throws(Failure) {
        let manager = FileManager.default
        try checkTarget()
        let parent = (directory as NSString).deletingLastPathComponent
        let name = (directory as NSString).lastPathComponent
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw .io(parent, error.localizedDescription)
        }
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent + "/.\(name).dossier-new-\(pid)"
        let retired = parent + "/.\(name).dossier-old-\(pid)"
        try? manager.removeItem(atPath: staging)
        try? manager.removeItem(atPath: retired)
        do {
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
            for file in output.files {
                guard Self.isSafe(file.path) else { throw Failure.badPath(file.path) }
                let full = staging + "/" + file.path
                try manager.createDirectory(
                    atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                guard manager.createFile(atPath: full, contents: Data(file.bytes)) else {
                    throw Failure.io(file.path, "cannot create the file")
                }
            }
            guard manager.createFile(atPath: staging + "/" + Self.markerFile, contents: Data(Self.markerText.utf8))
            else {
                throw Failure.io(Self.markerFile, "cannot create the file")
            }
        } catch let failure as Failure {
            try? manager.removeItem(atPath: staging)
            throw failure
        } catch {
            try? manager.removeItem(atPath: staging)
            throw .io(staging, error.localizedDescription)
        }
        let exists = (try? manager.attributesOfItem(atPath: directory)) != nil
        if exists {
            guard rename(directory, retired) == 0 else {
                let message = String(cString: strerror(errno))
                try? manager.removeItem(atPath: staging)
                throw .io(directory, message)
            }
        }
        guard rename(staging, directory) == 0 else {
            let message = String(cString: strerror(errno))
            if exists { _ = rename(retired, directory) }
            try? manager.removeItem(atPath: staging)
            throw .io(directory, message)
        }
        if exists { try? manager.removeItem(atPath: retired) }
    }

    /// Refuses links, files, and folders that are neither empty nor an earlier build.
    func checkTarget() throws(Failure) {
        let manager = FileManager.default
        guard let attributes = try? manager.attributesOfItem(atPath: directory) else { return }
        let type = attributes[.type] as? FileAttributeType
        if type == .typeSymbolicLink { throw .isLink(directory) }
        guard type == .typeDirectory else { throw .notAFolder(directory) }
        let entries = (try? manager.contentsOfDirectory(atPath: directory)) ?? []
        if entries.isEmpty { return }
        let marker = try? manager.attributesOfItem(atPath: directory + "/" + Self.markerFile)
        guard marker?[.type] as? FileAttributeType == .typeRegular else { throw .notASite(directory) }
    }

    /// Relative, `/`-separated, no empty, `.` or `..` segment, no NUL or backslash.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.utf8.contains(0), !path.contains("\\") else { return false }
        return !path.split(separator: "/", omittingEmptySubsequences: false).contains {
            $0.isEmpty || $0 == "." || $0 == ".."
        }
    }
}
