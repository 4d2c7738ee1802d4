import Foundation

/// Why a folder cannot be judged at all: it is missing, not a folder, unreadable, or holds no control map.
///
/// Found before any step runs, so that `dossier check /typo` says one clear thing instead of printing a
/// readiness report for an empty workspace followed by errors.
public struct WorkspaceProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var hint: String

    public var description: String { "error: \(message)\n  hint: \(hint)" }

    /// The problem with `workspace`, or nil when it can be loaded (a control map that exists but is broken is
    /// reported by the load step, with its line and column).
    public static func of(_ workspace: Workspace) -> WorkspaceProblem? {
        let root = workspace.root
        var info = stat()
        guard stat(root, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            return WorkspaceProblem(
                message: "cannot open the workspace \(root): \(reason)",
                hint: "pass the folder that holds controls.yaml, or create one with `dossier init DIR`")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            return WorkspaceProblem(
                message: "the workspace \(root) is not a folder",
                hint: "pass the folder that holds controls.yaml, not a file in it")
        }
        guard access(root, R_OK | X_OK) == 0 else {
            return WorkspaceProblem(
                message: "cannot read the workspace \(root): \(String(cString: strerror(errno)))",
                hint: "give your user read access to the folder")
        }
        let map = root + "/" + Workspace.controlMapFile
        guard lstat(map, &info) == 0 else {
            return WorkspaceProblem(
                message: "no \(Workspace.controlMapFile) in \(root): this is not a Dossier workspace",
                hint: "run Dossier in a workspace folder, pass its path, or create one with `dossier init`")
        }
        return nil
    }
}
