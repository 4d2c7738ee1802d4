import DossierCore
import Foundation

/// Rules for file names inside a bag: what a BagIt validator and the auditor's file system can round-trip.
public enum BagPath {
    /// Why a workspace-relative path cannot be shipped in a bag (to finish the sentence "`path` …"), or nil.
    ///
    /// BagIt manifests are UTF-8 text with one path per line; CR, LF and `%` would have to be percent-encoded,
    /// and the Library of Congress validator fails on the encoded form, so such names are refused rather than
    /// shipped unverifiable. Backslashes and control characters are refused because an auditor's Windows
    /// machine would read them as separators or cannot create them.
    public static func problem(with path: [UInt8]) -> String? {
        guard String(validating: path, as: UTF8.self) != nil else {
            return "is not valid UTF-8 (BagIt manifests are UTF-8 text)"
        }
        if path.contains(13) || path.contains(10) {
            return "contains a line break (CR or LF), which BagIt validators cannot round-trip"
        }
        if path.contains(UInt8(ascii: "%")) {
            return "contains `%`, which the Library of Congress BagIt validator cannot round-trip"
        }
        if path.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return "contains a control character" }
        if path.contains(UInt8(ascii: "\\")) { return "contains a backslash, a folder separator on Windows" }
        return nil
    }

    /// The spelling a bag uses for a name: Unicode NFC, as libarchive writes names and as macOS and Windows
    /// tools expect. A workspace committed from a Mac often holds NFD names.
    /// Evidence path bytes → the shipped file's path relative to the bag's site (`data/site/` →
    /// `../evidence/…`), for the site's links to the evidence beside it.
    public static func siteLinks(_ evidence: some Sequence<[UInt8]>) -> [[UInt8]: String] {
        var links: [[UInt8]: String] = [:]
        for path in evidence { links[path] = "../" + normalized(EvidenceFile.display(path)) }
        return links
    }

    public static func normalized(_ path: String) -> String {
        path.precomposedStringWithCanonicalMapping
    }

    /// The spelling under which two names land on the same file on macOS or Windows: Unicode NFC, then case
    /// folded. Names are distinct in git (and in a tar) but collide when the auditor unpacks them.
    public static func collisionKey(_ path: String) -> String {
        path.precomposedStringWithCanonicalMapping
            .folding(options: [.caseInsensitive], locale: nil)
            .precomposedStringWithCanonicalMapping
    }

    /// Percent-decodes the three escapes RFC 8493 defines for manifest paths (`%0D`, `%0A`, `%25`); any other
    /// `%` is kept as written.
    public static func decodeManifestPath(_ text: Substring) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count {
                let code = String(decoding: utf8[(i + 1)...(i + 2)], as: UTF8.self).uppercased()
                let decoded: UInt8? = code == "0D" ? 13 : code == "0A" ? 10 : code == "25" ? 37 : nil
                if let decoded {
                    bytes.append(decoded)
                    i += 3
                    continue
                }
            }
            bytes.append(utf8[i])
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
