/// A Trust Services Criterion such as CC6.1, with its family and a short title in Dossier's own words.
///
/// The AICPA's criteria text is copyrighted; titles here paraphrase what each criterion is about.
public struct Criterion: Sendable, Hashable, Codable {
    public let id: String
    public let category: TrustCategory
    /// The family the criterion belongs to, e.g. "CC6 Logical and Physical Access".
    public let family: String
    public let title: String

    public init(_ id: String, _ category: TrustCategory, _ family: String, _ title: String) {
        self.id = id
        self.category = category
        self.family = family
        self.title = title
    }
}
