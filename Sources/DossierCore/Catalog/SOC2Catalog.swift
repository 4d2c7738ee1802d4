/// The built-in SOC 2 catalog: the 61 criteria of the 2017 Trust Services Criteria (revised points of focus, 2022).
public enum SOC2Catalog {
    public static let frameworkID = "soc2"

    /// All criteria in document order.
    public static let criteria: [Criterion] = common + availability + confidentiality + processingIntegrity + privacy

    private static let byID: [String: Criterion] = Dictionary(uniqueKeysWithValues: criteria.map { ($0.id, $0) })

    /// The criterion with this exact id (ids are case-sensitive, as written in the TSC: `CC6.1`, `PI1.2`).
    public static func criterion(_ id: String) -> Criterion? { byID[id] }

    /// Families in document order, each with its criteria.
    public static var families: [(family: String, criteria: [Criterion])] {
        var order: [String] = []
        var members: [String: [Criterion]] = [:]
        for criterion in criteria {
            if members[criterion.family] == nil { order.append(criterion.family) }
            members[criterion.family, default: []].append(criterion)
        }
        return order.map { ($0, members[$0]!) }
    }

    // MARK: - Security: the common criteria

    private static let cc1 = "CC1 Control Environment"
    private static let cc2 = "CC2 Communication and Information"
    private static let cc3 = "CC3 Risk Assessment"
    private static let cc4 = "CC4 Monitoring Activities"
    private static let cc5 = "CC5 Control Activities"
    private static let cc6 = "CC6 Logical and Physical Access"
    private static let cc7 = "CC7 System Operations"
    private static let cc8 = "CC8 Change Management"
    private static let cc9 = "CC9 Risk Mitigation"

    private static let common: [Criterion] = [
        Criterion("CC1.1", .security, cc1, "Leadership shows a commitment to integrity and ethical values"),
        Criterion("CC1.2", .security, cc1, "The board is independent of management and oversees internal control"),
        Criterion(
            "CC1.3", .security, cc1, "Management sets up structures, reporting lines, authority and responsibility"),
        Criterion("CC1.4", .security, cc1, "The organisation attracts, develops and keeps competent people"),
        Criterion("CC1.5", .security, cc1, "People are held accountable for their internal control duties"),
        Criterion("CC2.1", .security, cc2, "Relevant, good-quality information supports internal control"),
        Criterion("CC2.2", .security, cc2, "Control objectives and responsibilities are communicated internally"),
        Criterion("CC2.3", .security, cc2, "Matters affecting internal control are communicated to outside parties"),
        Criterion("CC3.1", .security, cc3, "Objectives are specified clearly enough to identify their risks"),
        Criterion("CC3.2", .security, cc3, "Risks to objectives are identified and analysed"),
        Criterion("CC3.3", .security, cc3, "The potential for fraud is considered when assessing risk"),
        Criterion("CC3.4", .security, cc3, "Changes that could affect internal control are identified and assessed"),
        Criterion(
            "CC4.1", .security, cc4, "Ongoing and separate evaluations check that controls are present and working"),
        Criterion(
            "CC4.2", .security, cc4, "Control deficiencies are evaluated and communicated in time for correction"),
        Criterion("CC5.1", .security, cc5, "Control activities are chosen and developed to reduce risks"),
        Criterion("CC5.2", .security, cc5, "General controls over technology are chosen and developed"),
        Criterion("CC5.3", .security, cc5, "Control activities are deployed through policies and procedures"),
        Criterion(
            "CC6.1", .security, cc6, "Logical access security software, infrastructure and architecture protect assets"),
        Criterion("CC6.2", .security, cc6, "Users are registered and authorised before access is granted"),
        Criterion("CC6.3", .security, cc6, "Access is granted, changed and removed by role and least privilege"),
        Criterion("CC6.4", .security, cc6, "Physical access to facilities and protected assets is restricted"),
        Criterion("CC6.5", .security, cc6, "Data and software are protected when assets are disposed of"),
        Criterion("CC6.6", .security, cc6, "Threats from outside the system boundary are guarded against"),
        Criterion("CC6.7", .security, cc6, "Moving and transmitting information is restricted and protected"),
        Criterion("CC6.8", .security, cc6, "Unauthorised or malicious software is prevented or detected"),
        Criterion("CC7.1", .security, cc7, "Configuration changes and new vulnerabilities are detected and monitored"),
        Criterion(
            "CC7.2", .security, cc7, "System components are monitored for anomalies that signal attacks or errors"),
        Criterion("CC7.3", .security, cc7, "Security events are evaluated to decide whether they are incidents"),
        Criterion("CC7.4", .security, cc7, "Security incidents are responded to with a defined programme"),
        Criterion("CC7.5", .security, cc7, "The organisation recovers from identified security incidents"),
        Criterion(
            "CC8.1", .security, cc8, "Changes to infrastructure, data and software are authorised, tested and approved"),
        Criterion("CC9.1", .security, cc9, "Risks from business disruption are identified and mitigated"),
        Criterion("CC9.2", .security, cc9, "Risks from vendors and business partners are assessed and managed"),
    ]

