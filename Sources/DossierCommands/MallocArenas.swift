#if canImport(Glibc)
    import Glibc
#endif

/// Keeps every thread's allocations in glibc's one main arena.
///
/// glibc gives each thread that allocates while another holds the main arena an arena of its own (up to eight
/// per core), and memory freed there is kept for that thread: on the large benchmark workspace the page
/// renderer's and the file reader's arenas held 14–17 MiB at the peak, on top of the main heap. Dossier's
/// threads allocate little per chunk and page, so sharing one arena cost nothing beyond the noise (bundle of
/// medium-spread, release builds alternated three times on a loaded machine: 9.11 s against 8.87 s) and brings
/// the peak of `build` on large-spread from 106 to 98 MiB.
enum MallocArenas {
    /// glibc's `M_ARENA_MAX` parameter of `mallopt`.
    private static let arenaMax: Int32 = -8

    static func useOne() {
        #if canImport(Glibc)
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "mallopt") else { return }
            let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
            _ = mallopt(arenaMax, 1)
        #endif
    }
}
