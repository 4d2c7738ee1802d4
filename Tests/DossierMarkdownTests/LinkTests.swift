import DossierMarkdown
import Foundation
import Testing

@Suite struct LinkTests {
    @Test func collectsLinksAndImagesWithPositions() throws {
        let source =
            "Intro [doc](/a.md) and ![logo](img/logo.png)\n\n> quote [x](https://example.com/x)\n\nRef [r][]\n\n[r]: /ref\n"
        let document = try render(source)
        #expect(
            document.links == [
                MarkdownLink(destination: "/a.md", isImage: false, line: 1, column: 7),
                MarkdownLink(destination: "img/logo.png", isImage: true, line: 1, column: 24),
                MarkdownLink(destination: "https://example.com/x", isImage: false, line: 3, column: 9),
                MarkdownLink(destination: "/ref", isImage: false, line: 5, column: 5),
            ])
    }

    @Test func rewrittenDestinationsAppearInTheHTML() throws {
        let seen = Recorder()
        let document = try render("[policy](policies/access.md) ![d](d.png) [ext](https://x.example)\n") { options in
            options.rewriteDestination = { link in
                seen.append(link)
                return link.destination.hasSuffix(".md") ? link.destination.dropLast(3) + ".html" : nil
            }
        }
        #expect(document.html.contains("<a href=\"policies/access.html\">policy</a>"))
        #expect(document.html.contains("<img src=\"d.png\""))
        #expect(document.html.contains("<a href=\"https://x.example\">ext</a>"))
        #expect(document.links.map(\.destination) == ["policies/access.md", "d.png", "https://x.example"])
        #expect(seen.links == document.links)
    }

    @Test func rewrittenDestinationsAreStillEscaped() throws {
        let document = try render("[x](/a)\n") { $0.rewriteDestination = { _ in "/b\" onmouseover=\"alert(1)&<" } }
        #expect(document.html.contains("<a href=\"/b%22%20onmouseover=%22alert(1)&amp;%3C\">x</a>"))
        #expect(!document.html.contains("\" onmouseover"))
    }

    @Test func linkLinesAreShiftedByFirstLine() throws {
        let document = try render("\n[a](/a)\n") { $0.firstLine = 5 }
        #expect(document.links.map(\.line) == [6])
    }
}

/// Collects the links passed to `rewriteDestination` (a `@Sendable` closure, hence the lock).
private final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [MarkdownLink] = []

    func append(_ link: MarkdownLink) {
        lock.lock()
        defer { lock.unlock() }
        recorded.append(link)
    }

    var links: [MarkdownLink] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}
