import DossierArchive
import DossierCore
import DossierGit
import Foundation

/// Renders the readiness site for a bundle: evidence path bytes → SHA-256 hex in, the site's files out, one
/// at a time in byte order of their paths (relative to the site's root; they go under `data/site/`), so a
/// bundle holds one page in memory, never the whole site.
///
/// Called first, on a thread of its own, before any evidence is read, with the digests the work tree's digest
/// cache predicts (a placeholder of the same length where it has none): the bag must declare every page's
/// size (Payload-Oxum) up front, so that rendering goes into a scratch file. When the evidence read while
/// being archived has exactly the predicted digests, those pages ship; otherwise it is called again with the
/// real digests, and must return the same paths with the same byte counts: digests are fixed-length, so a
/// renderer that only prints them (in full or shortened) does. The digests' keys are exactly the evidence files
/// the bag ships under `data/` (``BagPath/siteLinks(_:)`` turns them into links from the site to the files).
public typealias SiteRendering = @Sendable ([[UInt8]: String]) throws -> SitePages

/// Hands the next file of a site to the sink, in as many pieces as it likes, and returns its path; nil after
/// the last. A throw (a page that failed, or the sink's own) stops the bundle.
public typealias SitePages = (_ sink: ([UInt8]) throws -> Void) throws -> String?

/// Pages from a list (sorted here), for renderers that have every page at hand.
public func sitePages(_ files: [(path: String, bytes: [UInt8])]) -> SitePages {
    var remaining = files.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }[...]
    return { sink in
        guard let file = remaining.popFirst() else { return nil }
        try sink(file.bytes)
        return file.path
    }
}

/// What to write and where.
public struct BundleOptions: Sendable {
    public var format: ArchiveFormat
    /// Where the archive goes (created if missing); nil for `WORKSPACE/dist`, which gets a `.gitignore`
    /// holding `*` so that bundles never show up as untracked files.
    public var outputDirectory: String?
    /// Ship modified, staged or untracked files as found, marked dirty, instead of refusing.
    public var allowDirty: Bool
    /// Ship files with secret findings nobody acknowledged in `.dossier-secrets`, listed in bag-info and
    /// warned about, instead of refusing.
    public var allowSecrets: Bool
    /// The bundle time, seconds since the epoch: `Clock.now()` (SOURCE_DATE_EPOCH when set).
    public var time: Int64
    /// Sign the archive with this key (what `ssh-keygen -Y sign -f` takes: a private key file, or a public
    /// key whose private half is in ssh-agent); nil for no signature. See ``BundleSigning``.
    public var signingKey: String?
    /// The signing key's fingerprint, recorded in bag-info.txt (``BundleBuild`` reads it from `signingKey`
    /// before the archive is written).
    public var signerFingerprint: SSHKeyFingerprint?

    public init(
        format: ArchiveFormat = .zip, outputDirectory: String? = nil, allowDirty: Bool = false,
        allowSecrets: Bool = false, time: Int64, signingKey: String? = nil
    ) {
        self.format = format
        self.outputDirectory = outputDirectory
        self.allowDirty = allowDirty
        self.allowSecrets = allowSecrets
        self.time = time
        self.signingKey = signingKey
    }
}

/// What `dossier bundle` reports.
public struct BundleResult: Sendable {
    public var path: String
    public var name: BundleName
    /// Size of the archive file.
    public var size: Int64
    /// SHA-256 of the archive file, lowercase hex.
    public var sha256: String
    /// Regular files in the archive: payload plus tag files.
    public var files: Int
    public var payloadFiles: Int
    public var payloadBytes: Int64
    public var evidenceFiles: Int
    /// The detached signature written beside the archive (`<bundle>.sig`), and the key that made it.
    public var signature: (path: String, key: SSHKeyFingerprint)?
    /// Secret findings shipped with `--allow-secrets`, and dirty files shipped with `--allow-dirty`.
    public var warnings: [Diagnostic]
}

/// Packs an assessed workspace into a BagIt 1.0 bag inside a zip or tar.gz (see `BundleLayout`, `BundlePlan`).
///
/// Reproducible: entries in byte order of their names, mtimes from commit times clamped to the bundle
/// time, fixed owner and modes (see `ArchiveWriter`); the same commit and bundle time give the same bytes.
/// Each workspace file is opened once, without following links, read, hashed (SHA-256 and SHA-512) and
/// scanned for secrets on a second thread ahead of the writer, which compresses; memory stays within eight
/// 256 KiB chunks in flight. The digests read are remembered in the work tree's digest cache for the next site.
public struct Bundler {
    public var assessment: Assessment
    public var options: BundleOptions
    public var renderSite: SiteRendering
    /// Called after each chunk read from the workspace.
    public var progress: ((BundleProgress) -> Void)?

    public init(
        assessment: Assessment, options: BundleOptions, renderSite: @escaping SiteRendering,
        progress: ((BundleProgress) -> Void)? = nil
    ) {
        self.assessment = assessment
        self.options = options
        self.renderSite = renderSite
        self.progress = progress
    }

    public func write() throws(BundleError) -> BundleResult {
        do {
            let plan = try BundlePlan(assessment, allowDirty: options.allowDirty, allowSecrets: options.allowSecrets)
            let directory = try outputDirectory()
            return try BundleRun(bundler: self, plan: plan, directory: directory).execute()
        } catch let error as BundleError {
            throw error
        } catch let error as ArchiveError {
            if let underlying = error.underlyingError as? BundleError { throw underlying }
            throw .failed("writing the archive failed: \(error)")
        } catch {
            throw .failed("\(error)")
        }
    }

    /// The output folder, created if needed.
    func outputDirectory() throws(BundleError) -> String {
        let isDefault = options.outputDirectory == nil
        let directory = Workspace(path: options.outputDirectory ?? assessment.workspace.root + "/dist").root
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .failed("cannot create the output folder \(directory): \(error.localizedDescription)")
        }
        let ignore = directory + "/.gitignore"
        if isDefault && !FileManager.default.fileExists(atPath: ignore) {
            _ = FileManager.default.createFile(
                atPath: ignore, contents: Data("# Audit bundles written by `dossier bundle`.\n*\n".utf8))
        }
        return directory
    }
}
