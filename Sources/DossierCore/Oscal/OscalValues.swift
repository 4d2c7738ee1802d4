import Foundation

/// How Dossier's values are written in OSCAL: properties in Dossier's namespace, timestamps, tokens and URI
/// references.
enum OscalValues {
    static func prop(_ name: String, _ value: String) -> OscalAssessmentResults.Property {
        OscalAssessmentResults.Property(
            name: name, value: value.isEmpty ? "-" : value, ns: OscalExport.namespace, class: nil)
    }

    static func timestamp(_ day: CalendarDay) -> String { "\(day)T00:00:00Z" }

    /// OSCAL tokens start with a letter or `_`; a control id that starts with a digit gets a leading `_`.
    static func token(_ id: String) -> String {
        guard let first = id.unicodeScalars.first, CharacterSet.letters.contains(first) || first == "_" else {
            return "_" + id
        }
        return id
    }

    /// A workspace path as a URI reference: every byte outside RFC 3986's unreserved set and `/` is
    /// percent-encoded.
    static func uriPath(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~/".contains(c) {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }

    static func mediaType(_ path: String) -> String? {
        switch path.split(separator: ".").last?.lowercased() {
        case "csv": "text/csv"
        case "tsv": "text/tab-separated-values"
        case "json": "application/json"
        case "yaml", "yml": "application/yaml"
        case "pdf": "application/pdf"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "txt", "log": "text/plain"
        case "md": "text/markdown"
        default: nil
        }
    }
}
