/// `bagit.txt`, which RFC 8493 fixes to exactly two lines.
public enum BagDeclaration {
    public static let fileName = "bagit.txt"
    public static let text = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    public static var bytes: [UInt8] { Array(text.utf8) }

    /// What is wrong with a `bagit.txt`, or nil when it declares BagIt 1.0 in UTF-8.
    public static func problem(with bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "starts with a byte-order mark, which RFC 8493 forbids" }
        guard let text = String(validating: bytes, as: UTF8.self) else { return "is not UTF-8" }
        let fields = BagInfo.parse(text)
        let version = fields.first { $0.label == "BagIt-Version" }?.value
        let encoding = fields.first { $0.label == "Tag-File-Character-Encoding" }?.value
        guard fields.count == 2, version != nil, encoding != nil else {
            return "must hold exactly the lines `BagIt-Version` and `Tag-File-Character-Encoding`"
        }
        if version != "1.0" { return "declares BagIt-Version \(version!), expected 1.0" }
        if encoding != "UTF-8" { return "declares Tag-File-Character-Encoding \(encoding!), expected UTF-8" }
        return nil
    }
}
