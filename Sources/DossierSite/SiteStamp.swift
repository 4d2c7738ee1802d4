import DossierCore
import DossierGit
import Foundation

/// What `dossier build` remembers of the site it wrote (`<git folder>/dossier/site-stamp`), so that a build
/// in which nothing the site is made from changed can leave the site alone instead of rendering it again.
///
/// `inputs` is a digest of everything the build read (`SiteInputs`); `site` is a digest of the folder as it
/// was written. Both are compared before anything is skipped, so a changed input or a touched page means a
/// full build. The warnings the build printed are kept so that an unchanged build prints them again.
public struct SiteStamp: Codable, Sendable, Equatable {
    static let fileName = "site-stamp"
    static let currentFormat = 2
    static let maxBytes = 16 << 20

    var format = SiteStamp.currentFormat
    /// The absolute site folder.
    public var output: String
    public var inputs: String
    public var site: String
    /// The evidence pathspecs and the looked-up paths of the build, which an unchanged build looks at again.
    public var pathspecs: [String]
    public var probes: [String]
    public var pages: Int
    public var diagnostics: [Diagnostic]

    /// The stamp in `gitDirectory`, or nil when there is none or it does not parse.
    static func load(gitDirectory: String) -> SiteStamp? {
        guard let bytes = GitFolderFile.read(gitDirectory: gitDirectory, name: fileName, maxBytes: maxBytes),
            let stamp = try? JSONDecoder().decode(SiteStamp.self, from: Data(bytes)),
            stamp.format == currentFormat
        else { return nil }
        return stamp
    }

    func save(gitDirectory: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        GitFolderFile.write(gitDirectory: gitDirectory, name: Self.fileName, bytes: Array(data))
    }

    static func remove(gitDirectory: String) {
        GitFolderFile.remove(gitDirectory: gitDirectory, name: fileName)
    }
}
