/// Makes GitHub-style heading ids, unique within one document (as github-slugger does).
///
/// Lowercase; each space becomes `-`; letters, marks and numbers of any script are kept, as are `-` and `_`;
/// everything else (punctuation, symbols, emoji, other whitespace) is dropped. Repeats get `-1`, `-2`, …, skipping
/// ids already taken; an empty slug becomes `section`.
struct HeadingSlugger {
    /// How many times each base slug was handed out; reserved ids start at zero so they are never reused.
    private var occurrences: [String: Int]

    /// - Parameter reserved: ids already present in the HTML (cmark's footnote ids), never handed out.
    init(reserved: Set<String> = []) {
        occurrences = Dictionary(uniqueKeysWithValues: reserved.map { ($0, 0) })
    }

    mutating func id(for text: String) -> String {
        let base = Self.slug(text)
        var result = base
        while occurrences[result] != nil {
            occurrences[base, default: 0] += 1
            result = "\(base)-\(occurrences[base, default: 0])"
        }
        occurrences[result] = 0
        return result
    }

    static func slug(_ text: String) -> String {
        var slug = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case " ": slug.append("-")
            case "-", "_": slug.append(scalar)
            default:
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                    .nonspacingMark, .spacingMark, .enclosingMark,
                    .decimalNumber, .letterNumber, .otherNumber:
                    slug.append(scalar)
                default:
                    break
                }
            }
        }
        return slug.isEmpty ? "section" : String(slug)
    }
}
