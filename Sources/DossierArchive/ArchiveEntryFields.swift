internal import CArchive

/// The only metadata the writer puts in a header, set field by field.
///
/// `archive_entry_copy_stat` is never used: it would carry atime, ctime, birthtime, nanoseconds,
/// the caller's uid/gid and inode numbers into the archive and make the bytes depend on the machine.
struct ArchiveEntryFields {
    enum Kind { case regularFile, directory }

    var path: String
    var kind: Kind
    var permissions: Int32
    var size: Int64
    var modificationTime: Int64

    /// Creates a libarchive entry holding exactly these fields, passes it to `body` and frees it.
    /// Must run under ``LibarchiveEnvironment/withUTF8Locale(_:)``.
    func withEntry<T>(operation: String, _ body: (OpaquePointer) throws -> T) throws -> T {
        guard let entry = archive_entry_new() else {
            throw ArchiveError(
                operation: operation, message: "archive_entry_new: out of memory", path: path)
        }
        defer { archive_entry_free(entry) }

        // `update_…_utf8` converts the name to the locale's charset now and reports failure
        // (0), unlike `set_pathname_utf8`, whose unconverted name crashed later in
        // `archive_write_header` under the C locale.
        guard archive_entry_update_pathname_utf8(entry, path) != 0 else {
            throw ArchiveError(
                operation: operation, message: "libarchive could not convert the name from UTF-8",
                path: path)
        }
        switch kind {
        case .regularFile: archive_entry_set_filetype(entry, FileTypeBits.regularFile)
        case .directory: archive_entry_set_filetype(entry, FileTypeBits.directory)
        }
        archive_entry_set_perm(entry, .init(permissions))
        archive_entry_set_size(entry, size)
        archive_entry_set_mtime(entry, time_t(modificationTime), 0)
        archive_entry_set_uid(entry, 0)
        archive_entry_set_gid(entry, 0)
        archive_entry_copy_uname(entry, "root")
        archive_entry_copy_gname(entry, "root")
        // atime, ctime and birthtime stay unset, so neither pax nor zip writes them.
        return try body(entry)
    }
}

/// libarchive's `AE_IF*` values (the header defines them as cast macros, which Swift does not import).
enum FileTypeBits {
    static let regularFile: UInt32 = 0o100_000
    static let directory: UInt32 = 0o040_000
    static let symbolicLink: UInt32 = 0o120_000
}
