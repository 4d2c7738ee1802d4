import Foundation

/// Runs git in a workspace without trusting anything in the repository's own configuration that could run a
/// program or change output formats: no fsmonitor, no pager, no signature display, unquoted paths, no locks.
public struct Git: Sendable {
    public let directory: String
    let executable: String

    /// Where git is installed (found on PATH), or nil.
    public static var executablePath: String? { ProcessRunner.find("git") }

    /// nil when git is not installed.
    public init?(directory: String) {
        guard let executable = ProcessRunner.find("git") else { return nil }
        self.directory = directory
        self.executable = executable
    }

    static let safetyOptions = [
        "--no-pager",
        "-c", "core.fsmonitor=false",
        "-c", "core.quotePath=false",
        "-c", "log.showSignature=false",
        "-c", "diff.external=",
        "-c", "core.hooksPath=/dev/null",
    ]

    /// `overrides` replace variables of Dossier's environment for this call (e.g. `GIT_AUTHOR_NAME`).
    package func run(_ arguments: [String], stdin: [UInt8]? = nil, overrides: [String: String] = [:]) throws
        -> [UInt8]
    {
        var environment = ProcessEnvironment.all.merging(overrides) { _, new in new }
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_PAGER"] = "cat"
        environment["LC_ALL"] = "C"
        environment["LANGUAGE"] = nil
        for key in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_EXTERNAL_DIFF"] { environment[key] = nil }
        let result = try ProcessRunner.run(
            executable, ["-C", directory] + Self.safetyOptions + arguments, environment: environment, stdin: stdin)
        guard result.status == 0 else {
            throw GitError(
                arguments: arguments, status: result.status,
                message: result.stderr.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return result.stdout
    }

    package func text(_ arguments: [String]) throws -> String {
        String(decoding: try run(arguments), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension Array where Element == UInt8 {
    /// Splits on NUL, keeping empty fields (they are separators in git's `-z` formats).
    func nulFields() -> [ArraySlice<UInt8>] {
        split(separator: 0, omittingEmptySubsequences: false)
    }
}
