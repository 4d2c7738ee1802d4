/// Judges an entry's name as stored in an archive, before anything is read from it.
enum EntryName {
    /// Why a name is refused (traversal, absolute, separators a Windows tool would honour), or nil.
    static func problem(_ bytes: [UInt8]) -> String? {
        if bytes.isEmpty { return "an entry has an empty name" }
        if bytes.first == UInt8(ascii: "/") { return "is an absolute path" }
        if bytes.contains(UInt8(ascii: "\\")) { return "contains a backslash, a folder separator on Windows" }
        if bytes.count >= 2, bytes[1] == UInt8(ascii: ":") { return "starts with a drive letter" }
        var components = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        if components.last?.isEmpty == true { components.removeLast() }
        if components.contains(where: { $0.elementsEqual("..".utf8) }) {
            return "contains a `..` segment (path traversal)"
        }
        if components.contains(where: { $0.isEmpty || $0.elementsEqual(".".utf8) }) {
            return "contains an empty or `.` segment"
        }
        if String(validating: bytes, as: UTF8.self) == nil { return "is not valid UTF-8" }
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return "contains a control character" }
        return nil
    }

    /// The name without a trailing `/` (tar and zip spell directories with one).
    static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        while result.count > 1, result.last == UInt8(ascii: "/") { result.removeLast() }
        return result
    }
}
