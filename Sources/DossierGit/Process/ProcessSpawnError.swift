import Glibc

/// A child process could not be started at all (as opposed to one that ran and failed).
struct ProcessSpawnError: Error, CustomStringConvertible {
    var executable: String
    var code: Int32
    var description: String { "cannot run \(executable): \(String(cString: strerror(code)))" }
}
