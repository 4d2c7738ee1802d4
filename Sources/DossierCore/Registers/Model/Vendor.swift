/// One entry of the vendor inventory (`vendors.yaml`).
public struct Vendor: Sendable, Hashable {
    public enum Criticality: String, Sendable, CaseIterable, Codable {
        case high, medium, low
    }

    /// What kind of data the vendor handles.
    public enum DataKind: String, Sendable, CaseIterable, Codable {
        case customer, personal, confidential, none
    }

    public var id: String
    public var name: String
    public var service: String?
    public var owner: String
    public var criticality: Criticality
    public var data: [DataKind]
    /// Processes personal data on the organisation's behalf: listed on the subprocessor page.
    public var subprocessor: Bool
    public var assurance: [AssuranceReport]
    public var review: VendorReview?
    /// Evidence glob of the data processing agreement.
    public var dpa: String?
    public var mark: SourceMark

    /// High and medium vendors need current assurance.
    public var needsAssurance: Bool { criticality != .low }
    public var handlesPersonalData: Bool { data.contains(.personal) }
}

/// One of a vendor's own attestation reports: an evidence glob, and the end of the period it covers.
public struct AssuranceReport: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case soc2Type1 = "soc2-type1"
        case soc2Type2 = "soc2-type2"
        case iso27001
        case pciDSS = "pci-dss"
        case pentest
        case questionnaire
        case other
    }

    public var kind: Kind
    public var path: String
    /// The end of the period the report covers; a questionnaire may leave it out (its file date counts).
    public var periodEnd: CalendarDay?
    public var mark: SourceMark
}

/// How often a vendor is reviewed, and where the reviews are kept.
public struct VendorReview: Sendable, Hashable {
    public var frequency: Frequency
    public var path: String
}