    // MARK: - Additional criteria

    private static let a1 = "A1 Availability"
    private static let c1 = "C1 Confidentiality"
    private static let pi1 = "PI1 Processing Integrity"

    private static let availability: [Criterion] = [
        Criterion("A1.1", .availability, a1, "Capacity is monitored and managed to meet availability commitments"),
        Criterion(
            "A1.2", .availability, a1, "Environmental protections, backups and recovery infrastructure are in place"),
        Criterion("A1.3", .availability, a1, "Recovery plans are tested to support availability commitments"),
    ]

    private static let confidentiality: [Criterion] = [
        Criterion("C1.1", .confidentiality, c1, "Confidential information is identified and protected"),
        Criterion("C1.2", .confidentiality, c1, "Confidential information is disposed of as committed"),
    ]

    private static let processingIntegrity: [Criterion] = [
        Criterion(
            "PI1.1", .processingIntegrity, pi1,
            "Information about processing objectives and data definitions is kept and used"),
        Criterion("PI1.2", .processingIntegrity, pi1, "System inputs are complete and accurate"),
        Criterion("PI1.3", .processingIntegrity, pi1, "Processing is complete, accurate and timely"),
        Criterion(
            "PI1.4", .processingIntegrity, pi1, "Outputs are complete, accurate and delivered only to intended parties"),
        Criterion(
            "PI1.5", .processingIntegrity, pi1,
            "Stored inputs, items in processing and outputs are complete and accurate"),
    ]

    // MARK: - Privacy

    private static let p1 = "P1 Notice"
    private static let p2 = "P2 Choice and Consent"
    private static let p3 = "P3 Collection"
    private static let p4 = "P4 Use, Retention and Disposal"
    private static let p5 = "P5 Access"
    private static let p6 = "P6 Disclosure and Notification"
    private static let p7 = "P7 Quality"
    private static let p8 = "P8 Monitoring and Enforcement"

    private static let privacy: [Criterion] = [
        Criterion("P1.1", .privacy, p1, "Data subjects are told about privacy practices"),
        Criterion("P2.1", .privacy, p2, "Choices about personal information are offered and consent is recorded"),
        Criterion("P3.1", .privacy, p3, "Personal information is collected only for the stated purposes"),
        Criterion("P3.2", .privacy, p3, "Explicit consent is obtained where required before collection"),
        Criterion("P4.1", .privacy, p4, "Personal information is used only for the stated purposes"),
        Criterion("P4.2", .privacy, p4, "Personal information is retained only as long as committed"),
        Criterion("P4.3", .privacy, p4, "Personal information is disposed of securely"),
        Criterion("P5.1", .privacy, p5, "Data subjects can access their personal information"),
        Criterion("P5.2", .privacy, p5, "Data subjects can correct or amend their personal information"),
        Criterion("P6.1", .privacy, p6, "Personal information is disclosed to third parties only with consent"),
        Criterion("P6.2", .privacy, p6, "Authorised disclosures of personal information are recorded"),
        Criterion("P6.3", .privacy, p6, "Unauthorised disclosures are recorded"),
        Criterion("P6.4", .privacy, p6, "Vendors with access to personal information meet privacy commitments"),
        Criterion("P6.5", .privacy, p6, "Vendors report unauthorised disclosures to the organisation"),
        Criterion("P6.6", .privacy, p6, "Affected parties are notified of breaches and incidents"),
        Criterion("P6.7", .privacy, p6, "Data subjects can get an account of what was disclosed about them"),
        Criterion("P7.1", .privacy, p7, "Personal information is kept accurate, complete and relevant"),
        Criterion("P8.1", .privacy, p8, "Privacy inquiries, complaints and disputes are handled and monitored"),
    ]
}
