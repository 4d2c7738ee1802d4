internal import CArchive

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams the entries of a zip or tar (ustar, pax, GNU), plain or gzip-compressed, detected by
/// content. A zip is read through its central directory, so one without an intact end record is
/// an error. It never extracts: headers come back as values and data in the caller's buffers, so a
/// verifier can hash an archive that names `../../etc/passwd` without any risk.
///
/// ```swift
/// let reader = try ArchiveReader(path: "bundle.zip")
/// while let header = try reader.nextEntry() {
///     var n = 0
///     repeat { n = try reader.read(into: buffer); hash(buffer.prefix(n)) } while n > 0
/// }
/// try reader.close()
/// ```
///
/// Every libarchive status other than `ARCHIVE_OK` (including `ARCHIVE_WARN`, e.g. a name that is
/// not valid UTF-8 in a pax record, or a malformed extended header) throws an ``ArchiveError``
/// with `archive_error_string` and the entry path; after that the reader is spent. Garbage,
/// empty and truncated files are errors, not crashes or hangs.
///
/// Integrity: zip entries are checked against their CRC-32. A gzip stream is **not**: libarchive
/// 3.6.2 skips the gzip trailer's CRC and length, and tar stores no data checksum, so damage
/// inside incompressible tar.gz data reads back silently. Hash what you read (the bag manifests).
///
/// Not thread-safe: use one reader from one thread at a time.
public final class ArchiveReader {
    /// libarchive's read size for `archive_read_open_filename`.
    public static let blockSize = 10_240

    /// The file being read.
    public let path: String
    private var archive: OpaquePointer?
    private var state: State = .beforeFirstEntry

    private enum State {
        case beforeFirstEntry
        case inEntry(path: String)
        case atEnd
        case failed
        case closed
    }

    /// Opens `path` for reading. Formats are detected on the first ``nextEntry()``.
    public init(path: String) throws {
        self.path = path
        guard let archive = archive_read_new() else {
            throw ArchiveError(operation: "archive_read_new", message: "out of memory", path: path)
        }
        self.archive = archive
        do {
            try LibarchiveEnvironment.withUTF8Locale {
                // Zip: only the seekable reader, which starts from the central directory like
                // unzip and python do. `_zip` would also register the streaming reader, which
                // walks local headers and accepts a zip whose end record was cut off.
                // `_tar` covers ustar, pax and GNU tar (registering `_gnutar` too would be a
                // duplicate, which libarchive reports as ARCHIVE_WARN).
                try check(
                    archive_read_support_format_zip_seekable(archive),
                    "archive_read_support_format_zip_seekable",
                    archive: archive, path: path)
                try check(
                    archive_read_support_format_tar(archive), "archive_read_support_format_tar",
                    archive: archive, path: path)
                try check(
                    archive_read_support_filter_gzip(archive), "archive_read_support_filter_gzip",
                    archive: archive, path: path)
                try check(
                    archive_read_support_filter_none(archive), "archive_read_support_filter_none",
                    archive: archive, path: path)
                try check(
                    archive_read_open_filename(archive, path, Self.blockSize), "archive_read_open_filename",
                    archive: archive, path: path)
            }
        } catch {
            release()
            throw error
        }
    }

    deinit {
        release()
    }

    /// The next entry's header, or `nil` after the last one. Unread data of the current entry is
    /// skipped.
    public func nextEntry() throws -> ArchiveEntryHeader? {
        switch state {
        case .beforeFirstEntry, .inEntry: break
        case .atEnd: return nil
        case .failed: throw misuse("nextEntry", "an earlier error left the reader unusable")
        case .closed: throw misuse("nextEntry", "the reader is closed")
        }
        do {
            return try LibarchiveEnvironment.withUTF8Locale { () throws -> ArchiveEntryHeader? in
                var entry: OpaquePointer?
                let status = archive_read_next_header(archive, &entry)
                if status == ARCHIVE_EOF {
                    state = .atEnd
                    return nil
                }
                let name = entry.map { Self.pathBytes(of: $0) }.map { String(decoding: $0, as: UTF8.self) }
                try check(status, "archive_read_next_header", archive: archive, path: name)
                guard let entry else {
                    throw ArchiveError(operation: "archive_read_next_header", message: "no entry returned")
                }
                let header = Self.header(of: entry)
                state = .inEntry(path: header.path)
                return header
            }
        } catch {
            state = .failed
            throw error
        }
    }

