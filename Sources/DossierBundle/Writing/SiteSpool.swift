import DossierConcurrency
import Foundation

/// The bundle's site rendered once, on a thread of its own, into a scratch file, while the writer produces the
/// reports: each file's path, span and digests, so that the bag can declare the sizes up front and the pages
/// are copied into the archive when their turn comes.
///
/// The names are checked as they come: usable in a bag, relative, unique (also on case-insensitive disks)
/// and in byte order.
struct SiteSpool {
    struct Page: Sendable {
        var path: String
        var spooled: Spooled
    }

    /// The scratch file and its pages, handed over whole by the rendering thread.
    private struct Rendered: Sendable {
        var scratch: ScratchFile
        var pages: [Page]
    }

    private let rendering: Future<Rendered>

    init(directory: String, render: @escaping @Sendable () throws -> SitePages) {
        rendering = Future(name: "dossier-site") { try Self.renderAll(directory, render) }
    }

    /// Waits for the rendering to end: the scratch file and its pages, or why the site cannot go in the bag.
    func wait() throws(BundleError) -> (ScratchFile, [Page]) {
        do {
            let rendered = try rendering.value()
            return (rendered.scratch, rendered.pages)
        } catch let error as BundleError {
            throw error
        } catch {
            throw .failed("rendering the site failed: \(error)")
        }
    }

    private static func renderAll(_ directory: String, _ render: () throws -> SitePages) throws(BundleError)
        -> Rendered
    {
        let scratch = try ScratchFile(directory: directory)
        var pages: [Page] = []
        var seen = Set<String>()
        do {
            let files = try render()
            while true {
                var path: String?
                let spooled = try scratch.spool { sink in path = try files(sink) }
                guard let path else { break }
                let bytes = Array(path.utf8)
                let parts = path.split(separator: "/", omittingEmptySubsequences: false)
                if BagPath.problem(with: bytes) != nil || path.hasPrefix("/") || parts.contains("..")
                    || parts.contains("") || parts.contains(".")
                    || !seen.insert(BagPath.collisionKey(path)).inserted
                {
                    throw BundleError.failed("the site renderer produced an unusable or duplicate file name `\(path)`")
                }
                if let last = pages.last, !Array(last.path.utf8).lexicographicallyPrecedes(bytes) {
                    throw BundleError.failed("the site renderer gave `\(path)` out of order (a Dossier bug)")
                }
                pages.append(Page(path: path, spooled: spooled))
            }
        } catch let error as BundleError {
            throw error
        } catch {
            throw .failed("rendering the site failed: \(error)")
        }
        return Rendered(scratch: scratch, pages: pages)
    }
}
