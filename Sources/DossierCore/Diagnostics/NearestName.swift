/// The closest of a few known names to a mistyped one, for "did you mean" hints.
public enum NearestName {
    /// The name in `candidates` nearest to `text` by edit distance, when close enough to be a typo
    /// (at most two edits, or a third of the name); nil when nothing is that close.
    public static func to(_ text: String, in candidates: [String]) -> String? {
        guard let near = candidates.min(by: { text.editDistance(to: $0) < text.editDistance(to: $1) }),
            text.editDistance(to: near) <= max(2, text.count / 3)
        else { return nil }
        return near
    }
}
