extension RequirementResult {
    /// Whether one matching file, on its own, would keep this requirement fresh on `asOf`: the rule
    /// ``ReadinessEngine`` applies to the newest file, applied to each file so pages can mark old ones.
    public func freshness(of file: EvidenceFile, asOf: CalendarDay, graceDays: Int) -> EvidenceState {
        guard let date = file.date else { return .undated }
        guard let window = frequency.freshnessWindow else { return .fresh }
        return asOf.days(since: date) <= window + graceDays ? .fresh : .stale
    }
}