    /// Reads the current entry's data into `buffer`; returns the number of bytes read, 0 at the
    /// end of the entry (at once for directories and links).
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard case .inEntry(let entryPath) = state else {
            throw misuse("read", "no entry is current (call nextEntry first)")
        }
        guard let base = buffer.baseAddress, !buffer.isEmpty else {
            throw misuse("read", "the buffer is empty", path: entryPath)
        }
        do {
            return try LibarchiveEnvironment.withUTF8Locale {
                let count = archive_read_data(archive, base, buffer.count)
                guard count >= 0 else {
                    throw makeError(status: count, "archive_read_data", archive: archive, path: entryPath)
                }
                return count
            }
        } catch {
            state = .failed
            throw error
        }
    }

    /// Closes the file and frees libarchive's handle. Any later call throws.
    public func close() throws {
        if case .closed = state { throw misuse("close", "the reader is already closed") }
        state = .closed
        guard let archive else { return }
        self.archive = nil
        var failure: ArchiveError?
        LibarchiveEnvironment.withUTF8LocaleIfAvailable {
            let closed = archive_read_close(archive)
            if closed != ARCHIVE_OK {
                failure = makeError(status: Int(closed), "archive_read_close", archive: archive, path: path)
            }
            let freed = archive_read_free(archive)
            if failure == nil, freed != ARCHIVE_OK {
                failure = makeError(status: Int(freed), "archive_read_free", archive: nil, path: path)
            }
        }
        if let failure { throw failure }
    }

    // MARK: - Copying an entry out of libarchive

    private static func header(of entry: OpaquePointer) -> ArchiveEntryHeader {
        let bytes = pathBytes(of: entry)
        let hardlink = archive_entry_hardlink(entry).map { String(cString: $0) }
        let symlink = archive_entry_symlink(entry).map { String(cString: $0) }
        let type: ArchiveEntryType
        if hardlink != nil {
            // tar marks a hard link as a regular file that has a link target.
            type = .hardLink
        } else {
            switch UInt32(archive_entry_filetype(entry)) {
            case FileTypeBits.regularFile: type = .regularFile
            case FileTypeBits.directory: type = .directory
            case FileTypeBits.symbolicLink: type = .symbolicLink
            default: type = .other
            }
        }
        return ArchiveEntryHeader(
            path: String(decoding: bytes, as: UTF8.self),
            pathBytes: bytes,
            type: type,
            size: archive_entry_size_is_set(entry) != 0 ? archive_entry_size(entry) : nil,
            permissions: UInt16(truncatingIfNeeded: archive_entry_perm(entry) & 0o7777),
            modificationTime: Int64(archive_entry_mtime(entry)),
            symlinkTarget: symlink,
            hardlinkTarget: hardlink)
    }

    /// The name as the locale-charset (UTF-8 here) string libarchive holds: the stored bytes for
    /// zip and ustar, the decoded `path` record for pax.
    private static func pathBytes(of entry: OpaquePointer) -> [UInt8] {
        guard let name = archive_entry_pathname(entry) ?? archive_entry_pathname_utf8(entry) else {
            return []
        }
        return Array(
            UnsafeRawBufferPointer(start: name, count: strlen(name)).bindMemory(to: UInt8.self))
    }

    // MARK: - Helpers

    private func misuse(_ operation: String, _ message: String, path: String? = nil) -> ArchiveError {
        ArchiveError(operation: operation, message: message, path: path ?? self.path)
    }

    private func release() {
        guard let archive else { return }
        LibarchiveEnvironment.withUTF8LocaleIfAvailable { _ = archive_read_free(archive) }
        self.archive = nil
    }
}
