import DossierCore
import Foundation

/// Renders a site's pages ahead of the writer on a second thread, so that `dossier build` uses two cores.
///
/// Every other page is the helper's: while the writer renders a page straight into its file, the helper
/// renders the next one into memory, and the writer takes its bytes when it gets there (a page the helper has
/// not started by then the writer renders itself). The helper works at most `window` items ahead of the
/// writer, so at most that many rendered pages are held.
/// The bytes and the diagnostics (handed over in page order) are those of rendering in order, because a
/// page is a pure function of the site's data, which nobody changes while pages render.
final class PageAhead: @unchecked Sendable {
    private enum Slot {
        case open, writer, helper, taken
        case rendered([UInt8], [Diagnostic])

        var isOpen: Bool {
            if case .open = self { true } else { false }
        }
    }

    private let condition = NSCondition()
    private var slots: [Slot]
    private let pages: [LazyPage?]
    /// Whether the helper renders item `i`: every second page.
    private let helps: [Bool]
    private let render: (LazyPage, inout [Diagnostic], MustacheOutput) -> Void
    private let window: Int
    private var writerAt = 0
    private var stopped = false

    /// `pages[i]` is the page at item `i`, nil for an item that is not rendered (an asset, a copy).
    init(
        pages: [LazyPage?], window: Int = 8, render: @escaping (LazyPage, inout [Diagnostic], MustacheOutput) -> Void
    ) {
        self.pages = pages
        self.window = window
        self.render = render
        slots = pages.map { $0 == nil ? .taken : .open }
        var ordinal = 0
        helps = pages.map { page in
            guard page != nil else { return false }
            ordinal += 1
            return ordinal % 2 == 0
        }
        let thread = Thread { [self] in helperLoop() }
        thread.name = "dossier-pages"
        thread.start()
    }

    /// For the writer at item `index`: the page's bytes and diagnostics when the helper rendered it (waiting
    /// while it renders it), or nil when the writer is to render it itself.
    func take(_ index: Int) -> ([UInt8], [Diagnostic])? {
        condition.lock()
        defer { condition.unlock() }
        writerAt = index
        condition.broadcast()
        while true {
            switch slots[index] {
            case .open:
                slots[index] = .writer
                return nil
            case .rendered(let bytes, let diagnostics):
                slots[index] = .taken
                return (bytes, diagnostics)
            case .helper:
                condition.wait()
            case .writer, .taken:
                return nil
            }
        }
    }

    /// Ends the helper once it finishes the page in hand (the writer is done or gave up).
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func helperLoop() {
        condition.lock()
        while !stopped {
            let end = min(slots.count, writerAt + 1 + window)
            let candidates = min(writerAt + 1, end)..<end
            guard let next = candidates.first(where: { helps[$0] && slots[$0].isOpen }) else {
                if writerAt + 1 >= slots.count { break }
                condition.wait()
                continue
            }
            slots[next] = .helper
            condition.unlock()
            var diagnostics: [Diagnostic] = []
            let out = MustacheOutput()
            render(pages[next]!, &diagnostics, out)
            condition.lock()
            slots[next] = .rendered(out.bytes, diagnostics)
            condition.broadcast()
        }
        condition.unlock()
    }
}

/// Stops the helper when the last copy of the `SiteFiles` holding it goes away, however the writer ended.
final class PageAheadOwner {
    let ahead: PageAhead

    init(_ ahead: PageAhead) { self.ahead = ahead }

    deinit { ahead.stop() }
}
