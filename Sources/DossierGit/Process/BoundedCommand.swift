import Glibc

/// A program the user named (a collector), run so that it cannot hurt the run that started it: in a folder of
/// Dossier's choosing, with empty standard input, an allow-listed environment, no controlling terminal, a
/// timeout and an output cap that kill its whole process group, and only the tail of its stderr kept.
public struct BoundedCommand: Sendable {
    /// The argument vector; the first word is the program (looked up on the allowed PATH, or relative to
    /// `directory` when it holds a `/`).
    public var arguments: [String]
    /// Absolute folder the program runs in.
    public var directory: String
    /// Exactly the variables the program sees.
    public var environment: [String: String]
    public var timeoutSeconds: Int
    public var maxOutputBytes: Int
    public var stderrTailBytes: Int

    public init(
        arguments: [String], directory: String, environment: [String: String], timeoutSeconds: Int,
        maxOutputBytes: Int, stderrTailBytes: Int = 4096
    ) {
        self.arguments = arguments
        self.directory = directory
        self.environment = environment
        self.timeoutSeconds = timeoutSeconds
        self.maxOutputBytes = maxOutputBytes
        self.stderrTailBytes = stderrTailBytes
    }

    /// The variables named in `names` that are set in Dossier's own environment, plus PATH and HOME.
    public static func environment(allowing names: [String]) -> [String: String] {
        var result: [String: String] = ["PATH": ProcessEnvironment.value("PATH") ?? "/usr/local/bin:/usr/bin:/bin"]
        for name in ["HOME"] + names {
            if let value = ProcessEnvironment.value(name) { result[name] = value }
        }
        return result
    }

    /// How a run ended.
    public struct Result: Sendable {
        /// The exit status, or 128 + the signal that ended it.
        public var status: Int32
        public var stdout: [UInt8]
        /// The last ``BoundedCommand/stderrTailBytes`` bytes of stderr.
        public var stderrTail: String
        public var timedOut: Bool
        public var tooMuchOutput: Bool
        /// Wall-clock milliseconds from spawn to exit.
        public var milliseconds: Int64
    }

    /// Runs the program to completion or until a bound kills it; throws when it cannot be started at all.
    public func run() throws(BoundedCommandError) -> Result {
        guard let program = arguments.first, !program.isEmpty else { throw .notFound("") }
        let executable: String
        if program.contains("/") {
            executable = program.hasPrefix("/") ? program : directory + "/" + program
            guard access(executable, X_OK) == 0 else { throw .notFound(program) }
        } else {
            guard let found = ProcessRunner.find(program, path: environment["PATH"]) else {
                throw .notFound(program)
            }
            executable = found
        }
        let started = Self.milliseconds()
        var result: ProcessRunner.Result?
        // ETXTBSY: another thread of this process was writing an executable (a script a test or a step just
        // wrote) while a spawn elsewhere briefly inherited its descriptor. It clears within milliseconds.
        for attempt in 1...5 where result == nil {
            do {
                result = try ProcessRunner.run(
                    executable, Array(arguments.dropFirst()), environment: environment, stdinFile: "/dev/null",
                    limits: ProcessRunner.Limits(
                        seconds: timeoutSeconds, maxOutputBytes: maxOutputBytes, stderrTailBytes: stderrTailBytes),
                    directory: directory)
            } catch let error as ProcessSpawnError {
                guard error.code == ETXTBSY, attempt < 5 else { throw .cannotStart(program, error.description) }
                usleep(UInt32(20_000 * attempt))
            } catch {
                throw .cannotStart(program, "\(error)")
            }
        }
        guard let result else { throw .cannotStart(program, "cannot run \(program)") }
        return Result(
            status: result.status, stdout: result.stdout, stderrTail: result.stderr,
            timedOut: result.killed == .timedOut(seconds: timeoutSeconds),
            tooMuchOutput: result.killed == .tooMuchOutput(bytes: maxOutputBytes),
            milliseconds: Self.milliseconds() - started)
    }

    private static func milliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}
