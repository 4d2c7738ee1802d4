import DossierCore
import DossierGit
import Foundation

/// Why `init` or `import` cannot write the new workspace into the folder it was given.
public enum WorkspaceTargetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder holds files and `--force` was not given.
    case notEmpty(String)
    case notADirectory(String)
    case cannotCreate(String, String)

    public var description: String {
        switch self {
        case .notEmpty(let path):
            "\(path) is not empty; pass --force to add the files that are missing (existing files are never overwritten)"
        case .notADirectory(let path): "\(path) exists and is not a folder"
        case .cannotCreate(let path, let reason): "cannot create \(path): \(reason)"
        }
    }
}
