import DossierCore

/// `provenance.csv`: where each shipped evidence file came from, one row per file in path order.
enum Provenance {
    static let header = [
        "path", "size", "sha256", "commit", "author", "date", "dated_by", "dirty", "collected_by", "signature",
        "signer", "key_fingerprint", "backdated",
    ]

    /// `digests` maps evidence path bytes to SHA-256 hex. Every column but `sha256` is known before the files
    /// are read, and SHA-256 hex always has 64 digits: the document's size does not depend on the digests,
    /// which lets the bundle declare its Payload-Oxum before the evidence is hashed.
    /// `signature` is git's verdict on the file's newest commit (`verified`, `unverified`, `bad`, `unsigned`),
    /// `backdated` whether the commit that dates the file is back-dated (``CommitTrust``); `collected_by` is the
    /// command `dossier collect` ran to gather it (from evidence/collected.yaml).
    static func csv(_ evidence: [PlannedSource], digests: [[UInt8]: String], maxLagDays: Int) -> [UInt8] {
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
                file?.collectedBy ?? "",
                file?.commit?.signature.label ?? "",
                file?.commit?.signature.signer ?? "",
                file?.commit?.signature.fingerprint ?? "",
                file.map { CommitTrust.isBackdated($0, maxLagDays: maxLagDays) ? "yes" : "no" } ?? "",
            ])
        }
        return table.bytes
    }
}
