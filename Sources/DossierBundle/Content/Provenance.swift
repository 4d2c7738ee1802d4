import DossierCore

/// `provenance.csv`: where each shipped evidence file came from, one row per file in path order.
enum Provenance {
    static let header = ["path", "size", "sha256", "commit", "author", "date", "dated_by", "dirty"]

    /// `digests` maps evidence path bytes to SHA-256 hex. Every column but `sha256` is known before the files
    /// are read, and SHA-256 hex always has 64 digits: the document's size does not depend on the digests,
    /// which lets the bundle declare its Payload-Oxum before the evidence is hashed.
    static func csv(_ evidence: [PlannedSource], digests: [[UInt8]: String]) -> [UInt8] {
        var table = CSVTable(header: header)
        for source in evidence {
            let file = source.evidence
            table.append([
                source.bagPath,
                String(source.size),
                digests[source.path] ?? "",
                file?.commit?.hash ?? "",
                file?.commit?.author ?? "",
                file?.date?.description ?? "",
                file?.dateSource?.rawValue ?? "",
                source.dirty?.rawValue ?? "no",
            ])
        }
        return table.bytes
    }
}
