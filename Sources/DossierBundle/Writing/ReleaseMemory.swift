#if canImport(Glibc)
    import Glibc
#endif

/// Hands freed heap back to the system after the bundle's large transient allocations (the sizing pass of
/// the site, a multi-megabyte page or report). glibc keeps freed blocks for reuse, so without this the
/// process's resident size stays at its first high-water mark for the rest of the run (measured on the
/// large benchmark workspace: 20,000 files).
enum ReleaseMemory {
    static let largeEntry: Int64 = 1 << 20

    /// glibc's `malloc_trim`, which Swift's Glibc module does not export; nil on other C libraries.
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") else { return nil }
            return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
            return nil
        #endif
    }()

    static func now() {
        _ = trim?(0)
    }

    static func afterLarge(_ size: Int64) {
        if size >= largeEntry { now() }
    }
}
