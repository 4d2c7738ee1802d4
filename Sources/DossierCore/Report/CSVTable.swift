import Foundation

/// An RFC 4180 CSV document that is safe to open in a spreadsheet.
///
/// - Fields holding a comma, a double quote, CR or LF are quoted, with quotes doubled; rows end in CRLF.
/// - **Formula injection.** A cell that begins with `=`, `+`, `-`, `@`, a tab or CR (or the full-width
///   `＝ ＋ － ＠`) would be run as a formula by Excel or LibreOffice (`=HYPERLINK(…)` in an evidence file
///   name or a commit author is enough). Such a cell gets a leading apostrophe, the OWASP recommendation:
///   spreadsheets show the text as written and the apostrophe marks it as neutralised. The exact values are
///   in `readiness.json` and the manifests, which nobody opens in a spreadsheet.
/// - The document starts with a UTF-8 byte-order mark so that Excel reads non-ASCII names as UTF-8
///   (Python reads it with `encoding="utf-8-sig"`).
public struct CSVTable: Sendable {
    public private(set) var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    public init(header: [String]) { append(header) }

    public mutating func append(_ row: [String]) {
        bytes += Array((row.map(Self.field).joined(separator: ",") + "\r\n").utf8)
    }

    /// One field, neutralised and quoted as needed.
    public static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, formulaTriggers.contains(first) { text = "'" + text }
        let needsQuotes = text.utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
        }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static let formulaTriggers: Set<Unicode.Scalar> = [
        "=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}",
    ]
}
