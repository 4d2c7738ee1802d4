import Foundation

/// `bag-info.txt`: labelled metadata lines (`Label: value`), in the order written. Labels may repeat.
public struct BagInfo: Sendable {
    public static let fileName = "bag-info.txt"

    public struct Field: Sendable, Hashable {
        public var label: String
        public var value: String
    }

    public var fields: [Field] = []

    public init(fields: [Field] = []) { self.fields = fields }

    /// Appends a field; a value is one line, so line breaks and other control characters become spaces.
    public mutating func add(_ label: String, _ value: String) {
        let clean = String(value.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
        fields.append(Field(label: label, value: clean))
    }

    /// The first value of `label` (labels compare case-insensitively, as RFC 8493 asks).
    public subscript(_ label: String) -> String? {
        fields.first { $0.label.lowercased() == label.lowercased() }?.value
    }

    public var bytes: [UInt8] {
        Array(fields.map { "\($0.label): \($0.value)\n" }.joined().utf8)
    }

    /// Parses tag-file lines: `Label: value`, continuation lines start with a space or tab. Lines end in LF,
    /// CRLF or CR.
    public static func parse(_ text: String) -> [Field] {
        var result: [Field] = []
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: true)
        for line in lines {
            if let first = line.first, first == " " || first == "\t", !result.isEmpty {
                result[result.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            result.append(
                Field(
                    label: line[..<colon].trimmingCharacters(in: .whitespaces),
                    value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return result
    }

    /// `Payload-Oxum: <octets>.<files>`.
    public static func oxum(bytes: Int64, files: Int) -> String { "\(bytes).\(files)" }
}
