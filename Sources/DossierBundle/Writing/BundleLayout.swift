import DossierCore

/// A report in `data/`, generated once into the bundle's scratch file before writing starts.
struct BundleReport {
    var name: String
    var spooled: Spooled
}

/// One entry of the archive, in the order written.
struct BundleEntry {
    enum Content {
        case directory
        /// A workspace file (index into ``BundlePlan/sources``), read once and hashed as it is written.
        case source(Int)
        /// Bytes generated before writing starts.
        case bytes([UInt8])
        /// A report, copied from the scratch file it was generated into (readiness.json is 13 MB for 20,000
        /// files and is never held whole).
        case spooled(Spooled)
        /// `provenance.csv`, the OSCAL export and site pages: they need every evidence digest.
        case provenance
        case oscal
        case sitePage(Int)
        case manifest(DigestAlgorithm)
        case tagManifest(DigestAlgorithm)
    }

    /// Inside the bag's folder; "" is the folder itself.
    var path: String
    var content: Content
    /// Known before writing for every entry but the manifests.
    var size: Int64
    var modificationTime: Int64
    var isExecutable = false

    var isDirectory: Bool { if case .directory = content { true } else { false } }
    var isPayload: Bool { !isDirectory && path.hasPrefix("data/") }
    var needsEvidenceDigests: Bool {
        switch content {
        case .provenance, .oscal, .sitePage: true
        default: false
        }
    }

    /// Entries are written in the byte order of their names as stored (directories end in `/`).
    var sortKey: [UInt8] { path.isEmpty ? [] : Array(path.utf8) + (isDirectory ? [UInt8(ascii: "/")] : []) }
}

/// The bag's layout: tag files at the top, the workspace mirrored under `data/` (each file at its workspace
/// path, so an auditor finds `evidence/access/…` where the control map says), Dossier's reports beside it and
/// the site in `data/site/`.
enum BundleLayout {
    static let payloadFolder = "data"

    static func entries(
        plan: BundlePlan, tagFiles: [(String, [UInt8])],
        reports: [BundleReport],
        provenanceSize: Int64, oscalSize: Int64, site: [SiteSpool.Page], time: Int64
    ) -> [BundleEntry] {
        var files: [BundleEntry] = []
        for (name, bytes) in tagFiles {
            files.append(
                BundleEntry(path: name, content: .bytes(bytes), size: Int64(bytes.count), modificationTime: time))
        }
        for (index, source) in plan.sources.enumerated() {
            files.append(
                BundleEntry(
                    path: "\(payloadFolder)/\(source.bagPath)", content: .source(index), size: source.size,
                    modificationTime: min(source.commitTime ?? time, time), isExecutable: source.isExecutable))
        }
        for report in reports {
            files.append(
                BundleEntry(
                    path: "\(payloadFolder)/\(report.name)", content: .spooled(report.spooled),
                    size: report.spooled.size, modificationTime: time))
        }
        files.append(
            BundleEntry(
                path: "\(payloadFolder)/provenance.csv", content: .provenance, size: provenanceSize,
                modificationTime: time))
        files.append(
            BundleEntry(
                path: "\(payloadFolder)/oscal/\(OscalExport.fileName)", content: .oscal, size: oscalSize,
                modificationTime: time))
        for (index, page) in site.enumerated() {
            files.append(
                BundleEntry(
                    path: "\(payloadFolder)/\(BundlePlan.siteFolder)/\(page.path)", content: .sitePage(index),
                    size: page.spooled.size, modificationTime: time))
        }
        for algorithm in DigestAlgorithm.allCases {
            files.append(
                BundleEntry(
                    path: algorithm.manifestName, content: .manifest(algorithm), size: 0, modificationTime: time))
            files.append(
                BundleEntry(
                    path: algorithm.tagManifestName, content: .tagManifest(algorithm), size: 0, modificationTime: time))
        }
        var folders: Set<String> = [""]
        for file in files {
            var parts = file.path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        let directories = folders.map { BundleEntry(path: $0, content: .directory, size: 0, modificationTime: time) }
        return (directories + files).sorted { $0.sortKey.lexicographicallyPrecedes($1.sortKey) }
    }
}
