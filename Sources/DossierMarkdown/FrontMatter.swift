/// YAML front matter found at the top of a narrative, returned raw (parsing it is `DossierYAML`'s job).
public struct FrontMatter: Sendable, Equatable {
    /// The lines between the opening `---` and the closing `---` or `...`, with their line endings.
    /// Its first line is line 2 of the file.
    public var yaml: String
    /// 1-based line, in the file, where the Markdown body starts (the line after the closing line).
    public var bodyStartLine: Int

    public init(yaml: String, bodyStartLine: Int) {
        self.yaml = yaml
        self.bodyStartLine = bodyStartLine
    }
}
