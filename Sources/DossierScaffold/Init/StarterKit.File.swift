import DossierCore

/// The SOC 2 starter kit that `dossier init` writes: `starter/` at the repository root, compiled into the
/// binary by `scripts/embed-starter.py` (see `starter/NOTES.md`), so that a copied binary needs no resources.
public enum StarterKit {
    /// One file of the kit, with its `{{organization}}` and `{{system}}` placeholders still in place.
    public struct File: Sendable, Hashable {
        /// Workspace-relative, `/`-separated.
        public let path: String
        public let contents: String

        public init(path: String, contents: String) {
            self.path = path
            self.contents = contents
        }
    }

    /// Every embedded file, sorted by path.
    public static var allFiles: [File] { files }

    public static func file(_ path: String) -> File? { files.first { $0.path == path } }

    /// The kit's control map.
    public static var controlMap: String { file(Workspace.controlMapFile)?.contents ?? "" }

    static let organizationPlaceholder = "{{organization}}"
    static let systemPlaceholder = "{{system}}"
}
