internal import CArchive

/// Writes a reproducible zip or tar.gz, one entry at a time, streaming every byte to a sink.
///
/// ```swift
/// let writer = try ArchiveWriter(format: .zip) { bytes in try file.write(bytes) }
/// try writer.addDirectory(path: "bag", modificationTime: t)
/// try writer.beginFile(ArchiveFileAttributes(path: "bag/bagit.txt", modificationTime: t, size: n))
/// try writer.write(chunk)              // as many chunks as needed, adding up to `size`
/// try writer.endFile()
/// try writer.finish()                  // trailers; the archive is complete only after this
/// ```
///
/// **Reproducible.** Each header holds only: the UTF-8 name, the type (regular file or directory),
/// mode 0644 or 0755, the size, the mtime in whole seconds, uid/gid 0 and owner/group `root`.
/// tar.gz is pax-restricted with gzip level 4 and a zero gzip timestamp; zip names carry the UTF-8
/// flag when they are not ASCII, and regular files are deflated at level 4 or stored.
/// See ``LibarchiveEnvironment`` for the locale and time zone this pins while writing: in
/// particular, **writing a zip sets `TZ=UTC0` for the whole process**.
///
/// **Zip dates** are MS-DOS dates and cannot hold times before 1980: mtimes are clamped to
/// ``zipEarliestModificationTime`` … ``zipLatestModificationTime`` (also the limit of the 32-bit
/// Unix time in the zip's extended-timestamp field). tar.gz records any mtime unchanged.
///
/// **Names** must be relative and `/`-separated, without empty, `.` or `..` components, a
/// trailing `/`, backslashes or control characters; the writer refuses anything else rather than
/// produce an archive an auditor's tools would extract somewhere unexpected. It does not detect
/// duplicate names: the caller owns the list of entries.
///
/// **Memory** stays bounded: bytes go to the sink as libarchive produces them (in blocks of
/// ``blockSize``); only the zip central directory (about 100 bytes per entry) is kept until
/// ``finish()``.
///
/// **Errors.** Every libarchive status other than `ARCHIVE_OK` (including `ARCHIVE_WARN`) throws an
/// ``ArchiveError`` carrying `archive_error_string` and the entry path. After any error the writer
/// is spent: every later call throws, and the bytes already given to the sink are not a valid
/// archive and should be discarded. Dropping a writer without ``finish()`` frees libarchive's
/// handle without giving the sink any trailer.
///
/// Not thread-safe: use one writer from one thread at a time.
public final class ArchiveWriter {
    /// 1980-01-01T00:00:00Z, the first instant an MS-DOS date can express.
    public static let zipEarliestModificationTime: Int64 = 315_532_800
    /// 2106-02-07T06:28:15Z, the last second an unsigned 32-bit Unix time can express.
    public static let zipLatestModificationTime: Int64 = 4_294_967_295
    /// The size of the writes libarchive hands to the sink (the last one may be shorter).
    public static let blockSize = 65_536
    /// The fixed deflate level of zip entries and of the gzip stream. Measured on the benchmark's text
    /// exports (86 MiB): level 4 deflates 3x faster than 6 for 18% more compressed text, and since images,
    /// PDFs and recordings are stored, whole bundles stay within a few percent of `zip -6` (BENCHMARKS.md).
    static let compressionLevel = "4"

    /// The format this writer produces.
    public let format: ArchiveFormat
    /// Bytes handed to the sink so far.
    public var bytesWritten: Int64 { output.bytesWritten }

    private var archive: OpaquePointer?
    private let output: SinkContext
    private var state: State = .ready

    private enum State {
        case ready
        case inFile(path: String, size: Int64, written: Int64)
        case failed
        case finished
    }

    /// Creates a writer whose output goes to `sink`, in order, in blocks of at most ``blockSize``.
    ///
    /// `sink` runs synchronously inside the writer's calls, on the caller's thread. When it
    /// throws, the writer call that triggered it throws an ``ArchiveError`` whose
    /// `underlyingError` is the sink's error.
    public init(format: ArchiveFormat, sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        self.format = format
        self.output = SinkContext(sink: sink)
        guard let archive = archive_write_new() else {
            throw ArchiveError(operation: "archive_write_new", message: "out of memory")
        }
        self.archive = archive
        do {
            try LibarchiveEnvironment.withUTF8Locale {
                try configure(archive)
                try open(archive)
            }
        } catch {
            abandon()
            throw error
        }
    }

    deinit {
        abandon()
    }

    // MARK: - Entries

    /// Adds a directory entry (mode 0755). libarchive appends the trailing `/` to the name.
    public func addDirectory(path: String, modificationTime: Int64) throws {
        let operation = "addDirectory"
        try requireReady(operation, path: path)
        try validate(path, operation)
        let fields = ArchiveEntryFields(
            path: path, kind: .directory, permissions: 0o755, size: 0,
            modificationTime: headerTime(modificationTime))
        try fail(on: operation, path: path) {
            try writeHeader(fields, compress: false)
            try finishEntry(path: path)
        }
    }

