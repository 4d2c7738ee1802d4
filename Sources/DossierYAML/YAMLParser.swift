/// Reads a YAML file into a ``YAMLNode`` tree with 1-based marks.
///
/// Never throws, never traps, and stops within ``YAMLLimits``: everything wrong with the input
/// comes back as a ``YAMLProblem`` in the result. Only the first document is read.
public enum YAMLParser {
    /// Parses UTF-8 bytes (a UTF-8 BOM is accepted; libyaml also reads UTF-16 that starts with
    /// a BOM).
    public static func parse(_ bytes: [UInt8], limits: YAMLLimits = YAMLLimits()) -> YAMLParseResult {
        guard bytes.count <= limits.maxBytes else {
            let problem = YAMLProblem(
                .tooLarge, "file is \(bytes.count) bytes; YAML files may be at most \(limits.maxBytes) bytes",
                at: .start)
            return YAMLParseResult(root: nil, problems: [problem])
        }
        let reader = YAMLEventReader(bytes: bytes)
        var builder = YAMLTreeBuilder(limits: limits)
        while true {
            do {
                if builder.consume(try reader.next()) == .stop { break }
            } catch {
                builder.fail(error)
                break
            }
        }
        return YAMLParseResult(root: builder.root, problems: builder.problems)
    }

    /// Parses text; the same as parsing its UTF-8 bytes.
    public static func parse(_ text: String, limits: YAMLLimits = YAMLLimits()) -> YAMLParseResult {
        parse(Array(text.utf8), limits: limits)
    }
}
