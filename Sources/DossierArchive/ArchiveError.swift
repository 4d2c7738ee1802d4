internal import CArchive

/// A failure reported by libarchive, by the sink, or by a misuse of the writer or reader.
///
/// `description` reads like `beginFile(data/a.csv): <libarchive's message>`.
public struct ArchiveError: Error, Sendable, CustomStringConvertible {
    /// What was being done: `archive_write_header`, `endFile`, `nextEntry`, …
    public var operation: String
    /// libarchive's own `archive_error_string`, or this module's explanation.
    public var message: String
    /// The entry (or, for `ArchiveReader.init`, the file) concerned, when there is one.
    public var path: String?
    /// The error thrown by the writer's sink, when the sink is what failed.
    public var underlyingError: (any Error)?

    public init(
        operation: String, message: String, path: String? = nil, underlyingError: (any Error)? = nil
    ) {
        self.operation = operation
        self.message = message
        self.path = path
        self.underlyingError = underlyingError
    }

    public var description: String {
        if let path {
            return "\(operation)(\(path)): \(message)"
        }
        return "\(operation): \(message)"
    }
}

// MARK: - The one return-code helper

/// Checks a libarchive status code. Only `ARCHIVE_OK` passes: `ARCHIVE_WARN` (a name that could
/// not be converted, an option nobody understood, …) is a failure like `ARCHIVE_FAILED` and
/// `ARCHIVE_FATAL`, because a bundle that is "mostly right" is wrong.
///
/// - Parameter sinkError: an error the write callback caught; it explains a failure better than
///   libarchive's generic message, so it wins.
func check(
    _ status: Int32, _ operation: String, archive: OpaquePointer?, path: String?,
    sinkError: (any Error)? = nil
) throws {
    guard status != ARCHIVE_OK else { return }
    throw makeError(
        status: Int(status), operation, archive: archive, path: path, sinkError: sinkError)
}

/// Builds the error for a failed call, attaching `archive_error_string` and the entry path.
func makeError(
    status: Int, _ operation: String, archive: OpaquePointer?, path: String?,
    sinkError: (any Error)? = nil
) -> ArchiveError {
    if let sinkError {
        return ArchiveError(
            operation: operation, message: "the output sink failed: \(sinkError)", path: path,
            underlyingError: sinkError)
    }
    var message = archive.flatMap { archive_error_string($0) }.map { String(cString: $0) } ?? ""
    if message.isEmpty {
        message = "libarchive returned \(statusName(status)) without a message"
    } else if status == Int(ARCHIVE_WARN) {
        message += " (a warning, treated as an error)"
    }
    return ArchiveError(operation: operation, message: message, path: path)
}

private func statusName(_ status: Int) -> String {
    switch Int32(truncatingIfNeeded: status) {
    case ARCHIVE_EOF: "ARCHIVE_EOF"
    case ARCHIVE_RETRY: "ARCHIVE_RETRY"
    case ARCHIVE_WARN: "ARCHIVE_WARN"
    case ARCHIVE_FAILED: "ARCHIVE_FAILED"
    case ARCHIVE_FATAL: "ARCHIVE_FATAL"
    default: "status \(status)"
    }
}
