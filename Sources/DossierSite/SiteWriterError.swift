import DossierCore
import DossierGit
import Foundation

/// Why the site folder could not be written; the old site is left as it was.
public enum SiteWriterError: Error, Sendable, CustomStringConvertible {
    case notASite(String)
    case isLink(String)
    case notAFolder(String)
    case badPath(String)
    case io(String, String)

    public var description: String {
        switch self {
        case .notASite(let path):
            "`\(path)` exists and is not a Dossier site (no \(SiteWriter.markerFile) file); refusing to replace it. Choose an empty or new folder with -o, or remove it yourself"
        case .isLink(let path): "`\(path)` is a symbolic link; refusing to write through it"
        case .notAFolder(let path): "`\(path)` exists and is not a folder"
        case .badPath(let path): "refusing to write `\(path)`: site paths must be relative and stay inside the site"
        case .io(let path, let message): "cannot write `\(path)`: \(message)"
        }
    }
}
