import DossierCore
import DossierMarkdown
import Foundation

/// The files of a site, rendered as they are pulled; `diagnostics` is complete once the last was pulled.
public struct SiteFiles: IteratorProtocol {
    enum Item {
        case page(LazyPage)
        case file(SiteFile)

        var path: String {
            switch self {
            case .page(let page): page.path
            case .file(let file): file.path
            }
        }
    }

    /// Pages reach a sink in pieces of about this many bytes.
    public static let pieceSize = 1 << 18

    private let items: [Item]
    private var index = 0
    private let renderPage: (LazyPage, inout [Diagnostic], MustacheOutput) -> Void
    public private(set) var diagnostics: [Diagnostic]
    /// Shared by copies; the helper thread ends when the last copy goes away, however the writer ended.
    var ahead: PageAhead?

    init(
        items: [Item], diagnostics: [Diagnostic],
        render: @escaping (LazyPage, inout [Diagnostic], MustacheOutput) -> Void
    ) {
        self.items = items
        self.diagnostics = diagnostics
        self.renderPage = render
    }

    /// Paths of every file, in the order they are pulled.
    public var paths: [String] { items.map(\.path) }

    /// The same files, with pages rendered ahead on a second thread while the caller writes the current one
    /// (same bytes, same diagnostics). Call before the first pull.
    public func renderingAhead() -> SiteFiles {
        var files = self
        let pages = items.map { item -> LazyPage? in
            if case .page(let page) = item { page } else { nil }
        }
        files.ahead = PageAhead(pages: pages, render: renderPage)
        return files
    }

    /// The path of the file the next pull gives; nil after the last.
    public var nextPath: String? { index < items.count ? items[index].path : nil }

    /// The next file, whole.
    public mutating func next() -> SiteFile? {
        var bytes: [UInt8] = []
        // The sink cannot throw, so neither can the pull.
        guard let path = try! next(into: { bytes += $0 }) else { return nil }
        return SiteFile(path: path, bytes: bytes)
    }

    /// Hands the next file's bytes to `sink` in pieces of about `pieceSize` bytes (a page is rendered into
    /// them as it goes) and returns its path; nil after the last file. A throw from `sink` stops the page.
    public mutating func next(pieceSize: Int = pieceSize, into sink: ([UInt8]) throws -> Void) throws -> String? {
        guard index < items.count else { return nil }
        defer { index += 1 }
        switch items[index] {
        case .file(let file):
            try sink(file.bytes)
            return file.path
        case .page(let lazy):
            if let (bytes, found) = ahead?.take(index) {
                diagnostics += found
                var start = 0
                while start < bytes.count {
                    let end = min(bytes.count, start + pieceSize)
                    try sink(Array(bytes[start..<end]))
                    start = end
                }
                return lazy.path
            }
            var failure: (any Error)?
            withoutActuallyEscaping(sink) { sink in
                let out = MustacheOutput(pieceSize: pieceSize) { piece in
                    guard failure == nil else { return }
                    do { try sink(piece) } catch { failure = error }
                }
                renderPage(lazy, &diagnostics, out)
                out.flush()
            }
            if let failure { throw failure }
            return lazy.path
        }
    }
}
