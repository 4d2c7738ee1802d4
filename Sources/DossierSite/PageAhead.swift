import DossierConcurrency
import DossierCore
import Foundation

/// Renders a site's pages ahead of the writer on a second thread, so that `dossier build` uses two cores.
///
/// Every other page is the helper's: while the writer renders a page straight into its file, the helper
/// renders the next of its own into memory and hands it over through a `HandOff`, at most `window / 2` pages
/// ahead, so at most that many rendered pages are held. The bytes and the diagnostics (handed over in page
/// order) are those of rendering in order, because a page is a pure function of the site's data.
final class PageAhead {
    private struct Rendered: Sendable {
        var index: Int
        var bytes: [UInt8]
        var diagnostics: [Diagnostic]
    }

    /// What the helper's thread reads. The pages' data (`[String: Any]` template values) cannot say it is
    /// safe to read from two threads, but nobody changes it while pages render, which is what makes rendering
    /// ahead give the same bytes at all.
    private struct Job: @unchecked Sendable {
        let pages: [LazyPage?]
        let render: (LazyPage, inout [Diagnostic], MustacheOutput) -> Void
    }

    /// Whether the helper renders item `i`: every second page.
    private let helps: [Bool]
    private let handOff: HandOff<Rendered>

    /// `pages[i]` is the page at item `i`, nil for an item that is not rendered (an asset, a copy).
    init(
        pages: [LazyPage?], window: Int = 8, render: @escaping (LazyPage, inout [Diagnostic], MustacheOutput) -> Void
    ) {
        var ordinal = 0
        let helps = pages.map { page in
            guard page != nil else { return false }
            ordinal += 1
            return ordinal % 2 == 0
        }
        self.helps = helps
        let job = Job(pages: pages, render: render)
        handOff = HandOff(name: "dossier-pages", capacity: max(1, window / 2)) { sender in
            for index in helps.indices where helps[index] {
                var diagnostics: [Diagnostic] = []
                let out = MustacheOutput()
                job.render(job.pages[index]!, &diagnostics, out)
                guard sender.send(Rendered(index: index, bytes: out.bytes, diagnostics: diagnostics)) else { return }
            }
        }
    }

    /// For the writer at item `index` (asked in order): the page's bytes and diagnostics when it is the
    /// helper's (waiting while it renders it), or nil when the writer is to render it itself.
    func take(_ index: Int) -> ([UInt8], [Diagnostic])? {
        guard helps[index], let rendered = try? handOff.next() else { return nil }
        precondition(rendered.index == index, "pages taken out of order")
        return (rendered.bytes, rendered.diagnostics)
    }
}
