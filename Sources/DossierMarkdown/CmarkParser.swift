internal import CCmarkGFM
internal import Foundation

/// Owns one `cmark_parser` with Dossier's GFM extensions attached; `deinit` frees it.
///
/// A parser is made per render and used once. Parsing is serialised process-wide (`parseLock`): gfm.6 adds the
/// extensions' trigger characters (`~`, `w`, `:`, `@`, …) to a global table before inline parsing and removes them
/// after, so two parses at once make each other lose strikethrough and autolinks. Rendering needs no lock.
final class CmarkParser {
    /// Options for parsing and rendering. Safe mode is cmark-gfm's default: never add `CMARK_OPT_UNSAFE`,
    /// which would let `<img onerror=…>` and `javascript:` URLs through.
    static let options: Int32 = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES

    /// The GFM extensions GitHub uses for comments and READMEs (`tagfilter` only matters in unsafe mode,
    /// attached anyway as a second line of defence).
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registers the core extensions once per process; Swift runs a static initializer exactly once, thread-safely.
    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Held while cmark-gfm parses (feed and finish), the only steps that touch its global character table.
    private static let parseLock = NSLock()

    private let handle: OpaquePointer

    static let version = String(cString: cmark_version_string())

    init() throws(MarkdownError) {
        _ = Self.registration
        guard let handle = cmark_parser_new(Self.options) else {
            throw .libraryFailure("cmark_parser_new returned NULL")
        }
        self.handle = handle
        for name in Self.extensionNames {
            guard let syntaxExtension = cmark_find_syntax_extension(name) else {
                throw .libraryFailure("the \(name) extension is not registered")
            }
            guard cmark_parser_attach_syntax_extension(handle, syntaxExtension) == 1 else {
                throw .libraryFailure("cannot attach the \(name) extension")
            }
        }
    }

    deinit {
        cmark_parser_free(handle)
    }

    /// Feeds the whole source and finishes the document; the returned tree owns its nodes.
    func parse(_ bytes: [UInt8]) throws(MarkdownError) -> CmarkTree {
        Self.parseLock.lock()
        let root = bytes.withUnsafeBytes { raw in
            if let base = raw.baseAddress {
                cmark_parser_feed(handle, base.assumingMemoryBound(to: CChar.self), raw.count)
            }
            return cmark_parser_finish(handle)
        }
        Self.parseLock.unlock()
        guard let root else {
            throw .libraryFailure("cmark_parser_finish returned NULL")
        }
        return CmarkTree(root: root)
    }

    /// Renders `tree` with this parser's extensions (the table, task list and strikethrough renderers live there).
    func renderHTML(_ tree: CmarkTree) throws(MarkdownError) -> String {
        guard let html = cmark_render_html(tree.root, Self.options, cmark_parser_get_syntax_extensions(handle)) else {
            throw .libraryFailure("cmark_render_html returned NULL")
        }
        // The string comes from cmark's default allocator (the one cmark_parser_new uses): free it with that.
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        return String(cString: html)
    }
}
