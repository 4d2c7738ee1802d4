/// The kind of an entry as the archive declares it. Only `regularFile` and `directory` are
/// bundle content; the rest are reported so that a verifier can reject them.
public enum ArchiveEntryType: Sendable, Equatable {
    case regularFile, directory, symbolicLink, hardLink
    /// FIFOs, devices, sockets and anything else.
    case other
}

/// One entry's header, copied out of libarchive into Swift values.
///
/// Names are reported exactly as stored, including `../x`, `/etc/x` and duplicates: the reader
/// judges nothing, and never touches the disk.
public struct ArchiveEntryHeader: Sendable, Equatable {
    /// The name decoded as UTF-8; invalid sequences become U+FFFD, so compare ``pathBytes`` when
    /// exactness matters (Swift `String` equality also merges NFC/NFD spellings).
    public var path: String
    /// The name's bytes as stored (for pax, the UTF-8 of its `path` record; for zip and ustar,
    /// the raw header bytes).
    public var pathBytes: [UInt8]
    public var type: ArchiveEntryType
    /// The declared data size, when the header gives one.
    public var size: Int64?
    /// The permission bits (`mode & 0o7777`).
    public var permissions: UInt16
    /// Seconds since the epoch.
    public var modificationTime: Int64
    public var symlinkTarget: String?
    public var hardlinkTarget: String?

    public init(
        path: String, pathBytes: [UInt8], type: ArchiveEntryType, size: Int64?, permissions: UInt16,
        modificationTime: Int64, symlinkTarget: String? = nil, hardlinkTarget: String? = nil
    ) {
        self.path = path
        self.pathBytes = pathBytes
        self.type = type
        self.size = size
        self.permissions = permissions
        self.modificationTime = modificationTime
        self.symlinkTarget = symlinkTarget
        self.hardlinkTarget = hardlinkTarget
    }
}
