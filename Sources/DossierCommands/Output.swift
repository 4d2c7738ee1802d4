import Foundation

/// Writes to stdout/stderr and decides whether colour is welcome.
///
/// Writes go straight to the file descriptors: Foundation's `FileHandle.write` traps (`try!`) when the reader
/// has gone away, as it has in `dossier check --json | head -1`. A closed pipe ends the program quietly instead,
/// as it ends `git log | head`: see `endQuietlyOnClosedPipe()`.
enum Output {
    static func write(_ text: String) {
        write(Array(text.utf8))
    }

    static func write(_ bytes: [UInt8]) {
        write(bytes, to: STDOUT_FILENO)
    }

    static func error(_ text: String) {
        write(Array((text.hasSuffix("\n") ? text : text + "\n").utf8), to: STDERR_FILENO)
    }

    /// Writes what the progress bar draws on stderr, without adding a newline.
    static func errorRaw(_ text: String) {
        write(Array(text.utf8), to: STDERR_FILENO)
    }

    /// Restores the default action of SIGPIPE (the Swift runtime ignores it), so that writing to a pipe whose
    /// reader has gone away ends the program silently, whoever writes: Dossier or ArgumentParser's help.
    static func endQuietlyOnClosedPipe() {
        signal(SIGPIPE, SIG_DFL)
    }

    /// Colour only on a terminal, and never when NO_COLOR is set or TERM is dumb.
    static func colour(fd: Int32 = 1) -> Bool {
        let env = ProcessInfo.processInfo.environment
        if env["NO_COLOR"].map({ !$0.isEmpty }) == true || env["TERM"] == "dumb" { return false }
        return isatty(fd) == 1
    }

    /// Writes every byte, retrying short writes and interruptions. A closed reader (EPIPE, when SIGPIPE is
    /// blocked by whoever started us) ends the program as SIGPIPE would: status 141, nothing printed.
    private static func write(_ bytes: [UInt8], to fd: Int32) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else if n < 0 && errno == EPIPE {
                    _exit(128 + SIGPIPE)
                } else {
                    return  // Nowhere left to say it: a full disk or a closed descriptor.
                }
            }
        }
    }
}
