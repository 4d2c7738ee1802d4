/// One of the five SOC 2 Trust Services Categories. Security (the common criteria) is always in scope.
public enum TrustCategory: String, CaseIterable, Sendable, Codable, Comparable {
    case security
    case availability
    case processingIntegrity = "processing-integrity"
    case confidentiality
    case privacy

    /// The name an auditor uses for the category.
    public var title: String {
        switch self {
        case .security: "Security"
        case .availability: "Availability"
        case .processingIntegrity: "Processing Integrity"
        case .confidentiality: "Confidentiality"
        case .privacy: "Privacy"
        }
    }

    /// Order of presentation: the order of the Trust Services Criteria document.
    public static func < (lhs: TrustCategory, rhs: TrustCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
