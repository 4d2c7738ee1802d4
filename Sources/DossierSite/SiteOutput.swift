import DossierCore

/// One file of a rendered site.
public struct SiteFile: Sendable, Equatable {
    /// Relative to the site root, `/`-separated, never starting with `/` or containing `..`.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    public var isPage: Bool { path.hasSuffix(".html") }
}

/// A rendered site: every file, sorted by path, and the problems found while rendering (templates, pages).
public struct SiteOutput: Sendable {
    public var files: [SiteFile]
    public var diagnostics: [Diagnostic]

    public init(files: [SiteFile], diagnostics: [Diagnostic]) {
        self.files = files.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        self.diagnostics = diagnostics
    }

    /// Number of HTML pages.
    public var pageCount: Int { files.filter(\.isPage).count }

    public func file(_ path: String) -> SiteFile? { files.first { $0.path == path } }
}

/// Choices that change what the site holds.
public struct SiteOptions: Sendable {
    /// Copy usable evidence files into `files/` and link them from the inventory (off: the site lists metadata).
    public var includeEvidence: Bool
    /// Dashboard: at most this many urgent gaps of each kind, then a count and a link to the gaps page.
    public var urgentLimit: Int
    /// Evidence shipped beside the site, as in a bundle (`data/evidence/…` next to `data/site/`): path bytes →
    /// the file's path relative to the site's root (`../evidence/access/mfa.csv`). The pages link each of these
    /// files itself, so an auditor opens the evidence from the page that lists it. Empty for `dossier build`.
    public var evidenceBeside: [[UInt8]: String]

    public init(includeEvidence: Bool = false, urgentLimit: Int = 5, evidenceBeside: [[UInt8]: String] = [:]) {
        self.includeEvidence = includeEvidence
        self.urgentLimit = urgentLimit
        self.evidenceBeside = evidenceBeside
    }
}
