import Glibc

/// Runs a program to completion with `posix_spawn`, feeding stdin and draining stdout and stderr with one
/// `poll` loop, so a chatty stderr can never deadlock a full stdout pipe.
///
/// Foundation's `Process` is not used: on Linux its `waitUntilExit` steps a run loop in 50 ms slices, which
/// added up to a quarter of a second to every `dossier check`. (swift-subprocess is async-only and would bring
/// swift-system; this synchronous runner is all Dossier needs: it spawns git, ssh-keygen and collectors.)
struct ProcessRunner {
    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
        /// Why the runner killed the child, if it did (the status is then 128 + SIGKILL).
        var killed: Limits.Breach?
    }

    /// Bounds for a program that is not git: it runs in a session of its own (no controlling terminal, so it
    /// cannot stop to prompt), and the whole session's process group is killed when time runs out or it
    /// writes more than it may.
    struct Limits {
        enum Breach: Sendable, Equatable {
            case timedOut(seconds: Int)
            case tooMuchOutput(bytes: Int)
        }

        var seconds: Int
        var maxOutputBytes: Int
        /// When set, stderr does not count toward `maxOutputBytes`: only its last this many bytes are kept (a
        /// report needs the end of what a failing command said), and the rest is drained and dropped.
        var stderrTailBytes: Int? = nil
    }

    /// Runs `executable` with `arguments` in `directory` (when nil, the caller changes directory through the
    /// program's own options, e.g. `git -C`). Standard input is `stdin`'s bytes, or the file at `stdinFile`
    /// (opened read-only by the child, so a large file is never held in memory), or empty.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], stdin: [UInt8]? = nil,
        stdinFile: String? = nil, limits: Limits? = nil, directory: String? = nil
    )
        throws -> Result
    {
        signal(SIGPIPE, SIG_IGN)  // a child that exits early must not kill us while we feed its stdin
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        var inPipe: [Int32] = [-1, -1]
        // Close-on-exec from the start (pipe2): collectors are spawned from several threads at once, and a pipe
        // that another thread's child inherited would keep this child's output open until that child ends.
        for index in 0..<3 {
            var fds: [Int32] = [-1, -1]
            if let pipe2 = Self.pipe2 {
                guard pipe2(&fds, O_CLOEXEC) == 0 else { throw ProcessSpawnError(executable: executable, code: errno) }
            } else {
                guard pipe(&fds) == 0 else { throw ProcessSpawnError(executable: executable, code: errno) }
                for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            }
            switch index {
            case 0: outPipe = fds
            case 1: errPipe = fds
            default: inPipe = fds
            }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdinFile {
            posix_spawn_file_actions_addopen(&actions, 0, stdinFile, O_RDONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        if let directory {
            guard let addChdir = Self.addChdir else {
                for fd in inPipe + outPipe + errPipe { close(fd) }
                throw ProcessSpawnError(executable: executable, code: ENOSYS)
            }
            _ = addChdir(&actions, directory)
        }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if limits != nil {
            // A session of its own: no terminal to prompt on, and a process group to kill as one.
            // POSIX_SPAWN_SETSID (glibc 2.26; spawn.h hides it from Swift behind __USE_GNU).
            posix_spawnattr_setflags(&attributes, Int16(Self.spawnSetSID))
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        for fd in [inPipe[0], outPipe[1], errPipe[1]] { close(fd) }
        guard spawned == 0 else {
            for fd in [inPipe[1], outPipe[0], errPipe[0]] { close(fd) }
            throw ProcessSpawnError(executable: executable, code: spawned)
        }

        var input = stdin ?? []
        var inputFD: Int32 = inPipe[1]
        if input.isEmpty {
            close(inputFD)
            inputFD = -1
        } else {
            _ = fcntl(inputFD, F_SETFL, fcntl(inputFD, F_GETFL) | O_NONBLOCK)
        }
        var out: [UInt8] = []
        var err: [UInt8] = []
        var open: [Int32] = [outPipe[0], errPipe[0]]
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var killed: Limits.Breach?
        let deadline = limits.map { Self.monotonicMilliseconds() + Int64($0.seconds) * 1000 }
        while !open.isEmpty || inputFD >= 0 {
            if let limits {
                let counted = limits.stderrTailBytes == nil ? out.count + err.count : out.count
                if counted > limits.maxOutputBytes {
                    killed = .tooMuchOutput(bytes: limits.maxOutputBytes)
                } else if let deadline, Self.monotonicMilliseconds() >= deadline {
                    killed = .timedOut(seconds: limits.seconds)
                }
                if killed != nil {
                    // The whole group: a script's grandchildren hold the pipes open too.
                    kill(-pid, SIGKILL)
                    for fd in open + (inputFD >= 0 ? [inputFD] : []) { close(fd) }
                    break
                }
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if inputFD >= 0 { fds.append(pollfd(fd: inputFD, events: Int16(POLLOUT), revents: 0)) }
            let wait = deadline.map { Int32(clamping: max(0, $0 - Self.monotonicMilliseconds())) } ?? -1
            guard poll(&fds, nfds_t(fds.count), wait) >= 0 else {
                if errno == EINTR { continue }
                break
            }
            for entry in fds where entry.revents != 0 {
                if entry.fd == inputFD {
                    let written = input.withUnsafeBytes { write(inputFD, $0.baseAddress, $0.count) }
                    if written > 0 { input.removeFirst(written) }
                    if written < 0 && errno != EAGAIN || input.isEmpty {
                        close(inputFD)
                        inputFD = -1
                    }
                    continue
                }
                let n = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if entry.fd == outPipe[0] {
                        out += buffer[..<n]
                    } else {
                        err += buffer[..<n]
                        if let tail = limits?.stderrTailBytes, err.count > 2 * tail {
                            err.removeFirst(err.count - tail)
                        }
                    }
                } else if n == 0 || errno != EINTR && errno != EAGAIN {
                    close(entry.fd)
                    open.removeAll { $0 == entry.fd }
                }
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // A bounded child's session may have left processes behind (a daemonised grandchild): end them too.
        if limits != nil { kill(-pid, SIGKILL) }
        if let tail = limits?.stderrTailBytes, err.count > tail { err.removeFirst(err.count - tail) }
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exit, stdout: out, stderr: String(decoding: err, as: UTF8.self), killed: killed)
    }

    private static let spawnSetSID: Int32 = 0x80

    /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29), which spawn.h hides from Swift behind `__USE_GNU`:
    /// looked up once by name, so the child changes directory without a shell in between.
    private static let addChdir:
        (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)? = {
            guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else { return nil }
            return unsafeBitCast(
                symbol,
                to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)
                    .self)
        }()

    /// `pipe2`, which unistd.h also hides behind `__USE_GNU`.
    private static let pipe2: (@convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32)? = {
        guard let symbol = dlsym(nil, "pipe2") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32).self)
    }()

    private static func monotonicMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }

    /// The first executable called `name` on PATH.
    static func find(_ name: String, path: String? = ProcessEnvironment.value("PATH")) -> String? {
        for dir in (path ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}

/// The process environment, read without Foundation.
enum ProcessEnvironment {
    static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    static var all: [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}
