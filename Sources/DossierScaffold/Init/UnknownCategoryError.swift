import DossierCore

/// `init --scope` named a Trust Services category that does not exist.
public struct UnknownCategoryError: Error, Sendable, CustomStringConvertible {
    public var name: String
    public var description: String {
        "unknown category `\(name)` in --scope; use a comma-separated list of "
            + TrustCategory.allCases.map(\.rawValue).joined(separator: ", ")
    }
}
