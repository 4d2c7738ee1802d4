import Glibc

/// Why a workspace file could not be opened or read safely: Dossier never follows a link and reads only regular files.
public enum SafeFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case symlink, notRegular, missing
    case io(Int32)
    public var description: String {
        switch self {
        case .symlink: "is a symbolic link (or lies under one); Dossier never follows links"
        case .notRegular: "is not a regular file (a FIFO, socket, device or folder)"
        case .missing: "does not exist in the working tree"
        case .io(let code): "cannot be read: \(String(cString: strerror(code)))"
        }
    }
}
