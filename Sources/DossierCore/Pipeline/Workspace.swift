import DossierGit
import Foundation

/// A workspace folder: `controls.yaml`, `narratives/`, `evidence/`, optional `templates/`.
public struct Workspace: Sendable {
    public static let controlMapFile = "controls.yaml"
    /// Bigger than any real control map; refuses a file that would make parsing the bottleneck.
    public static let maxControlMapBytes = 4 << 20

    /// Absolute path, without a trailing slash.
    public let root: String
    /// The only door to the workspace's files: it records every path looked up (shared by copies of this
    /// value), which an unchanged-build check must look at again besides the folders every build reads.
    public let files: WorkspaceFiles

    public init(path: String) {
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        var root = url.standardizedFileURL.path
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        self.root = root
        files = WorkspaceFiles(root: root)
    }

    /// Every path looked up through this workspace.
    public var probes: PathProbes { files.probes }

    /// Reads a workspace file without following links; nil when it is absent.
    public func read(_ relative: String, limit: Int = Workspace.maxControlMapBytes) throws(SafeFileError) -> [UInt8]? {
        try files.read(relative, limit: limit)
    }

    /// Whether a workspace-relative path names a regular file (no links followed).
    public func isFile(_ relative: String) -> Bool { files.isFile(relative) }

    /// Whether a workspace-relative path names a folder (no links followed in the last component).
    public func isDirectory(_ relative: String) -> Bool { files.kind(relative) == .folder }

    /// A file's text for quoting in diagnostics.
    public func text(_ relative: String) -> String? {
        guard let bytes = try? read(relative, limit: 1 << 20) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
