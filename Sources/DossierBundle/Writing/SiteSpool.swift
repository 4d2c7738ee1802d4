import Foundation

/// The bundle's site rendered once, on a thread of its own, into a scratch file, while the writer produces the
/// reports: each file's path, span and digests, so that the bag can declare the sizes up front and the pages
/// are copied into the archive when their turn comes.
///
/// The names are checked as they come: usable in a bag, relative, unique (also on case-insensitive disks)
/// and in byte order.
final class SiteSpool: @unchecked Sendable {
    // @unchecked: `outcome` is written by the rendering thread before `done` is signalled and read only after
    // waiting for it; `render` runs on that thread only.
    struct Page {
        var path: String
        var spooled: Spooled
    }

    private let done = DispatchSemaphore(value: 0)
    private var render: (() throws -> SitePages)?
    private let directory: String
    private var outcome: Result<(ScratchFile, [Page]), BundleError>?

    init(directory: String, render: @escaping () throws -> SitePages) {
        self.directory = directory
        self.render = render
        let thread = Thread { [self] in
            outcome = Result { () throws(BundleError) in try renderAll() }
            done.signal()
        }
        thread.name = "dossier-site"
        thread.start()
    }

    /// Waits for the rendering to end: the scratch file and its pages, or why the site cannot go in the bag.
    func wait() throws(BundleError) -> (ScratchFile, [Page]) {
        done.wait()
        return try outcome!.get()
    }

    private func renderAll() throws(BundleError) -> (ScratchFile, [Page]) {
        let scratch = try ScratchFile(directory: directory)
        var pages: [Page] = []
        var seen = Set<String>()
        do {
            let files = try render!()
            render = nil  // what it captured (the predicted digests) need not outlive the rendering
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
        return (scratch, pages)
    }
}
