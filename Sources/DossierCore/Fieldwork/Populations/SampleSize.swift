/// How many items to test when the auditor names no size: the sample sizes by control frequency that SOC
/// examinations commonly use for tests of controls (README, "Populations and samples", cites the guidance).
///
/// The AICPA prescribes no sizes (AU-C 530 and the AICPA Audit Guide *Audit Sampling* leave them to the
/// auditor's judgement of tolerable deviation and risk); the table is the usual reading of that guidance for
/// controls that operate at a known frequency: annual 1, quarterly 2, monthly 2, weekly 5, daily 25, several
/// times a day 25–60. Dossier takes the low end of a range and never more than the population.
public enum SampleSize {
    /// The guidance size for a frequency, before it is capped at the population.
    public static func guidance(for frequency: Frequency) -> Int {
        switch frequency {
        case .once, .annual: 1
        case .semiannual, .quarterly, .monthly: 2
        case .weekly: 5
        case .daily, .continuous: 25
        }
    }

    /// The guidance size for a population: by its frequency for files; for rows, each row is one occurrence of
    /// a control that operates as events happen (a merged change, a new hire), the "several times a day" row.
    public static func guidance(for population: Population) -> Int {
        population.unit == .rows ? guidance(for: .continuous) : guidance(for: population.frequency)
    }

    /// The row of the guidance table a population falls in, for people.
    public static func row(for population: Population) -> String {
        population.unit == .rows ? "each row an occurrence, \(row(for: .continuous))" : row(for: population.frequency)
    }

    /// The row of the guidance table a frequency falls in, for people.
    public static func row(for frequency: Frequency) -> String {
        switch frequency {
        case .once: "once (as annual): 1"
        case .annual: "annual: 1"
        case .semiannual: "semiannual (as quarterly): 2"
        case .quarterly: "quarterly: 2"
        case .monthly: "monthly: 2"
        case .weekly: "weekly: 5"
        case .daily: "daily: 25"
        case .continuous: "several times a day: 25 (the low end of 25–60)"
        }
    }
}
