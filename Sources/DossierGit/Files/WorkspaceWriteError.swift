import Glibc

/// Why a file could not be written into the workspace. Nothing is left behind when this is thrown.
public enum WorkspaceWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The target exists already; Dossier never overwrites evidence.
    case exists
    /// A link in the path (the named component); Dossier never writes through one.
    case symlink(String)
    /// The target is a folder, FIFO, socket or device.
    case notRegular
    case invalidPath
    case io(Int32)

    public var description: String {
        switch self {
        case .exists: "exists already; Dossier never overwrites a file"
        case .symlink(let name): "goes through a symbolic link (`\(name)`); Dossier never writes through links"
        case .notRegular: "is not a regular file"
        case .invalidPath: "is not a path inside the workspace"
        case .io(let code): "cannot be written: \(String(cString: strerror(code)))"
        }
    }
}
