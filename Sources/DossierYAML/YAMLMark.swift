/// A position in a YAML file, 1-based like every editor and compiler diagnostic.
///
/// libyaml counts from 0 and counts columns in characters (Unicode scalars), not bytes, so a
/// line holding `é` before a key moves the key one column, not two. Line breaks are what libyaml
/// 0.2.5 treats as breaks: LF, CR, CR LF, and also NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR.
public struct YAMLMark: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in characters.
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The very start of the file, where whole-file problems are reported.
    public static let start = YAMLMark(line: 1, column: 1)

    /// `line:column`, the form used in `controls.yaml:12:5: error: …`.
    public var description: String { "\(line):\(column)" }
}
