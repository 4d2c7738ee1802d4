/// A parsed Mustache template: the core of the Mustache spec (variables, `{{{raw}}}` and `{{&raw}}`,
/// sections, inverted sections, comments, partials, set delimiters, dotted names, the implicit iterator `.`,
/// standalone lines).
///
/// Why not swift-mustache, which Dossier used first: profiling `dossier build` on the benchmark's medium
/// workspace put 49% of the time in its renderer (a dynamic cast per name per context level, a dictionary
/// lookup per escaped character). This engine parses once into a tree of pre-split names and renders typed
/// `TemplateValue`s into a byte buffer; the test suite renders every built-in page with both engines and
/// requires identical bytes. Its extensions (transforms, inheritance, pragmas, dynamic partials) are refused
/// with an error naming the line and column rather than silently rendered differently.
struct MustacheTemplate: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        /// A name split at dots; empty for the implicit iterator `.`.
        case variable(path: [String], escaped: Bool)
        case section(path: [String], inverted: Bool, children: [Node])
        /// A standalone partial's indentation is put before every line it renders.
        case partial(name: String, indentation: [UInt8])
    }

    let nodes: [Node]

    init(_ source: String) throws(MustacheParseError) {
        var parser = MustacheParser(Array(source.utf8))
        nodes = try parser.parse()
    }
}

/// A template that does not parse, with the 1-based line and column of the offending tag.
struct MustacheParseError: Error, Sendable, CustomStringConvertible {
    var message: String
    var line: Int
    var column: Int
    var hint: String

    var description: String { "\(message) (line \(line), column \(column))" }
}
