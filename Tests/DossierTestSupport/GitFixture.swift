import Foundation

/// A throwaway git repository for tests: write files, commit them at chosen dates.
public final class GitFixture: @unchecked Sendable {
    public let directory: TemporaryDirectory
    public var path: String { directory.path }

    public init(_ label: String = "dossier-git") {
        directory = TemporaryDirectory(label)
        git("init", "-q", "-b", "main")
    }

    /// Runs git in the repository with a fixed identity; returns stdout. Fails the process on error.
    @discardableResult
    public func git(_ arguments: String..., environment: [String: String] = [:]) -> String {
        run(arguments, environment: environment)
    }

    @discardableResult
    public func run(_ arguments: [String], environment: [String: String] = [:]) -> String {
        var env = ProcessInfo.processInfo.environment
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GIT_AUTHOR_NAME"] = env["GIT_AUTHOR_NAME"] ?? "Ada Auditor"
        env["GIT_AUTHOR_EMAIL"] = "ada@example.com"
        env["GIT_COMMITTER_NAME"] = "Ada Auditor"
        env["GIT_COMMITTER_EMAIL"] = "ada@example.com"
        for (k, v) in environment { env[k] = v }
        let result = Command.run("/usr/bin/env", ["git"] + arguments, in: path, environment: env)
        precondition(result.status == 0, "git \(arguments) failed: \(result.stderr)")
        return result.stdout
    }

    @discardableResult
    public func write(_ relative: String, _ contents: String) -> GitFixture {
        directory.write(relative, contents)
        return self
    }

    /// Stages everything and commits with author and committer date `date` (`YYYY-MM-DD`, noon UTC).
    @discardableResult
    public func commit(_ message: String = "evidence", date: String, author: String? = nil) -> String {
        git("add", "-A")
        var env = ["GIT_AUTHOR_DATE": "\(date)T12:00:00Z", "GIT_COMMITTER_DATE": "\(date)T12:00:00Z"]
        if let author { env["GIT_AUTHOR_NAME"] = author }
        run(["commit", "-q", "--allow-empty", "-m", message], environment: env)
        return git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
