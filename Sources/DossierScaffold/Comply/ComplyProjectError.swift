import DossierCore
import DossierYAML
import Foundation

/// Why a folder cannot be read as a comply project.
public enum ComplyProjectError: Error, Sendable, CustomStringConvertible {
    case notAFolder(String)
    case notAProject(String)
    case unreadableSettings(String)

    public var description: String {
        switch self {
        case .notAFolder(let path): "\(path) is not a folder"
        case .notAProject(let path):
            "\(path) is not a comply project: it has no comply.yml and no narratives/, policies/ or procedures/ folder"
        case .unreadableSettings(let message): "comply.yml \(message)"
        }
    }
}