    /// Starts a regular file of exactly `attributes.size` bytes; follow with ``write(_:)`` calls
    /// and ``endFile()``.
    public func beginFile(_ attributes: ArchiveFileAttributes) throws {
        let operation = "beginFile"
        let path = attributes.path
        try requireReady(operation, path: path)
        try validate(path, operation)
        guard attributes.size >= 0 else {
            state = .failed
            throw ArchiveError(
                operation: operation, message: "negative size \(attributes.size)", path: path)
        }
        let fields = ArchiveEntryFields(
            path: path, kind: .regularFile, permissions: attributes.isExecutable ? 0o755 : 0o644,
            size: attributes.size, modificationTime: headerTime(attributes.modificationTime))
        try fail(on: operation, path: path) {
            try writeHeader(fields, compress: attributes.compress && attributes.size > 0)
        }
        state = .inFile(path: path, size: attributes.size, written: 0)
    }

    /// Appends bytes to the current file. Throws (and spends the writer) if the total would exceed
    /// the size given to ``beginFile(_:)``.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard case .inFile(let path, let size, let written) = state else {
            throw misuse("write", "no file is open (call beginFile first)")
        }
        guard Int64(bytes.count) <= size - written else {
            state = .failed
            throw ArchiveError(
                operation: "write",
                message:
                    "\(written + Int64(bytes.count)) bytes written but the file was declared as \(size) bytes",
                path: path)
        }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        try fail(on: "write", path: path) {
            try LibarchiveEnvironment.withUTF8Locale {
                var offset = 0
                while offset < bytes.count {
                    let result = archive_write_data(archive, base + offset, bytes.count - offset)
                    guard result > 0 else {
                        throw makeError(
                            status: result, "archive_write_data", archive: archive, path: path,
                            sinkError: output.sinkError)
                    }
                    offset += result
                }
            }
        }
        state = .inFile(path: path, size: size, written: written + Int64(bytes.count))
    }

    /// Ends the current file. Throws (and spends the writer) if fewer bytes than declared were written.
    public func endFile() throws {
        guard case .inFile(let path, let size, let written) = state else {
            throw misuse("endFile", "no file is open (call beginFile first)")
        }
        guard written == size else {
            state = .failed
            throw ArchiveError(
                operation: "endFile", message: "only \(written) of the declared \(size) bytes were written",
                path: path)
        }
        try fail(on: "endFile", path: path) {
            try LibarchiveEnvironment.withUTF8Locale { try finishEntry(path: path) }
        }
        state = .ready
    }

    /// Adds a whole regular file from memory: `beginFile`, one `write`, `endFile`.
    public func addFile(
        path: String, contents: [UInt8], modificationTime: Int64, isExecutable: Bool = false,
        compress: Bool = true
    ) throws {
        try beginFile(
            ArchiveFileAttributes(
                path: path, isExecutable: isExecutable, modificationTime: modificationTime,
                size: Int64(contents.count), compress: compress))
        try contents.withUnsafeBytes { try write($0) }
        try endFile()
    }

    // MARK: - Closing

    /// Writes the trailers (tar end blocks and gzip footer, or the zip central directory), hands
    /// the last bytes to the sink and frees libarchive's handle. Any later call throws.
    public func finish() throws {
        switch state {
        case .finished:
            throw misuse("finish", "the archive is already finished")
        case .failed:
            abandon()
            throw misuse("finish", "an earlier error left the archive incomplete")
        case .inFile(let path, _, _):
            state = .failed
            abandon()
            throw ArchiveError(
                operation: "finish", message: "the file was not ended (call endFile first)", path: path)
        case .ready:
            break
        }
        guard let archive else { throw misuse("finish", "the archive is already closed") }
        self.archive = nil
        state = .failed
        var failure: ArchiveError?
        LibarchiveEnvironment.withUTF8LocaleIfAvailable {
            let closed = archive_write_close(archive)
            if closed != ARCHIVE_OK {
                failure = makeError(
                    status: Int(closed), "archive_write_close", archive: archive, path: nil,
                    sinkError: output.sinkError)
                output.discard = true
            }
            let freed = archive_write_free(archive)
            if failure == nil, freed != ARCHIVE_OK {
                failure = makeError(status: Int(freed), "archive_write_free", archive: nil, path: nil)
            }
        }
        if let failure { throw failure }
        state = .finished
    }

    // MARK: - libarchive calls

    private func configure(_ archive: OpaquePointer) throws {
        switch format {
        case .zip:
            try check(
                archive_write_set_format_zip(archive), "archive_write_set_format_zip", archive: archive,
                path: nil)
            try check(
                archive_write_add_filter_none(archive), "archive_write_add_filter_none", archive: archive,
                path: nil)
            try setOption(archive, "zip", "hdrcharset", "UTF-8")
            try setOption(archive, "zip", "compression-level", Self.compressionLevel)
        case .tarGzip:
            try check(
                archive_write_set_format_pax_restricted(archive), "archive_write_set_format_pax_restricted",
                archive: archive, path: nil)
            try check(
                archive_write_add_filter_gzip(archive), "archive_write_add_filter_gzip", archive: archive,
                path: nil)
            try setOption(archive, "gzip", "compression-level", Self.compressionLevel)
            try setOption(archive, "gzip", "timestamp", nil)
        }
        try check(
            archive_write_set_bytes_per_block(archive, Int32(Self.blockSize)),
            "archive_write_set_bytes_per_block",
            archive: archive, path: nil)
        // 1: do not pad the last block with zeros (libarchive pads to a whole block by default,
        // which would leave garbage after the zip's end record and the gzip trailer).
        try check(
            archive_write_set_bytes_in_last_block(archive, 1), "archive_write_set_bytes_in_last_block",
            archive: archive, path: nil)
    }

    /// Sets `module:option=value`, or `module:!option` when `value` is nil.
    private func setOption(
        _ archive: OpaquePointer, _ module: String, _ option: String, _ value: String?
    ) throws {
        let spelled = value.map { "\(module):\(option)=\($0)" } ?? "\(module):!\(option)"
        let status =
            module == "gzip"
            ? archive_write_set_filter_option(archive, module, option, value)
            : archive_write_set_format_option(archive, module, option, value)
        try check(status, "set option \(spelled)", archive: archive, path: nil)
    }

    private func open(_ archive: OpaquePointer) throws {
        let context = Unmanaged.passUnretained(output).toOpaque()
        let status = archive_write_open2(
            archive, context, nil,
            { _, context, buffer, length in
                guard let context else { return -1 }
                let output = Unmanaged<SinkContext>.fromOpaque(context).takeUnretainedValue()
                return output.write(UnsafeRawBufferPointer(start: buffer, count: length))
            },
            nil, nil)
        try check(
            status, "archive_write_open2", archive: archive, path: nil, sinkError: output.sinkError)
    }

    private func writeHeader(_ fields: ArchiveEntryFields, compress: Bool) throws {
        try LibarchiveEnvironment.withUTF8Locale {
            if format == .zip {
                if fields.kind == .regularFile {
                    // The option form (`zip:compression=store`) is refused once the archive is
                    // open ("should be in state 'new'"); these two calls are allowed between
                    // entries, and libarchive reads the choice at each header.
                    if compress {
                        try check(
                            archive_write_zip_set_compression_deflate(archive),
                            "archive_write_zip_set_compression_deflate", archive: archive, path: fields.path)
                    } else {
                        try check(
                            archive_write_zip_set_compression_store(archive),
                            "archive_write_zip_set_compression_store", archive: archive, path: fields.path)
                    }
                }
                try LibarchiveEnvironment.pinUTCTimeZone()
            }
            try fields.withEntry(operation: "archive_write_header") { entry in
                try check(
                    archive_write_header(archive, entry), "archive_write_header", archive: archive,
                    path: fields.path,
                    sinkError: output.sinkError)
            }
        }
    }

    private func finishEntry(path: String) throws {
        try check(
            archive_write_finish_entry(archive), "archive_write_finish_entry", archive: archive,
            path: path,
            sinkError: output.sinkError)
    }

    // MARK: - Helpers

    private func headerTime(_ time: Int64) -> Int64 {
        guard format == .zip else { return time }
        return min(max(time, Self.zipEarliestModificationTime), Self.zipLatestModificationTime)
    }

    private func requireReady(_ operation: String, path: String) throws {
        switch state {
        case .ready: return
        case .inFile(let open, _, _):
            state = .failed
            throw ArchiveError(
                operation: operation, message: "the file \"\(open)\" was not ended", path: path)
        case .failed:
            throw misuse(operation, "an earlier error left the archive incomplete", path: path)
        case .finished: throw misuse(operation, "the archive is already finished", path: path)
        }
    }

    private func validate(_ path: String, _ operation: String) throws {
        if let problem = ArchivePath.problem(with: path) {
            state = .failed
            throw ArchiveError(operation: operation, message: problem, path: path)
        }
    }

    /// Runs `body`; if it throws, the writer is spent.
    private func fail(on operation: String, path: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            state = .failed
            throw error
        }
    }

    private func misuse(_ operation: String, _ message: String, path: String? = nil) -> ArchiveError {
        ArchiveError(operation: operation, message: message, path: path)
    }

    /// Frees the handle without letting any trailer reach the sink.
    private func abandon() {
        guard let archive else { return }
        output.discard = true
        LibarchiveEnvironment.withUTF8LocaleIfAvailable { _ = archive_write_free(archive) }
        self.archive = nil
    }
}
