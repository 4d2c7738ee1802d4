import DossierCore

/// Why a bundle was not written.
public enum BundleError: Error, Sendable, CustomStringConvertible {
    /// The workspace cannot be bundled as it is (dirty evidence, unshippable names, no commits, …): one
    /// diagnostic per problem, each naming its file. The command exits 2.
    case refused([Diagnostic])
    /// Reading the workspace or writing the archive failed part-way; nothing was left in the output folder.
    case failed(String)

    public var description: String {
        switch self {
        case .refused(let diagnostics): diagnostics.map(\.message).joined(separator: "\n")
        case .failed(let message): message
        }
    }
}
