import Foundation

/// Writes a pretty-printed, key-sorted JSON object whose long top-level arrays are encoded a slice at a time,
/// with the same bytes JSONEncoder gives for the whole value (a test compares them).
///
/// How: the object is encoded with those arrays empty, which JSONEncoder prints as `"key" : [\n\n  ]` on a
/// line of its own at two spaces (a JSON string never holds a raw newline, so a line that starts with two
/// spaces and a quote is a top-level key). Each slice is encoded as an array of its own at the top level
/// and re-indented by two spaces (blank lines, which JSONEncoder leaves unindented inside empty containers,
/// stay blank), then written between the brackets with the `,\n` separators JSONEncoder uses.
struct ReportStream {
    /// Elements encoded per call: controls carry their requirements and file lists, so they go a few at a time.
    struct Slices {
        var controls = 16
        var files = 256
    }

    var slices = Slices()

    let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }()

    /// `head` is the report with its controls and evidence files left out; each array is given as its
    /// length and a function that converts a range of it (so a caller need not hold the converted whole).
    func write(
        head: ReadinessReport,
        controls: (count: Int, slice: (Range<Int>) -> [ReadinessReport.Control]),
        files: (count: Int, slice: (Range<Int>) -> [ReadinessReport.File]),
        _ sink: ([UInt8]) throws -> Void
    ) throws {
        let bytes = [UInt8](try encoder.encode(head))
        var position = 0
        for key in ["controls", "evidence_files"] {  // in key order, as they appear in the sorted head
            let empty = Array("\n  \"\(key)\" : [\n\n  ]".utf8)
            guard let start = Self.find(empty, in: bytes, from: position) else {
                throw ReportStreamError(key: key)
            }
            let open = start + empty.count - 5  // the line up to `[`; the empty array's `\n\n  ]` is replaced
            try sink(Array(bytes[position..<open]))
            let wroteAny =
                key == "controls"
                ? try encode(controls.count, length: slices.controls, controls.slice, sink)
                : try encode(files.count, length: slices.files, files.slice, sink)
            try sink(Array((wroteAny ? "\n  ]" : "\n\n  ]").utf8))
            position = start + empty.count
        }
        var tail = Array(bytes[position...])
        tail.append(10)
        try sink(tail)
    }

    /// Writes `count` elements, `length` at a time, as the inside of a top-level array; false if none.
    private func encode<Element: Encodable>(
        _ count: Int, length: Int, _ slice: (Range<Int>) -> [Element], _ sink: ([UInt8]) throws -> Void
    ) throws -> Bool {
        var start = 0
        while start < count {
            let end = min(start + length, count)
            let encoded = [UInt8](try encoder.encode(slice(start..<end)))
            // `[\n  {…},\n  {…}\n]` → `\n    {…},\n    {…}`, preceded by `,` after the first slice.
            var out: [UInt8] = []
            out.reserveCapacity(encoded.count + encoded.count / 8)
            if start > 0 { out.append(UInt8(ascii: ",")) }
            let inner = encoded[1..<(encoded.count - 2)]  // from the first `\n` to before `\n]`
            var lineStart = true
            for byte in inner {
                if lineStart && byte != 10 { out.append(contentsOf: [32, 32]) }
                out.append(byte)
                lineStart = byte == 10
            }
            try sink(out)
            start = end
        }
        return count > 0
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var i = from
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

/// JSONEncoder printed an empty array differently from what `ReportStream` expects (a Foundation change);
/// the tests would catch it first.
struct ReportStreamError: Error, CustomStringConvertible {
    var key: String
    var description: String {
        "readiness report: could not find the empty `\(key)` array to stream into (a Dossier bug)"
    }
}
