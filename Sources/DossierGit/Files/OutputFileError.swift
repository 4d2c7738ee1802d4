import Glibc

/// Why a file Dossier writes for the user could not be written.
public struct OutputFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var code: Int32

    public init(path: String, code: Int32) {
        self.path = path
        self.code = code
    }

    public var description: String { "cannot write \(path): \(String(cString: strerror(code)))" }
}
