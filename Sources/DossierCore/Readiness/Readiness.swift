/// Everything `check`, `build` and `bundle` report, computed once by ``ReadinessEngine``.
public struct Readiness: Sendable {
    public var asOf: CalendarDay
    public var controlMap: ControlMap
    public var inventory: EvidenceInventory
    public var controls: [ControlResult]
    public var criteria: [CriterionResult]
    public var categories: [CategoryResult]
    /// Usable evidence files that no requirement matches.
    public var unusedFiles: [EvidenceFile]

    public var covered: Int { categories.reduce(0) { $0 + $1.covered } }
    public var applicable: Int { categories.reduce(0) { $0 + $1.applicable } }
    public var percent: Double? { Self.percent(covered, applicable) }

    public func control(_ id: String) -> ControlResult? { controls.first { $0.control.id == id } }

    /// Percent with one decimal, or nil when nothing is applicable.
    static func percent(_ covered: Int, _ applicable: Int) -> Double? {
        guard applicable > 0 else { return nil }
        return (Double(covered) * 1000 / Double(applicable)).rounded() / 10
    }
}
