/// The container formats Dossier writes for an audit bundle.
///
/// Both are written reproducibly: the same entries in the same order give the same bytes,
/// whatever the caller's locale, time zone, user or umask.
public enum ArchiveFormat: String, Sendable, CaseIterable {
    /// PKZIP with UTF-8 names; each regular file is deflated or stored (see
    /// ``ArchiveFileAttributes/compress``).
    case zip
    /// POSIX pax (restricted: plain ustar headers unless a name or size needs an extended
    /// header) compressed with gzip at a fixed level and a zero header timestamp.
    case tarGzip = "tar.gz"

    /// The conventional file-name extension, without the leading dot.
    public var fileExtension: String { rawValue }
}
