/// What the writer records for one regular file. Nothing else about the source file (owner,
/// atime, ctime, nanoseconds, xattrs, ACLs) ever reaches the archive.
public struct ArchiveFileAttributes: Sendable {
    /// Relative, `/`-separated, UTF-8 (see ``ArchiveWriter`` for the names it refuses).
    public var path: String
    /// Mode 0755 when true, else 0644.
    public var isExecutable: Bool
    /// Seconds since the epoch; the nanoseconds are always written as 0. A zip stores MS-DOS
    /// dates, so it clamps this to ``ArchiveWriter/zipEarliestModificationTime`` …
    /// ``ArchiveWriter/zipLatestModificationTime``.
    public var modificationTime: Int64
    /// Exactly the number of bytes that will be passed to ``ArchiveWriter/write(_:)``.
    public var size: Int64
    /// Zip only: `false` stores the bytes as they are (for already-compressed formats such as
    /// PDF, PNG or zip); `true` deflates them. Ignored by tar.gz, which compresses the whole stream.
    public var compress: Bool = true

    public init(
        path: String, isExecutable: Bool = false, modificationTime: Int64, size: Int64,
        compress: Bool = true
    ) {
        self.path = path
        self.isExecutable = isExecutable
        self.modificationTime = modificationTime
        self.size = size
        self.compress = compress
    }
}
