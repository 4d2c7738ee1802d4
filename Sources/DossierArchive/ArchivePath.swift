/// The names the writer accepts: what an auditor can extract anywhere without surprises.
enum ArchivePath {
    /// Returns `nil` when `path` is acceptable, else why it is not.
    ///
    /// Refused: empty names, a leading `/`, empty, `.` or `..` components, a trailing `/`
    /// (directories are named without it; libarchive adds it), backslashes (a separator on
    /// Windows), NUL and other control characters.
    static func problem(with path: String) -> String? {
        if path.isEmpty { return "the path is empty" }
        if path.hasPrefix("/") { return "the path must be relative, not absolute" }
        if path.hasSuffix("/") { return "the path must not end with \"/\"" }
        if path.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            return "the path contains a control character"
        }
        if path.utf8.contains(UInt8(ascii: "\\")) { return "the path contains a backslash" }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch component {
            case "": return "the path contains an empty component (\"//\")"
            case ".", "..": return "the path contains a \"\(component)\" component"
            default: continue
            }
        }
        return nil
    }
}
