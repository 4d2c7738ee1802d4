/// Checks the bag an ``EntryScan`` read: `bagit.txt`, `bag-info.txt` (Payload-Oxum, External-Identifier),
/// both payload manifests and both tag manifests. Every listed file must be present with the listed
/// digests, every file present must be listed, and nothing else may sit beside the tag files.
struct BagCheck {
    let scan: EntryScan
    private(set) var bagInfo = BagInfo()
    private var problems: [String] = []

    static let expectedTagFiles: Set<String> = Set(
        [BagDeclaration.fileName, BagInfo.fileName, BagReadme.fileName]
            + DigestAlgorithm.allCases.flatMap { [$0.manifestName, $0.tagManifestName] })

    init(scan: EntryScan) { self.scan = scan }

    mutating func run() -> [String] {
        guard scan.root != nil else { return [] }
        checkDeclaration()
        checkBagInfo()
        for algorithm in DigestAlgorithm.allCases {
            checkPayloadManifest(algorithm)
            checkTagManifest(algorithm)
        }
        for name in scan.tagFiles.keys.map(Self.text).sorted() where !Self.expectedTagFiles.contains(name) {
            problems.append(
                "`\(name)` is not part of a Dossier bag (only bagit.txt, bag-info.txt, README.txt and the SHA-256/SHA-512 manifests belong beside data/)"
            )
        }
        return problems
    }

    private func tagFile(_ name: String) -> EntryScan.TagFile? { scan.tagFiles[Array(name.utf8)] }

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    private mutating func checkDeclaration() {
        guard let file = tagFile(BagDeclaration.fileName) else {
            problems.append("bagit.txt is missing")
            return
        }
        if let problem = BagDeclaration.problem(with: file.bytes) { problems.append("bagit.txt \(problem)") }
    }

    private mutating func checkBagInfo() {
        guard let file = tagFile(BagInfo.fileName) else {
            problems.append("bag-info.txt is missing")
            return
        }
        guard let text = String(validating: file.bytes, as: UTF8.self) else {
            problems.append("bag-info.txt is not UTF-8")
            return
        }
        bagInfo = BagInfo(fields: BagInfo.parse(text))
        let root = String(decoding: scan.root ?? [], as: UTF8.self)
        if let identifier = bagInfo["External-Identifier"], identifier != root {
            problems.append("bag-info.txt names the bundle `\(identifier)` but its folder is `\(root)`")
        }
        let files = scan.payload.count
        let bytes = scan.payload.values.reduce(Int64(0)) { $0 + $1.size }
        guard let oxum = bagInfo["Payload-Oxum"] else {
            problems.append("bag-info.txt has no Payload-Oxum")
            return
        }
        if oxum != BagInfo.oxum(bytes: bytes, files: files) {
            problems.append(
                "Payload-Oxum in bag-info.txt is \(oxum) but the payload holds \(BagInfo.oxum(bytes: bytes, files: files)) (bytes.files)"
            )
        }
    }

    private mutating func checkPayloadManifest(_ algorithm: DigestAlgorithm) {
        let payload = scan.payload.mapValues(\.digests)
        check(
            algorithm.manifestName, algorithm, against: payload, mustList: Array(payload.keys),
            under: BundleLayout.payloadFolder + "/", changed: "its contents changed")
    }

    /// Tag manifests list every tag file but themselves (RFC 8493: they should not list tag manifests).
    private mutating func checkTagManifest(_ algorithm: DigestAlgorithm) {
        let tags = scan.tagFiles.mapValues(\.digests)
        let mustList = tags.keys.filter { !$0.starts(with: Array("tagmanifest-".utf8)) }
        check(
            algorithm.tagManifestName, algorithm, against: tags, mustList: mustList, under: nil,
            changed: "it was edited")
    }

    /// Checks manifest `name`: every line names a file of `files` (under `prefix`, when given) with the same
    /// digest, no path is listed twice, and every file of `mustList` is listed. Paths compare as bytes.
    private mutating func check(
        _ name: String, _ algorithm: DigestAlgorithm, against files: [[UInt8]: Digests], mustList: [[UInt8]],
        under prefix: String?, changed: String
    ) {
        guard let file = tagFile(name) else {
            problems.append("\(name) is missing")
            return
        }
        var parseProblems: [String] = []
        let manifest = Manifest.parse(file.bytes, algorithm: algorithm, problems: &parseProblems)
        problems += parseProblems.map { "\(name): \($0)" }
        var listed = Set<[UInt8]>()
        for line in manifest.lines {
            let bytes = Array(line.path.utf8)
            guard listed.insert(bytes).inserted else {
                problems.append("\(name) lists `\(line.path)` more than once")
                continue
            }
            if let prefix, !line.path.hasPrefix(prefix) {
                problems.append("\(name) lists `\(line.path)`, which is not under \(prefix)")
                continue
            }
            guard let found = files[bytes] else {
                problems.append("`\(line.path)` is listed in \(name) but missing from the bundle")
                continue
            }
            if found[algorithm] != line.digest {
                problems.append("`\(line.path)` does not match its \(algorithm.label) in \(name): \(changed)")
            }
        }
        for path in mustList.sorted(by: { $0.lexicographicallyPrecedes($1) }) where !listed.contains(path) {
            problems.append("`\(Self.text(path))` is in the bundle but not listed in \(name)")
        }
    }
}

extension DigestAlgorithm {
    var label: String { self == .sha256 ? "SHA-256" : "SHA-512" }
}
