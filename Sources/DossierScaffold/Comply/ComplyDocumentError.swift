import DossierCore
import DossierYAML

/// Why a file could not be read as a comply document.
public struct ComplyDocumentError: Error, Sendable, CustomStringConvertible {
    public var description: String
}
