#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process state libarchive silently depends on, pinned so that names and zip dates do not
/// change with the caller's environment.
///
/// **Locale (per thread, restored).** libarchive converts names through the current locale's
/// charset. In the C locale (every Swift program's default) it mangles non-ASCII names, and a name
/// set with `archive_entry_set_pathname_utf8` crashed in `archive_write_header`. Every call into
/// libarchive therefore runs under ``withUTF8Locale(_:)``, which installs a `C.UTF-8` locale on the
/// calling thread only (`uselocale`; only `LC_CTYPE`, the category that decides the charset, is
/// UTF-8, every other category is "C") and restores the thread's previous locale afterwards. The
/// process-wide `setlocale` is never touched, so other threads and the rest of the program keep
/// whatever locale they had.
///
/// **Time zone (process wide, not restored).** libarchive's zip writer turns mtimes into MS-DOS
/// dates with `localtime_r`, so the same input gave different zip bytes under different `TZ`.
/// There is no per-thread time zone in POSIX, so before each zip header ``pinUTCTimeZone()`` sets
/// `TZ=UTC0` in the process environment and calls `tzset()`. This is a deliberate, documented
/// side effect: after Dossier writes a zip, `localtime` in the whole process answers in UTC. It is
/// re-applied before every zip header, so a caller that changes `TZ` between entries or archives
/// cannot make the bytes drift. tar.gz writing does not depend on the time zone and leaves it alone.
enum LibarchiveEnvironment {
    /// The value written to `TZ`: a POSIX rule string that needs no zoneinfo files.
    static let utcTimeZone = "UTC0"

    /// Runs `body` with a UTF-8 locale installed on the calling thread, then restores the thread's
    /// previous locale (even if `body` throws).
    static func withUTF8Locale<T>(_ body: () throws -> T) throws -> T {
        guard let locale = UTF8Locale.shared.handle else {
            throw ArchiveError(
                operation: "newlocale",
                message:
                    "no UTF-8 locale is available (tried \(UTF8Locale.candidates.joined(separator: ", ")))")
        }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return try body()
    }

    /// Like ``withUTF8Locale(_:)`` for cleanup paths that cannot throw: runs `body` under the
    /// UTF-8 locale when one exists, otherwise as is.
    static func withUTF8LocaleIfAvailable(_ body: () -> Void) {
        guard let locale = UTF8Locale.shared.handle else {
            body()
            return
        }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        body()
    }

    /// Makes `localtime_r` answer in UTC for the whole process (see the type's documentation).
    static func pinUTCTimeZone() throws {
        let current = getenv("TZ").map { String(cString: $0) }
        if current != utcTimeZone {
            guard setenv("TZ", utcTimeZone, 1) == 0 else {
                throw ArchiveError(
                    operation: "setenv", message: "could not set TZ=\(utcTimeZone): errno \(errno)")
            }
        }
        // Cheap when nothing changed: glibc compares the TZ string with the one it last parsed.
        tzset()
    }
}

/// One process-lifetime `locale_t` for UTF-8. It is never freed: `uselocale` handles may be shared
/// by any number of threads, and freeing one that a thread still uses is undefined behaviour.
private final class UTF8Locale: @unchecked Sendable {
    // @unchecked: `handle` is written once in `init` and only read afterwards; a `locale_t` made
    // by `newlocale` is immutable and may be installed on several threads at once.

    static let candidates = ["C.UTF-8", "C.utf8", "en_US.UTF-8"]
    static let shared = UTF8Locale()

    let handle: locale_t?

    private init() {
        var found: locale_t?
        for name in Self.candidates {
            if let locale = newlocale(LC_CTYPE_MASK, name, nil) {
                found = locale
                break
            }
        }
        handle = found
    }
}
