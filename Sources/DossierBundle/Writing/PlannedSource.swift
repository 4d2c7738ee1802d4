import DossierCore

/// A workspace file the bundle ships under `data/`, as planned before writing starts.
struct PlannedSource: Sendable {
    /// Workspace-relative path bytes; also the path under `data/`.
    var path: [UInt8]
    /// Bytes the file must have when it is read; a file that changed since the scan is an error.
    var size: Int64
    var isExecutable: Bool
    /// The commit time of the newest commit that changed the file, when known.
    var commitTime: Int64?
    /// The inventory entry, for evidence; nil for the control map and narratives.
    var evidence: EvidenceFile?
    /// Set when the working copy differs from the commit (only with `--allow-dirty`).
    var dirty: EvidenceFile.Problem?

    var displayPath: String { EvidenceFile.display(path) }
    /// The name inside the bag's `data/`: the path in Unicode NFC. libarchive writes names in NFC, and a
    /// manifest must list the same bytes the archive holds (NFC/NFD twins are refused by the plan).
    var bagPath: String { BagPath.normalized(displayPath) }
    var isEvidence: Bool { evidence != nil }
}
