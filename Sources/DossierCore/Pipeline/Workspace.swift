import DossierGit
import Foundation

/// A workspace folder: `controls.yaml`, `narratives/`, `evidence/`, optional `templates/`.
public struct Workspace: Sendable {
    public static let controlMapFile = "controls.yaml"
    /// Bigger than any real control map; refuses a file that would make parsing the bottleneck.
    public static let maxControlMapBytes = 4 << 20

    /// Absolute path, without a trailing slash.
    public let root: String
    /// Every path looked up through this workspace (shared by its copies): what an unchanged-build check
    /// must look at again besides the folders every build reads.
    public let probes = PathProbes()

    public init(path: String) {
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        var root = url.standardizedFileURL.path
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        self.root = root
    }

    /// Reads a workspace file without following links; nil when it is absent.
    public func read(_ relative: String, limit: Int = Workspace.maxControlMapBytes) throws(SafeFileError) -> [UInt8]? {
        probes.record(relative)
        let file: SafeFile
        do {
            file = try SafeFile(root: root, path: Array(relative.utf8))
        } catch .missing {
            return nil
        }
        return try file.prefix(min(limit, Int(file.size)))
    }

    /// Whether a workspace-relative path names a regular file (no links followed).
    public func isFile(_ relative: String) -> Bool {
        probes.record(relative)
        return (try? SafeFile(root: root, path: Array(relative.utf8))) != nil
    }

    /// A file's text for quoting in diagnostics.
    public func text(_ relative: String) -> String? {
        guard let bytes = try? read(relative, limit: 1 << 20) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
