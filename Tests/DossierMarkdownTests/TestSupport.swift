import DossierMarkdown

/// Renders `source` with options changed by `configure`.
func render(_ source: String, _ configure: (inout MarkdownOptions) -> Void = { _ in }) throws -> MarkdownDocument {
    var options = MarkdownOptions()
    configure(&options)
    return try Markdown.render(source, options: options)
}

/// Options with the given `label → url` reference definitions.
func definitions(_ pairs: KeyValuePairs<String, String>) -> (inout MarkdownOptions) -> Void {
    { options in options.referenceDefinitions = pairs.map { MarkdownReferenceDefinition(label: $0.key, url: $0.value) }
    }
}

/// Number of non-overlapping occurrences of `needle` in `haystack`.
func occurrences(of needle: String, in haystack: String) -> Int {
    haystack.split(separator: needle, omittingEmptySubsequences: false).count - 1
}
