import DossierCore
import DossierGit
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

    /// The absolute output folder.
    public var directory: String

    public init(directory: String) {
        var path = URL(fileURLWithPath: directory).standardizedFileURL.path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.directory = path
    }

    /// Writes `output`, replacing what an earlier build left there.
    public func write(_ output: SiteOutput) throws(SiteWriterError) {
        var index = 0
        _ = try write(
            nextPath: { index < output.files.count ? output.files[index].path : nil },
            writeNext: { sink in
                try sink(output.files[index].bytes)
                index += 1
            })
    }

    /// Writes the files as `files` renders them, one page in memory at a time. Once the last is written,
    /// `keep` decides (a page that failed to render, say): true swaps the new site in, false deletes it and
    /// leaves the earlier build as it was. Returns what `keep` said.
    public func write(_ files: inout SiteFiles, keep: (SiteFiles) -> Bool) throws(SiteWriterError) -> Bool {
        try write(
            nextPath: { files.nextPath },
            writeNext: { sink in _ = try files.next(into: sink) },
            keep: { keep(files) })
    }

    private func write(
        nextPath: () -> String?, writeNext: (([UInt8]) throws -> Void) throws -> Void, keep: () -> Bool = { true }
    ) throws(SiteWriterError) -> Bool {
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
            var folders: Set<Substring> = [""]
            while let path = nextPath() {
                guard Self.isSafe(path) else { throw SiteWriterError.badPath(path) }
                try Self.makeFolders(of: path, in: staging, made: &folders)
                let file = try StagedFile(staging + "/" + path, shown: path)
                defer { file.close() }
                try writeNext { try file.write($0) }
                try file.finish()
            }
            let marker = try StagedFile(staging + "/" + Self.markerFile, shown: Self.markerFile)
            defer { marker.close() }
            try marker.write(Array(Self.markerText.utf8))
            try marker.finish()
        } catch let failure as SiteWriterError {
            try? manager.removeItem(atPath: staging)
            throw failure
        } catch {
            try? manager.removeItem(atPath: staging)
            throw .io(staging, "\(error)")
        }
        guard keep() else {
            try? manager.removeItem(atPath: staging)
            return false
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
        return true
    }

    /// Creates the folders above `path` inside the staging folder (which Dossier made, so none is a link).
    private static func makeFolders(of path: String, in staging: String, made: inout Set<Substring>)
        throws(SiteWriterError)
    {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = path[..<slash]
        if made.contains(folder) { return }
        var end = folder.startIndex
        while end < folder.endIndex {
            end = folder[folder.index(after: end)...].firstIndex(of: "/") ?? folder.endIndex
            let prefix = folder[..<end]
            if made.contains(prefix) { continue }
            guard mkdir(staging + "/" + prefix, 0o755) == 0 || errno == EEXIST else {
                throw .io(String(prefix), String(cString: strerror(errno)))
            }
            made.insert(prefix)
        }
    }

    /// Refuses links, files, and folders that are neither empty nor an earlier build.
    func checkTarget() throws(SiteWriterError) {
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

/// One new file in the staging folder: created exclusively, never through a link, written in full.
private final class StagedFile {
    private var fd: Int32
    private let shown: String

    init(_ path: String, shown: String) throws(SiteWriterError) {
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        self.shown = shown
        guard fd >= 0 else { throw .io(shown, String(cString: strerror(errno))) }
    }

    func write(_ bytes: [UInt8]) throws(SiteWriterError) {
        if let error = FileDescriptorIO.writeAll(fd, bytes) { throw .io(shown, String(cString: strerror(error))) }
    }

    func finish() throws(SiteWriterError) {
        let result = Foundation.close(fd)
        fd = -1
        if result != 0 { throw .io(shown, String(cString: strerror(errno))) }
    }

    func close() {
        if fd >= 0 { _ = Foundation.close(fd) }
        fd = -1
    }
}
