import DossierCore

/// Why `import comply` wrote nothing.
public enum ComplyImportError: Error, Sendable, CustomStringConvertible {
    case input(ComplyProjectError)
    case output(WorkspaceTargetError)

    public var description: String {
        switch self {
        case .input(let failure): failure.description
        case .output(let failure): failure.description
        }
    }
}
